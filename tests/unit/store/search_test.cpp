// Finding cases by CPR number and by name: through keyed hashes only, every case found audited.
#include "store_fixture.hpp"

#include <algorithm>
#include <fieldkit/core/field.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;
namespace fields = core::fields;

namespace {

store::NewCase citizen(const std::string& cpr, const std::string& name) {
    auto c = passportCase(cpr);
    c.citizen.name = name;
    return c;
}

std::vector<store::CaseId> ids(const std::vector<store::CaseSummary>& found) {
    std::vector<store::CaseId> out;
    for (const auto& c : found) {
        out.push_back(c.id);
    }
    return out;
}

std::size_t auditEntries(store::Session& s, const std::string& action, const store::CaseId* id = nullptr) {
    auto log = s.auditLog(id != nullptr ? id->toHex() : std::string());
    REQUIRE(log.ok());
    return static_cast<std::size_t>(
        std::count_if(log->begin(), log->end(), [&](const auto& e) { return e.action == action; }));
}

} // namespace

TEST_CASE("a CPR search audits every case it found, not only the first") {
    StoreFixture f;
    auto s = f.unlock();
    const auto first = s->createCase(passportCase("0707614285"))->id;
    f.clock.advance(1000);
    const auto second = s->createCase(passportCase("0707614285"))->id;
    REQUIRE(s->createCase(passportCase("1010101234")).ok());

    auto found = s->findByCpr("070761-4285", "citizen at the counter");
    REQUIRE(found.ok());
    CHECK(ids(*found) == std::vector<store::CaseId>{second, first}); // newest first
    CHECK(auditEntries(*s, "find_cpr", &first) == 1);
    CHECK(auditEntries(*s, "find_cpr", &second) == 1);
    // A search that finds nothing is still recorded, once and without a case.
    REQUIRE(s->findByCpr("0101011234", "citizen at the counter")->empty());
    CHECK(auditEntries(*s, "find_cpr") == 3);
    CHECK(s->verify()->problems.empty());
}

TEST_CASE(
    "name search: every word typed must start a word of the name, and Danish letters and accents fold") {
    StoreFixture f;
    auto s = f.unlock();
    const auto karen = s->createCase(citizen("0707614285", "Karen Margrethe Nielsen"))->id;
    f.clock.advance(1000);
    const auto soren = s->createCase(citizen("1010101234", "Søren Østergård-Nielsen"))->id;
    f.clock.advance(1000);
    const auto jose = s->createCase(citizen("0101701234", "José Bo Jensen"))->id;
    REQUIRE(s->createCase(citizen("0202021234", "")).ok()); // no name: never found by one

    const auto find = [&](const std::string& q) {
        auto r = s->findByName(q, "citizen at the counter");
        REQUIRE_MESSAGE(r.ok(), r.error().message);
        return ids(*r);
    };
    using Ids = std::vector<store::CaseId>;
    CHECK(find("niel") == Ids{soren, karen});
    CHECK(find("NIELSEN") == Ids{soren, karen});
    CHECK(find("Nielsen karen") == Ids{karen});
    CHECK(find("margrethe") == Ids{karen}); // longer than 6 letters: matched on the first 6
    CHECK(find("søren") == Ids{soren});
    CHECK(find("soren").empty()); // ø is a letter of its own
    CHECK(find("østergård") == Ids{soren});
    CHECK(find("jose") == Ids{jose});
    CHECK(find("bo jen") == Ids{jose}); // a two-letter word matches that whole word
    CHECK(find("jens") == Ids{jose});   // a prefix of Jensen
    CHECK(find("jensa").empty());
    CHECK(s->findByName("ka", "x").error().code == "search_too_short");
    CHECK(s->findByName("karen", "").error().code == "missing_purpose");

    // Every case found is a look at that case.
    CHECK(auditEntries(*s, "find_name", &karen) == 4);
    // A limit bounds the page.
    CHECK(s->findByName("nielsen", "x", 1)->size() == 1);
}

TEST_CASE("name search follows a changed name, and the file holds no name or name prefix in the clear") {
    StoreFixture f;
    store::CaseId id;
    {
        auto s = f.unlock();
        id = s->createCase(citizen("0707614285", "Quxwellina Zorbakian"))->id;
        REQUIRE(s->findByName("zorbak", "x")->size() == 1);
        REQUIRE(s->setFields(id, {{fields::kName.value, "Quxwellina Yblorm"}}).ok());
        CHECK(s->findByName("zorbak", "x")->empty());
        CHECK(s->findByName("yblorm", "x")->size() == 1);
        // One row per key: "qux" .. "quxwel" and "ybl" .. "yblorm".
        CHECK(*f.store->database().queryInt("SELECT count(*) FROM name_index") == 8);
    }
    f.store.reset(); // checkpointed: the file is all there is
    const std::string raw = readAll(f.file()) + readAll(f.dir / "store.db-wal");
    for (const char* clear : {"Quxwellina", "quxwel", "Zorbakian", "zorbak", "yblorm", "Yblorm"}) {
        CHECK_MESSAGE(raw.find(clear) == std::string::npos, clear);
    }
}

TEST_CASE("name search: the index is per device and per purpose") {
    // Two stores hash the same name differently (their data keys differ), and a name key never equals the
    // CPR index's hash of the same bytes (a subkey each).
    StoreFixture a;
    StoreFixture b;
    auto sa = a.unlock();
    auto sb = b.unlock();
    REQUIRE(sa->createCase(citizen("0707614285", "Karen")).ok());
    REQUIRE(sb->createCase(citizen("0707614285", "Karen")).ok());
    auto keysOf = [](StoreFixture& f) {
        auto stmt = f.store->database().prepare("SELECT key FROM name_index ORDER BY key");
        REQUIRE(stmt.ok());
        std::vector<std::vector<std::uint8_t>> keys;
        while (*stmt->step()) {
            keys.push_back(stmt->blob(0));
        }
        return keys;
    };
    const auto ka = keysOf(a);
    const auto kb = keysOf(b);
    REQUIRE(ka.size() == 3); // kar, kare, karen
    for (const auto& k : ka) {
        CHECK(k.size() == 16);
        CHECK(std::find(kb.begin(), kb.end(), k) == kb.end());
    }
}
