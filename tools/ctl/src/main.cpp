// fieldkit-ctl: scripting and admin CLI over the device store. Wires the process to the commands.
#include <cstdlib>
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/ctl/ctl_commands.hpp>
#include <fieldkit/ctl/syncd_retire.hpp>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
    // A PIN or plaintext must never end up in a core file: before anything is read or opened.
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-ctl"); !st) {
        std::cerr << "fieldkit-ctl: " << st.error().message << '\n';
        return 1;
    }
    try {
        fieldkit::ctl::CtlEnvironment env{std::cin,
                                          std::cout,
                                          std::cerr,
                                          [](const char* name) {
                                              const char* value =
                                                  std::getenv(name); // NOLINT(concurrency-mt-unsafe)
                                              return value ? std::optional<std::string>(value) : std::nullopt;
                                          },
                                          {}};
        env.retire = [](const std::filesystem::path& dataDir, const std::optional<std::string>& hub) {
            std::error_code ec;
            const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
            const auto daemon = fieldkit::ctl::syncdBeside(
                self, std::getenv("FIELDKIT_SYNCD")); // NOLINT(concurrency-mt-unsafe)
            return fieldkit::ctl::retireThroughSyncd(daemon, dataDir, hub, std::chrono::seconds(20));
        };
        return fieldkit::ctl::runCtlCommand(argc, argv, env);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-ctl");
    }
}
