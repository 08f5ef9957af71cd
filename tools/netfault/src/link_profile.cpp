#include <fieldkit/netfault/link_profile.hpp>
#include <sstream>

namespace fieldkit::netfault {

namespace {

/** The chunk of the store-and-forward profiles. */
constexpr std::size_t kChunkBytes = 4 * 1024;

LinkProfile lte() {
    LinkProfile p;
    p.name = "lte";
    p.latency = Milliseconds(25);
    p.bandwidthKbit = 20'000;
    return p;
}

} // namespace

const std::vector<std::string>& profileNames() {
    static const std::vector<std::string> names{"lte", "3g", "2g", "flaky", "cut", "none"};
    return names;
}

Result<LinkProfile> profileByName(std::string_view name) {
    if (name == "none") {
        return LinkProfile{};
    }
    if (name == "lte") {
        return lte();
    }
    if (name == "3g") {
        LinkProfile p;
        p.name = "3g";
        p.latency = Milliseconds(75);
        p.bandwidthKbit = 1'000;
        return p;
    }
    if (name == "2g") {
        // GPRS/EDGE as a field unit meets it: the radio schedules bursts, so every chunk pays the latency.
        LinkProfile p;
        p.name = "2g";
        p.latency = Milliseconds(300);
        p.bandwidthKbit = 80;
        p.segmentBytes = kChunkBytes;
        p.perChunkLatency = true;
        return p;
    }
    if (name == "cut") {
        // A bike at the edge of coverage: a working but thin link that is lost every few seconds.
        LinkProfile p;
        p.name = "cut";
        p.latency = Milliseconds(60);
        p.bandwidthKbit = 128;
        p.segmentBytes = kChunkBytes;
        p.perChunkLatency = true;
        p.dropEvery = DropInterval{Milliseconds(1'000), Milliseconds(4'000)};
        return p;
    }
    if (name == "flaky") {
        LinkProfile p = lte();
        p.name = "flaky";
        p.dropEvery = DropInterval{Milliseconds(10'000), Milliseconds(30'000)};
        return p;
    }
    return makeError("unknown_profile", "Unknown link profile \"" + std::string(name) +
                                            "\"; use lte, 3g, 2g, flaky, cut or none.");
}

Result<LinkProfile> applyOverrides(LinkProfile p, const LinkOverrides& o) {
    const bool changed = o.latency || o.jitter || o.bandwidthKbit || o.dropAfterBytes || o.resetProbability ||
                         o.stall || o.stallEvery || o.segmentBytes || o.perChunkLatency || o.dropEvery;
    p.latency = o.latency.value_or(p.latency);
    p.jitter = o.jitter.value_or(p.jitter);
    p.bandwidthKbit = o.bandwidthKbit.value_or(p.bandwidthKbit);
    p.dropAfterBytes = o.dropAfterBytes.value_or(p.dropAfterBytes);
    p.resetProbability = o.resetProbability.value_or(p.resetProbability);
    p.stall = o.stall.value_or(p.stall);
    p.stallEvery = o.stallEvery.value_or(p.stallEvery);
    p.segmentBytes = o.segmentBytes.value_or(p.segmentBytes);
    p.perChunkLatency = o.perChunkLatency.value_or(p.perChunkLatency);
    if (p.perChunkLatency && p.segmentBytes == 0) {
        p.segmentBytes = kChunkBytes;
    }
    if (o.dropEvery) {
        p.dropEvery = *o.dropEvery;
    }
    if (changed) {
        p.name += "+custom";
    }

    if (p.latency.count() < 0 || p.jitter.count() < 0 || p.stall.count() < 0 || p.stallEvery.count() < 0) {
        return makeError("bad_option", "Times must not be negative.");
    }
    if (!(p.resetProbability >= 0.0 && p.resetProbability <= 1.0)) {
        return makeError("bad_option", "--reset-probability must be between 0 and 1.");
    }
    if ((p.stall.count() > 0) != (p.stallEvery.count() > 0)) {
        return makeError("bad_option", "--stall-ms and --stall-every-ms go together; give both or neither.");
    }
    if (p.stall.count() > 0 && p.stall >= p.stallEvery) {
        return makeError("bad_option", "--stall-ms must be shorter than --stall-every-ms.");
    }
    if (p.dropEvery && (p.dropEvery->min.count() <= 0 || p.dropEvery->max < p.dropEvery->min)) {
        return makeError("bad_option", "--drop-every-ms needs MIN-MAX with 0 < MIN <= MAX, or 0 for never.");
    }
    return p;
}

std::string describe(const LinkProfile& p) {
    std::ostringstream s;
    s << p.name << ": " << p.latency.count() << " ms one-way";
    if (p.jitter.count() > 0) {
        s << " + up to " << p.jitter.count() << " ms jitter";
    }
    if (p.bandwidthKbit > 0) {
        s << ", " << p.bandwidthKbit << " kbit/s";
    } else {
        s << ", unlimited bandwidth";
    }
    if (p.dropAfterBytes > 0) {
        s << ", close after " << p.dropAfterBytes << " bytes";
    }
    if (p.resetProbability > 0.0) {
        s << ", reset probability " << p.resetProbability << " per segment";
    }
    if (p.stall.count() > 0) {
        s << ", stall " << p.stall.count() << " ms every " << p.stallEvery.count() << " ms";
    }
    if (p.segmentBytes > 0) {
        s << ", " << (p.perChunkLatency ? "store-and-forward chunks" : "segments") << " of " << p.segmentBytes
          << " bytes";
    }
    if (p.dropEvery) {
        s << ", link drop every " << p.dropEvery->min.count() << "-" << p.dropEvery->max.count() << " ms";
    }
    s << " (each direction)";
    return s.str();
}

} // namespace fieldkit::netfault
