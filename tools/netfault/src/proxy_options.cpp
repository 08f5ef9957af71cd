#include <charconv>
#include <fieldkit/netfault/proxy_options.hpp>
#include <limits>

namespace fieldkit::netfault {

namespace {

constexpr std::uint64_t kMaxMillis = 24ULL * 3600 * 1000; // a day is longer than any test needs

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

Result<Milliseconds> parseMillis(std::string_view text, const std::string& name) {
    auto value = parseUnsigned(text, name, kMaxMillis, "a whole number of milliseconds (0 to 86400000)");
    if (!value) {
        return value.error();
    }
    return Milliseconds(static_cast<Milliseconds::rep>(*value));
}

/** Reads option `name` into `target` with `parse` when it was given. */
template <typename T, typename Parse>
Status optionInto(const common::Args& args, const std::string& name, std::optional<T>& target, Parse parse) {
    const auto text = args.option(name);
    if (!text) {
        return {};
    }
    auto value = parse(*text, name);
    if (!value) {
        return value.error();
    }
    target = T(*value);
    return {};
}

} // namespace

const std::set<std::string>& proxyFlags() {
    static const std::set<std::string> flags{"help", "version", "per-chunk-latency"};
    return flags;
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

Result<ProxyOptions> parseProxyOptions(const common::Args& args) {
    static const std::set<std::string> allowed{
        "listen",        "target",         "profile",          "latency-ms",
        "jitter-ms",     "bandwidth-kbit", "drop-after-bytes", "reset-probability",
        "stall-ms",      "stall-every-ms", "segment-bytes",    "per-chunk-latency",
        "drop-every-ms", "seed",           "idle-timeout-ms",  "help",
        "version"};
    if (auto ok = args.allowOnly(allowed); !ok) {
        return ok.error();
    }
    if (!args.words().empty()) {
        return makeError("bad_option", "Unexpected argument \"" + args.words().front() + "\"; see --help.");
    }

    ProxyOptions options;
    for (const auto& [name, target] :
         {std::pair{"listen", &options.listen}, std::pair{"target", &options.target}}) {
        auto text = args.required(name);
        if (!text) {
            return text.error();
        }
        auto address = common::parseHostPort(*text);
        if (!address) {
            return makeError("bad_option", "--" + std::string(name) + ": " + address.error().message);
        }
        *target = *address;
    }
    if (options.target.port == 0) {
        return makeError("bad_option", "--target needs a real port, not 0.");
    }

    auto base = profileByName(args.option("profile").value_or("none"));
    if (!base) {
        return base.error();
    }

    LinkOverrides o;
    const auto millis = [](std::string_view text, const std::string& name) {
        return parseMillis(text, name);
    };
    const auto count = [](std::string_view text, const std::string& name) {
        return parseUnsigned(text, name, std::numeric_limits<std::uint64_t>::max(), "a whole number");
    };
    const auto positive = [](std::string_view text, const std::string& name) -> Result<std::uint64_t> {
        auto value = parseUnsigned(text, name, 1ULL << 30, "a whole number from 1 to 1073741824");
        if (value && *value == 0) {
            return badOption(name, "a whole number from 1 to 1073741824");
        }
        return value;
    };
    const auto probability = [](std::string_view text, const std::string& name) -> Result<double> {
        double value = 0.0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !(value >= 0.0) ||
            value > 1.0) {
            return badOption(name, "a probability from 0 to 1, for example 0.001");
        }
        return value;
    };
    const auto dropEvery = [](std::string_view text, const std::string&) { return parseDropInterval(text); };

    for (const Status& status : {
             optionInto(args, "latency-ms", o.latency, millis),
             optionInto(args, "jitter-ms", o.jitter, millis),
             optionInto(args, "bandwidth-kbit", o.bandwidthKbit, count),
             optionInto(args, "drop-after-bytes", o.dropAfterBytes, count),
             optionInto(args, "reset-probability", o.resetProbability, probability),
             optionInto(args, "stall-ms", o.stall, millis),
             optionInto(args, "stall-every-ms", o.stallEvery, millis),
             optionInto(args, "segment-bytes", o.segmentBytes, positive),
             optionInto(args, "drop-every-ms", o.dropEvery, dropEvery),
         }) {
        if (!status) {
            return status.error();
        }
    }
    if (args.flag("per-chunk-latency")) {
        o.perChunkLatency = true;
    }
    auto link = applyOverrides(*base, o);
    if (!link) {
        return link.error();
    }
    options.link = *link;

    if (auto seed = args.option("seed")) {
        auto value = count(*seed, "seed");
        if (!value) {
            return value.error();
        }
        options.seed = *value;
    }
    if (auto idle = args.option("idle-timeout-ms")) {
        auto value = parseMillis(*idle, "idle-timeout-ms");
        if (!value) {
            return value.error();
        }
        if (value->count() == 0) {
            return badOption("idle-timeout-ms", "at least 1 millisecond");
        }
        options.idleTimeout = *value;
    }
    return options;
}

std::string proxyUsage() {
    return R"(usage: fieldkit-netfault --listen HOST:PORT --target HOST:PORT [options]

A TCP proxy that emulates a link. Every value applies to each direction on its own.
  --profile NAME            lte (20 Mbit/s, 50 ms RTT), 3g (1 Mbit/s, 150 ms RTT), 2g (80 kbit/s,
                            300 ms per 4 KiB chunk), flaky (lte, the link drops every 10-30 s), cut
                            (128 kbit/s, 60 ms per 4 KiB chunk, the link drops every 1-4 s), none (default)
  --latency-ms N            one-way delay per direction (RTT = 2 x N)
  --jitter-ms N             extra one-way delay per segment, uniform in 0..N; order is kept
  --bandwidth-kbit N        per direction, 1 kbit = 1000 bit/s; 0 = unlimited
  --drop-after-bytes N      close the connection once N bytes went one way
  --reset-probability P     reset the connection instead of delivering a segment, with probability P
  --stall-ms N --stall-every-ms M   the link carries nothing for N ms every M ms
  --segment-bytes N         deliver in writes of at most N bytes (tiny segments)
  --per-chunk-latency       store and forward: one chunk (--segment-bytes, default 4096) at a time, each
                            paying the latency plus its transmission time before the next starts
  --drop-every-ms MIN-MAX   drop every connection after a random MIN..MAX ms, again and again; 0 = never
  --seed S                  seed of every random decision (logged when not given), to replay a run
  --idle-timeout-ms N       close a connection silent this long (default 3600000)
Explicit options override the profile. Prints "listening on HOST:PORT" when ready.
SIGUSR1 drops every open connection; SIGINT/SIGTERM stop.
)";
}

} // namespace fieldkit::netfault
