// fieldkit-netfault: parses the command line and runs the proxy; all decisions live in the library.
#include <cstdint>
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/netfault/proxy_options.hpp>
#include <fieldkit/netfault/proxy_server.hpp>
#include <iostream>
#include <random>

namespace {

int runProxy(int argc, char** argv) {
    using namespace fieldkit;
    netfault::ProxyCommandLine commandLine;
    auto parsed = commandLine.parse(argc, argv, std::cout, std::cerr);
    if (const int* status = std::get_if<int>(&parsed)) {
        return *status;
    }
    auto options = netfault::proxyOptions(std::get<netfault::ProxyArguments>(parsed));
    if (!options) {
        std::cerr << "fieldkit-netfault: " << options.error().message << " (see fieldkit-netfault --help)\n";
        return 2;
    }
    // Without --seed the run still gets one, logged, so it can be replayed.
    const std::uint64_t seed =
        options->seed.value_or((std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}());

    netfault::ProxyServer server(*options, seed, std::cerr);
    auto bound = server.listen();
    if (!bound) {
        std::cerr << "fieldkit-netfault: " << bound.error().message << '\n';
        return 1;
    }
    std::cout << "listening on " << bound->toString() << std::endl;
    server.run();
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    // The same last resort as every program: an escaped exception ends it with one line and exit 1, never an
    // abort (hardening also keeps core files of the relayed traffic off the disk).
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-netfault"); !st) {
        std::cerr << "fieldkit-netfault: " << st.error().message << '\n';
        return 1;
    }
    try {
        return runProxy(argc, argv);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-netfault");
    }
}
