#include <algorithm>
#include <fieldkit/hub/restore_numbering.hpp>

namespace fieldkit::hub {

SeqRange setAsideAfter(std::uint64_t counter) {
    return {counter + 1, counter + kRestoreSetAside};
}

bool RestoreMemory::lost(std::uint64_t number) const {
    return std::any_of(setAside.begin(), setAside.end(),
                       [number](const SeqRange& r) { return number >= r.first && number <= r.last; });
}

std::optional<std::uint64_t> restoredNumber(const protocol::Operation& op, const RestoreMemory& memory,
                                            const std::vector<core::RegisterState>& touched) {
    const auto number = op.server_seq();
    if (number == 0 || !memory.lost(number) || memory.taken.contains(number) ||
        memory.renumbered.contains(number)) {
        return std::nullopt;
    }
    const bool newest = std::all_of(touched.begin(), touched.end(),
                                    [number](const core::RegisterState& s) { return number > s.headSeq(); });
    if (!newest) {
        return std::nullopt;
    }
    return number;
}

std::uint64_t resolveBase(std::uint64_t base, const RestoreMemory& memory, const core::RegisterState& field) {
    if (const auto moved = memory.renumbered.find(base); moved != memory.renumbered.end()) {
        return moved->second;
    }
    if (memory.lost(base) && base > field.headSeq()) {
        return 0;
    }
    return base;
}

} // namespace fieldkit::hub
