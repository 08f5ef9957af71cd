// fieldkit-ctl: scripting and admin CLI over the device store. Wires the process to the commands.
#include <cstdlib>
#include <fieldkit/common/args.hpp>
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/ctl/ctl_commands.hpp>
#include <iostream>

int main(int argc, char** argv) {
    // A PIN or plaintext must never end up in a core file: before anything is read or opened.
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-ctl"); !st) {
        std::cerr << "fieldkit-ctl: " << st.error().message << '\n';
        return 1;
    }
    try {
        auto args =
            fieldkit::common::Args::parse(argc, argv, {"version", "help", "json", "standalone", "confirm"});
        if (!args) {
            std::cerr << "fieldkit-ctl: " << args.error().message << '\n';
            return 2;
        }
        fieldkit::ctl::CtlEnvironment env{std::cin, std::cout, std::cerr, [](const char* name) {
                                              const char* value =
                                                  std::getenv(name); // NOLINT(concurrency-mt-unsafe)
                                              return value ? std::optional<std::string>(value) : std::nullopt;
                                          }};
        return fieldkit::ctl::runCtlCommand(*args, env);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-ctl");
    }
}
