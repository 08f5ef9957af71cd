#include <algorithm>
#include <fieldkit/core/hlc.hpp>

namespace fieldkit::core {

namespace {

/** The next timestamp at the same millisecond; when the counter is exhausted, borrow the next millisecond. */
Hlc tick(Hlc at) {
    if (at.counter() < Hlc::kMaxCounter) {
        return Hlc(at.physicalMs(), static_cast<std::uint16_t>(at.counter() + 1));
    }
    if (at.physicalMs() < Hlc::kMaxPhysicalMs) {
        return Hlc(at.physicalMs() + 1, 0);
    }
    return at; // the end of representable time (year 10889): saturate rather than wrap
}

} // namespace

Hlc Hlc::now(Hlc previous, std::uint64_t physicalMs) {
    const std::uint64_t wall = std::min(physicalMs, kMaxPhysicalMs);
    if (wall > previous.physicalMs()) {
        return Hlc(wall, 0);
    }
    return tick(previous);
}

Hlc Hlc::receive(Hlc local, Hlc remote, std::uint64_t physicalMs) {
    const std::uint64_t wall = std::min(physicalMs, kMaxPhysicalMs);
    const Hlc latest = std::max(local, remote);
    if (wall > latest.physicalMs()) {
        return Hlc(wall, 0);
    }
    return tick(latest);
}

} // namespace fieldkit::core
