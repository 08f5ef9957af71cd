#pragma once

#include <chrono>
#include <cstdint>
#include <fieldkit/common/args.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/netfault/link_profile.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace fieldkit::netfault {

/** Everything fieldkit-netfault is asked to do, checked. */
struct ProxyOptions {
    common::HostPort listen;
    common::HostPort target;
    LinkProfile link;
    std::optional<std::uint64_t> seed;   // nullopt: pick one and log it, so the run can still be replayed
    Milliseconds idleTimeout{3'600'000}; // a connection silent both ways for this long is closed
    Milliseconds connectTimeout{10'000}; // reaching the target
    Milliseconds writeTimeout{60'000};   // a peer that reads nothing for this long is gone
};

/** The options fieldkit-netfault accepts without a value. */
[[nodiscard]] const std::set<std::string>& proxyFlags();

/** Reads the command line: --listen and --target are required, --profile sets the base values and every
 * explicit option overrides one of them. Any mistake is an error that names the option. */
[[nodiscard]] Result<ProxyOptions> parseProxyOptions(const common::Args& args);

/** Parses "MIN-MAX" or "N" milliseconds; "0" means never (nullopt inside). */
[[nodiscard]] Result<std::optional<DropInterval>> parseDropInterval(std::string_view text);

/** The --help text. */
[[nodiscard]] std::string proxyUsage();

} // namespace fieldkit::netfault
