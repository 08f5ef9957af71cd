#pragma once

#include <cstdint>
#include <fieldkit/core/merge.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace fieldkit::hub {

/**
 * Server sequence numbers after a center is restored from a backup.
 *
 * Devices hold numbers the center gave out after the backup was taken: their own acknowledged changes, the
 * changes they pulled, bases of edits, pull cursors. The restore sets the next kRestoreSetAside numbers aside
 * (`fieldkit-hub store mark-restored`), so none of them ever names another change; new changes are numbered
 * after them. A device whose changes the center lost pushes them again with the numbers they had:
 *
 * - the change gets its old number back when it is free and newer than every version of the fields it
 *   touches (so a field's versions stay in the order the merge relies on), and every base and cursor that
 *   names it stays true;
 * - otherwise it gets a new number, and the center remembers lost -> new, so bases that name the old number
 *   mean the new one; devices holding the change under its old number renumber it when they pull it;
 * - a base that names a lost number whose change has not come back (its device has not connected since)
 *   closes nothing: the edit then stands beside the version in force as a conflict, which staff resolve.
 *   Nothing is lost; an edit is never refused for a base only the lost backup knew.
 *
 * Pure decisions: the stores read a RestoreMemory and write what these return.
 */

/** Server sequence numbers from `first` to `last`, both included. */
struct SeqRange {
    std::uint64_t first = 0;
    std::uint64_t last = 0;
};

/** How many numbers a restore sets aside: more changes than a municipality's center makes in thousands of
 *  years (at a million a day), and room for 2^31 restores in a uint64. */
inline constexpr std::uint64_t kRestoreSetAside = std::uint64_t{1} << 32;

/** The range a restore of a center whose numbering stands at `counter` sets aside. */
[[nodiscard]] SeqRange setAsideAfter(std::uint64_t counter);

/** What the center knows of numbers it lost; empty for a center never restored. */
struct RestoreMemory {
    std::vector<SeqRange> setAside;
    /** Lost numbers whose changes came back under new numbers (only those a push names need be here). */
    std::map<std::uint64_t, std::uint64_t> renumbered;
    /** Of the numbers a push's operations carry, those a stored change has. */
    std::set<std::uint64_t> taken;

    [[nodiscard]] bool empty() const { return setAside.empty(); }
    [[nodiscard]] bool lost(std::uint64_t number) const;
};

/** The number an operation pushed again after a restore gets back: the one it carries when that is a lost
 *  number, free, not given a new number before, and newer than every version in `touched` (the states of
 *  the register fields it changes). Nothing otherwise: it is numbered as a new change. */
[[nodiscard]] std::optional<std::uint64_t> restoredNumber(const protocol::Operation& op,
                                                          const RestoreMemory& memory,
                                                          const std::vector<core::RegisterState>& touched);

/** What a base means at this center: a lost number that came back under a new one is that one; a lost
 *  number newer than every version of the field (its change has not come back) is 0, a base that closes
 *  nothing; any other base is itself. */
[[nodiscard]] std::uint64_t resolveBase(std::uint64_t base, const RestoreMemory& memory,
                                        const core::RegisterState& field);

} // namespace fieldkit::hub
