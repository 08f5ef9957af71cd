// The console's queries and its accounts, sessions and audit concerns, on both backends.
#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/hub/center_store.hpp>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::PostgresBackend;
using fieldkit::hub::testing::SqliteBackend;
using fieldkit::hub::testing::TempStore;

namespace {

/** A case id created at `ms` (48-bit milliseconds first), told apart by `tag`. */
std::string caseIdAt(std::int64_t ms, char tag) {
    std::string id(16, tag);
    for (int i = 0; i < 6; ++i) {
        id[static_cast<std::size_t>(5 - i)] = static_cast<char>((ms >> (8 * i)) & 0xff);
    }
    return id;
}

protocol::Operation newCase(const std::string& device, std::uint64_t seq, const std::string& caseId,
                            const std::string& service) {
    protocol::Operation o;
    o.set_case_id(caseId);
    o.set_device_id(device);
    o.set_device_seq(seq);
    o.set_kind("set");
    auto* f = o.add_fields();
    f->set_field_id(2);
    f->set_base_seq(0);
    o.set_meta("service=" + service);
    o.set_ciphertext("sealed");
    o.set_sealed_key_center("kc");
    o.set_sealed_key_unit("ku");
    return o;
}

std::vector<std::uint8_t> bytesOf(const std::string& s) {
    return {s.begin(), s.end()};
}

} // namespace

TEST_CASE_TEMPLATE("the inbox filters by service and age, sorts newest first and pages", Backend,
                   SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    const std::int64_t day = 24LL * 60 * 60 * 1000;
    const std::int64_t base = 1'800'000'000'000;
    REQUIRE(
        t.store->operations()
            .applyBatch(t.device("dev-a"), {newCase("dev-a", 1, caseIdAt(base, 'a'), "passport"),
                                            newCase("dev-a", 2, caseIdAt(base + day, 'b'), "moving"),
                                            newCase("dev-a", 3, caseIdAt(base + 2 * day, 'c'), "passport")})
            .ok());
    InboxQuery all;
    auto page = t.store->operations().inbox(all);
    REQUIRE(page.ok());
    CHECK(page->total == 3);
    REQUIRE(page->cases.size() == 3);
    CHECK(page->cases[0].caseId == bytesOf(caseIdAt(base + 2 * day, 'c')));
    CHECK(page->cases[2].caseId == bytesOf(caseIdAt(base, 'a')));

    InboxQuery passports;
    passports.service = "passport";
    passports.sort = InboxQuery::Sort::OldestFirst;
    passports.limit = 1;
    passports.offset = 1;
    page = t.store->operations().inbox(passports);
    REQUIRE(page.ok());
    CHECK(page->total == 2);
    REQUIRE(page->cases.size() == 1);
    CHECK(page->cases[0].caseId == bytesOf(caseIdAt(base + 2 * day, 'c')));
    CHECK(page->cases[0].service == "passport");

    InboxQuery old;
    old.createdBeforeMs = base + day;
    page = t.store->operations().inbox(old);
    REQUIRE(page.ok());
    CHECK(page->total == 1);

    InboxQuery conflicted;
    conflicted.conflicted = 1;
    conflicted.unit = "bike-07";
    CHECK(t.store->operations().inbox(conflicted)->total == 0);

    auto found = t.store->operations().caseById(bytesOf(caseIdAt(base, 'a')));
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->service == "passport");
    CHECK_FALSE(t.store->operations().caseById(bytesOf(caseIdAt(base, 'z')))->has_value());
}

TEST_CASE_TEMPLATE("console accounts keep login state, refuse a reused TOTP step and hold sessions by hash",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto& accounts = t.store->accounts();
    REQUIRE(accounts.addUser(ConsoleUser{"anna", "caseworker", "$argon2id$x", {1, 2, 3}, 0, 0, 0, 42}).ok());
    auto again = accounts.addUser(ConsoleUser{"anna", "admin", "$argon2id$y", {4}, 0, 0, 0, 43});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "user_exists");

    auto anna = accounts.user("anna");
    REQUIRE(anna.ok());
    REQUIRE(anna->has_value());
    CHECK((*anna)->role == "caseworker");
    CHECK((*anna)->totpSecretSealed == std::vector<std::uint8_t>{1, 2, 3});
    CHECK_FALSE(accounts.user("nobody")->has_value());

    REQUIRE(accounts.setLoginState("anna", 5, 9000).ok());
    CHECK((*accounts.user("anna"))->failedLogins == 5);
    CHECK((*accounts.user("anna"))->lockedUntilMs == 9000);

    CHECK(*accounts.useTotpStep("anna", 100));
    CHECK_FALSE(*accounts.useTotpStep("anna", 100));
    CHECK_FALSE(*accounts.useTotpStep("anna", 99));
    CHECK(*accounts.useTotpStep("anna", 101));

    const std::vector<std::uint8_t> hash(32, 7);
    REQUIRE(
        accounts.createSession(ConsoleSession{hash, "anna", std::vector<std::uint8_t>(32, 9), false, 10, 10})
            .ok());
    auto s = accounts.session(hash);
    REQUIRE(s.ok());
    REQUIRE(s->has_value());
    CHECK_FALSE((*s)->secondFactorDone);
    REQUIRE(accounts.touchSession(hash, true, 20).ok());
    CHECK((*accounts.session(hash))->secondFactorDone);
    CHECK((*accounts.session(hash))->lastSeenMs == 20);
    REQUIRE(accounts.purgeSessions(15, 0).ok());
    CHECK(accounts.session(hash)->has_value());
    REQUIRE(accounts.purgeSessions(25, 0).ok());
    CHECK_FALSE(accounts.session(hash)->has_value());
}

TEST_CASE_TEMPLATE("the center audit appends in order, refuses a taken place and lists a case's entries",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto& audit = t.store->audit();
    CHECK_FALSE(audit.lastEntry()->has_value());
    REQUIRE(audit.append(CenterAuditEntry{1, 100, "anna", "view_case", "abcd", "sagsbehandling", {1}}).ok());
    REQUIRE(audit.append(CenterAuditEntry{2, 200, "anna", "login", "", "", {2}}).ok());
    auto race = audit.append(CenterAuditEntry{2, 300, "bo", "login", "", "", {3}});
    REQUIRE_FALSE(race.ok());
    CHECK(race.error().code == "audit_race");
    CHECK((*audit.lastEntry())->seq == 2);
    auto about = audit.caseEntries("abcd");
    REQUIRE(about.ok());
    REQUIRE(about->size() == 1);
    CHECK((*about)[0].purpose == "sagsbehandling");
    CHECK(audit.entries(1)->size() == 2);
}
