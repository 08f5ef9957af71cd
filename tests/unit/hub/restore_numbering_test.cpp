// The numbering decisions after a restore from a backup, without a database.
#include <doctest/doctest.h>
#include <fieldkit/hub/restore_numbering.hpp>

using namespace fieldkit;
using namespace fieldkit::hub;

namespace {

protocol::Operation carrying(std::uint64_t number) {
    protocol::Operation op;
    op.set_server_seq(number);
    return op;
}

core::RegisterState headAt(std::uint64_t seq) {
    core::RegisterState state;
    state.open.push_back({seq, false});
    return state;
}

RestoreMemory restoredAt(std::uint64_t counter) {
    RestoreMemory memory;
    memory.setAside.push_back(setAsideAfter(counter));
    return memory;
}

} // namespace

TEST_CASE("a restore sets aside the numbers after the backup's counter, a range no center exhausts") {
    const auto range = setAsideAfter(1000);
    CHECK(range.first == 1001);
    CHECK(range.last == 1000 + kRestoreSetAside);
    const auto memory = restoredAt(1000);
    CHECK_FALSE(memory.lost(1000)); // the backup holds it
    CHECK(memory.lost(1001));
    CHECK(memory.lost(range.last));
    CHECK_FALSE(memory.lost(range.last + 1)); // new changes are numbered from here
    CHECK_FALSE(RestoreMemory{}.lost(1001));
}

TEST_CASE("a change sent again gets its lost number back only when it is free and newest on its fields") {
    auto memory = restoredAt(1000);
    CHECK(restoredNumber(carrying(1005), memory, {}) == 1005);            // a new case: no field versions
    CHECK(restoredNumber(carrying(1005), memory, {headAt(900)}) == 1005); // newer than the version in force
    CHECK_FALSE(restoredNumber(carrying(1005), memory, {headAt(1007)}));  // would go before a newer version
    CHECK_FALSE(restoredNumber(carrying(0), memory, {}));                 // a new change
    CHECK_FALSE(restoredNumber(carrying(900), memory, {}));               // the backup has that number
    CHECK_FALSE(restoredNumber(carrying(1005), RestoreMemory{}, {}));     // a center never restored
    memory.taken.insert(1005);
    CHECK_FALSE(restoredNumber(carrying(1005), memory, {})); // another change has it
    memory.taken.clear();
    memory.renumbered.emplace(1005, 1000 + kRestoreSetAside + 3);
    CHECK_FALSE(restoredNumber(carrying(1005), memory, {})); // it came back under another
}

TEST_CASE("a base naming a lost number means its new number, nothing while it is lost, itself otherwise") {
    auto memory = restoredAt(1000);
    const auto field = headAt(900);
    CHECK(resolveBase(900, memory, field) == 900);
    CHECK(resolveBase(1005, memory, field) == 0);           // not back yet: the edit closes nothing
    CHECK(resolveBase(1005, memory, headAt(1005)) == 1005); // back under its own number
    memory.renumbered.emplace(1005, 1000 + kRestoreSetAside + 3);
    CHECK(resolveBase(1005, memory, field) == 1000 + kRestoreSetAside + 3);
    CHECK(resolveBase(1005, RestoreMemory{}, field) == 1005); // never restored: the merge judges it
}
