// fieldkit-netfault: parses the command line and runs the proxy; all decisions live in the library.
#include <cstdint>
#include <fieldkit/common/args.hpp>
#include <fieldkit/netfault/proxy_options.hpp>
#include <fieldkit/netfault/proxy_server.hpp>
#include <fieldkit/version.hpp>
#include <iostream>
#include <random>

int main(int argc, char** argv) {
    using namespace fieldkit;
    auto args = common::Args::parse(argc, argv, netfault::proxyFlags());
    if (args && args->flag("help")) {
        std::cout << netfault::proxyUsage();
        return 0;
    }
    if (args && args->flag("version")) {
        std::cout << "fieldkit-netfault " << kVersion << '\n';
        return 0;
    }
    auto options = args ? netfault::parseProxyOptions(*args) : Result<netfault::ProxyOptions>(args.error());
    if (!options) {
        std::cerr << "fieldkit-netfault: " << options.error().message << " (see --help)\n";
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
