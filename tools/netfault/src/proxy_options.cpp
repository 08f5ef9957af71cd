#include <charconv>
#include <fieldkit/netfault/proxy_options.hpp>
#include <limits>

namespace fieldkit::netfault {

namespace {

constexpr std::uint64_t kMaxMillis = 24ULL * 3600 * 1000; // a day is longer than any test needs
constexpr std::uint64_t kMaxSegmentBytes = 1ULL << 30;
constexpr std::uint64_t kMaxCount = std::numeric_limits<std::uint64_t>::max();

Error badOption(const std::string& name, const std::string& expected) {
    return makeError("bad_option", "--" + name + " must be " + expected + ".");
}

Result<std::uint64_t> parseUnsigned(std::string_view text, const std::string& name, std::uint64_t max,
                                    const std::string& expected) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > max) {
        return badOption(name, expected);
    }
    return value;
}

std::optional<Milliseconds> millis(const std::optional<std::uint64_t>& value) {
    if (!value) {
        return std::nullopt;
    }
    return Milliseconds(static_cast<Milliseconds::rep>(*value));
}

constexpr const char* kFooter =
    R"(Every value applies to each direction on its own; explicit options override the profile.
Prints "listening on HOST:PORT" when ready. SIGUSR1 drops every open connection; SIGINT/SIGTERM stop.)";

} // namespace

ProxyCommandLine::ProxyCommandLine()
    : m_line("fieldkit-netfault", "A TCP proxy that emulates a slow or failing mobile link.") {
    CLI::App& app = m_line.app();
    app.footer(kFooter);
    ProxyArguments& a = m_arguments;
    const auto milliseconds = common::unsignedWholeNumber(0, kMaxMillis);
    app.add_option("--listen", a.listen, "HOST:PORT to listen on (port 0: any free one)")->required();
    app.add_option("--target", a.target, "HOST:PORT to forward to")->required();
    app.add_option(
           "--profile", a.profile,
           "lte (20 Mbit/s, 50 ms RTT), 3g (1 Mbit/s, 150 ms RTT), 2g (80 kbit/s, 300 ms per 4 KiB "
           "chunk), flaky (lte, the link drops every 10-30 s), cut (128 kbit/s, 60 ms per 4 KiB chunk, "
           "the link drops every 1-4 s), none")
        ->capture_default_str();
    app.add_option("--latency-ms", m_latencyMs, "One-way delay per direction (RTT = 2 x N)")
        ->check(milliseconds);
    app.add_option("--jitter-ms", m_jitterMs,
                   "Extra one-way delay per segment, uniform in 0..N; order is kept")
        ->check(milliseconds);
    app.add_option("--bandwidth-kbit", a.link.bandwidthKbit,
                   "Per direction, 1 kbit = 1000 bit/s; 0 = unlimited")
        ->check(common::unsignedWholeNumber(0, kMaxCount));
    app.add_option("--drop-after-bytes", a.link.dropAfterBytes,
                   "Close the connection once N bytes went one way")
        ->check(common::unsignedWholeNumber(0, kMaxCount));
    app.add_option("--reset-probability", a.link.resetProbability,
                   "Reset the connection instead of delivering a segment, with this probability")
        ->check(common::decimalNumber(0, 1));
    app.add_option("--stall-ms", m_stallMs, "The link carries nothing for N ms every --stall-every-ms")
        ->check(milliseconds);
    app.add_option("--stall-every-ms", m_stallEveryMs, "How often the link stalls")->check(milliseconds);
    app.add_option("--segment-bytes", m_segmentBytes, "Deliver in writes of at most N bytes (tiny segments)")
        ->check(common::unsignedWholeNumber(1, kMaxSegmentBytes));
    app.add_flag("--per-chunk-latency", m_perChunkLatency,
                 "Store and forward: one chunk (--segment-bytes, default 4096) at a time, each paying the "
                 "latency plus its transmission time before the next starts");
    app.add_option("--drop-every-ms", a.dropEvery,
                   "MIN-MAX: drop every connection after a random MIN..MAX ms, again and again; 0 = never");
    app.add_option("--seed", a.seed, "Seed of every random decision (logged when not given), to replay a run")
        ->check(common::unsignedWholeNumber(0, kMaxCount));
    app.add_option("--idle-timeout-ms", a.idleTimeoutMs,
                   "Close a connection silent this long (default 3600000)")
        ->check(common::unsignedWholeNumber(1, kMaxMillis));
}

std::variant<int, ProxyArguments> ProxyCommandLine::parse(int argc, const char* const* argv,
                                                          std::ostream& out, std::ostream& err) {
    if (auto status = m_line.parse(argc, argv, out, err)) {
        return *status;
    }
    ProxyArguments arguments = m_arguments;
    arguments.link.latency = millis(m_latencyMs);
    arguments.link.jitter = millis(m_jitterMs);
    arguments.link.stall = millis(m_stallMs);
    arguments.link.stallEvery = millis(m_stallEveryMs);
    if (m_segmentBytes) {
        arguments.link.segmentBytes = static_cast<std::size_t>(*m_segmentBytes);
    }
    if (m_perChunkLatency) {
        arguments.link.perChunkLatency = true;
    }
    return arguments;
}

Result<std::optional<DropInterval>> parseDropInterval(std::string_view text) {
    const std::string name = "drop-every-ms";
    const std::string expected = "MIN-MAX milliseconds (for example 10000-30000), N, or 0 for never";
    const auto dash = text.find('-');
    auto lo = parseUnsigned(text.substr(0, dash), name, kMaxMillis, expected);
    if (!lo) {
        return lo.error();
    }
    auto hi = dash == std::string_view::npos
                  ? lo
                  : parseUnsigned(text.substr(dash + 1), name, kMaxMillis, expected);
    if (!hi) {
        return hi.error();
    }
    if (*lo == 0 && *hi == 0) {
        return std::optional<DropInterval>();
    }
    if (*lo == 0 || *hi < *lo) {
        return badOption(name, expected + ", with 0 < MIN <= MAX");
    }
    return std::optional<DropInterval>(DropInterval{Milliseconds(static_cast<Milliseconds::rep>(*lo)),
                                                    Milliseconds(static_cast<Milliseconds::rep>(*hi))});
}

Result<ProxyOptions> proxyOptions(const ProxyArguments& arguments) {
    ProxyOptions options;
    for (const auto& [name, text, target] : {std::tuple{"listen", &arguments.listen, &options.listen},
                                             std::tuple{"target", &arguments.target, &options.target}}) {
        auto address = common::parseHostPort(*text);
        if (!address) {
            return makeError("bad_option", "--" + std::string(name) + ": " + address.error().message);
        }
        *target = *address;
    }
    if (options.target.port == 0) {
        return makeError("bad_option", "--target needs a real port, not 0.");
    }
    auto base = profileByName(arguments.profile);
    if (!base) {
        return base.error();
    }
    LinkOverrides overrides = arguments.link;
    if (arguments.dropEvery) {
        auto interval = parseDropInterval(*arguments.dropEvery);
        if (!interval) {
            return interval.error();
        }
        overrides.dropEvery = *interval;
    }
    auto link = applyOverrides(*base, overrides);
    if (!link) {
        return link.error();
    }
    options.link = *link;
    options.seed = arguments.seed;
    if (arguments.idleTimeoutMs) {
        options.idleTimeout = Milliseconds(static_cast<Milliseconds::rep>(*arguments.idleTimeoutMs));
    }
    return options;
}

} // namespace fieldkit::netfault
