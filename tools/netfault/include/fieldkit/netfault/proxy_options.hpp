#pragma once

#include <chrono>
#include <cstdint>
#include <fieldkit/common/command_line.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/netfault/link_profile.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

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

/** The command line as given: each number already in its range, nothing yet combined. */
struct ProxyArguments {
    std::string listen;
    std::string target;
    std::string profile = "none";
    LinkOverrides link;
    std::optional<std::string> dropEvery; // "MIN-MAX", "N" or "0"
    std::optional<std::uint64_t> seed;
    std::optional<std::uint64_t> idleTimeoutMs;
};

/** fieldkit-netfault's command line: every option, range and help text. */
class ProxyCommandLine {
public:
    ProxyCommandLine();

    /** The arguments given, or the exit status to end with (0 after --help/--version, 2 after one line on
     *  `err` for a malformed command line). */
    [[nodiscard]] std::variant<int, ProxyArguments> parse(int argc, const char* const* argv,
                                                          std::ostream& out, std::ostream& err);

private:
    common::CommandLine m_line;
    ProxyArguments m_arguments;
    std::optional<std::uint64_t> m_latencyMs, m_jitterMs, m_stallMs, m_stallEveryMs, m_segmentBytes;
    bool m_perChunkLatency = false;
};

/** Combines the arguments: --listen and --target are addresses, --profile sets the base values and every
 *  explicit option overrides one of them. Any mistake is an error that names the option. */
[[nodiscard]] Result<ProxyOptions> proxyOptions(const ProxyArguments& arguments);

/** Parses "MIN-MAX" or "N" milliseconds; "0" means never (nullopt inside). */
[[nodiscard]] Result<std::optional<DropInterval>> parseDropInterval(std::string_view text);

} // namespace fieldkit::netfault
