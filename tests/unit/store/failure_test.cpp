// Bad input and hostile conditions: tampering, a full disk, and what the raw files reveal.
#include "store_fixture.hpp"

#include <fieldkit/core/field.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;

TEST_CASE("a ciphertext moved to another case does not open and is reported") {
    StoreFixture f;
    auto s = f.unlock();
    auto a = s->createCase(passportCase("0707614285"));
    auto b = s->createCase(passportCase("1010101234"));
    auto& db = f.store->database();
    REQUIRE(
        db.exec("UPDATE operations SET ciphertext = (SELECT ciphertext FROM operations WHERE device_seq = 1) "
                "WHERE device_seq = 2")
            .ok());
    auto opened = s->openCase(b->id, "check");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "tampered");
    CHECK(s->openCase(a->id, "check").ok());
    auto report = s->verify();
    REQUIRE(report.ok());
    CHECK(report->problems.size() == 1);
}

TEST_CASE("an operation relabelled with other field ids does not open") {
    StoreFixture f;
    auto s = f.unlock();
    auto a = s->createCase(passportCase());
    // Claim the operation only set the phone (field 4): the AAD no longer matches.
    REQUIRE(
        f.store->database().exec("UPDATE operations SET field_refs = x'010400' WHERE device_seq = 1").ok());
    auto opened = s->openCase(a->id, "check");
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "tampered");
}

TEST_CASE("a flipped byte in a ciphertext is detected") {
    StoreFixture f;
    auto s = f.unlock();
    auto a = s->createCase(passportCase());
    REQUIRE(f.store->database()
                .exec("UPDATE operations SET ciphertext = CAST(substr(ciphertext, 1, 30) || "
                      "x'ff' || substr(ciphertext, 32) AS BLOB) WHERE device_seq = 1")
                .ok());
    CHECK(s->openCase(a->id, "check").error().code == "tampered");
}

TEST_CASE("a full disk fails the save with a clear message and leaves nothing half-written") {
    StoreFixture f;
    auto s = f.unlock();
    REQUIRE(s->createCase(passportCase()).ok());
    auto& db = f.store->database();
    const auto pages = db.queryInt("PRAGMA page_count");
    REQUIRE(db.exec("PRAGMA max_page_count = " + std::to_string(*pages)).ok());
    store::NewCase big = passportCase();
    std::mt19937 random(7);                       // incompressible text, so the case really needs new pages
    big.notes.assign(12, std::string(4000, 'x')); // within the input limits: the disk is what refuses
    for (auto& note : big.notes) {
        for (auto& c : note) {
            c = static_cast<char>('a' + random() % 26);
        }
    }
    auto failed = s->createCase(big);
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == "disk_full");
    CHECK(failed.error().message.find("storage is full") != std::string::npos);
    CHECK(s->countCases({}).value() == 1);
    CHECK(db.queryInt("SELECT count(*) FROM operations").value() == 1);
    CHECK(db.queryInt("SELECT count(*) FROM outbox").value() == 1);
    s.reset();
    f.store.reset();
    auto reopened = store::DeviceStore::open(f.file(), f.clock);
    REQUIRE(reopened.ok());
}

TEST_CASE("canary: no personal value appears in the raw database, WAL or SHM files") {
    StoreFixture f;
    const std::vector<std::string> markers = {"Zyxwvutsrq Canarysson", "Kanariefuglevej 4711",
                                              "Qqqcanarynoteqqq", "+45 31415926"};
    {
        auto s = f.unlock();
        for (int i = 0; i < 20; ++i) {
            store::NewCase c{
                "moving", "to-go", {"0707614285", markers[0], markers[1], markers[3]}, {markers[2]}, {}};
            REQUIRE(s->createCase(c).ok());
        }
        REQUIRE(s->registerContact({"bike", "mitid", "help-to-self-service", true, "", "0707614285"}).ok());
    } // locked
    const auto scan = [&](const char* when) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            const std::string raw = readAll(f.file().string() + suffix);
            for (const auto& marker : markers) {
                INFO(when << ": " << marker << " in store.db" << suffix);
                CHECK(raw.find(marker) == std::string::npos);
            }
            CHECK(raw.find("0707614285") == std::string::npos);
            CHECK(raw.find("070761-4285") == std::string::npos);
        }
    };
    scan("before checkpoint");
    REQUIRE(f.store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    scan("after checkpoint");
}
