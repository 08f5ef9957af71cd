#include <fieldkit/netfault/link_profile.hpp>
#include <sstream>

namespace fieldkit::netfault {

namespace {

LinkProfile lte() {
    LinkProfile p;
    p.name = "lte";
    p.latency = Milliseconds(25);
    p.bandwidthKbit = 20'000;
    return p;
}

} // namespace

const std::vector<std::string>& profileNames() {
    static const std::vector<std::string> names{"lte", "3g", "2g", "flaky", "none"};
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
        LinkProfile p;
        p.name = "2g";
        p.latency = Milliseconds(300);
        p.bandwidthKbit = 80;
        return p;
    }
    if (name == "flaky") {
        LinkProfile p = lte();
        p.name = "flaky";
        p.dropEvery = DropInterval{Milliseconds(10'000), Milliseconds(30'000)};
        return p;
    }
    return makeError("unknown_profile",
                     "Unknown link profile \"" + std::string(name) + "\"; use lte, 3g, 2g, flaky or none.");
}

Result<LinkProfile> applyOverrides(LinkProfile p, const LinkOverrides& o) {
    const bool changed = o.latency || o.jitter || o.bandwidthKbit || o.dropAfterBytes || o.resetProbability ||
                         o.stall || o.stallEvery || o.segmentBytes || o.dropEvery;
    p.latency = o.latency.value_or(p.latency);
    p.jitter = o.jitter.value_or(p.jitter);
    p.bandwidthKbit = o.bandwidthKbit.value_or(p.bandwidthKbit);
    p.dropAfterBytes = o.dropAfterBytes.value_or(p.dropAfterBytes);
    p.resetProbability = o.resetProbability.value_or(p.resetProbability);
    p.stall = o.stall.value_or(p.stall);
    p.stallEvery = o.stallEvery.value_or(p.stallEvery);
    p.segmentBytes = o.segmentBytes.value_or(p.segmentBytes);
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
        s << ", segments of " << p.segmentBytes << " bytes";
    }
    if (p.dropEvery) {
        s << ", link drop every " << p.dropEvery->min.count() << "-" << p.dropEvery->max.count() << " ms";
    }
    s << " (each direction)";
    return s.str();
}

} // namespace fieldkit::netfault
