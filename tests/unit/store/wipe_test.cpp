#include "store_fixture.hpp"

#include <fieldkit/store/wipe.hpp>

using namespace fieldkit;
using namespace fieldkit::testing;

namespace {

const std::string kMarker = "ZQXWIPECANARY";

/** A store with a case and an attachment full of markers, locked and closed. */
void fillWithMarkers(StoreFixture& f) {
    {
        auto s = f.unlock();
        auto created = s->createCase({"passport",
                                      "bike",
                                      {"0707614285", kMarker + "NAME", kMarker + "ADDRESS", "+45 1"},
                                      {kMarker + "NOTE"},
                                      {}});
        REQUIRE(created.ok());
        std::string png = "\x89PNG\r\n\x1a\n" + kMarker + "CONTENT";
        REQUIRE(s->attachFile(created->id, {kMarker + ".png", "image/png", "file",
                                            std::vector<std::uint8_t>(png.begin(), png.end())})
                    .ok());
    }
    f.store.reset(); // every connection closed, as the daemon does before it wipes
}

} // namespace

TEST_CASE("a wipe leaves no store file behind, nothing to unlock, and no marker anywhere in the folder") {
    StoreFixture f;
    fillWithMarkers(f);
    { std::ofstream(f.dir / "profile.json") << "{}"; } // something else in the data folder stays

    REQUIRE(store::wipeStore(f.dir).ok());
    for (const auto* suffix : {"", "-wal", "-shm"}) {
        CHECK_FALSE(std::filesystem::exists(f.file().string() + suffix));
    }
    auto reopened = store::DeviceStore::open(f.file(), f.clock);
    REQUIRE_FALSE(reopened.ok());
    for (const auto& entry : std::filesystem::directory_iterator(f.dir)) {
        CHECK(readAll(entry.path()).find(kMarker) == std::string::npos);
    }
    CHECK(std::filesystem::exists(f.dir / "profile.json"));
    CHECK(store::wipeStore(f.dir).ok()); // a second order finds nothing to do
}

TEST_CASE("the keys are gone from the store file before it is deleted") {
    StoreFixture f;
    fillWithMarkers(f);
    // Keep a hard link so the file's bytes can be read after the wipe unlinked the name.
    const auto kept = f.dir / "kept.db";
    std::filesystem::create_hard_link(f.file(), kept);
    REQUIRE(store::wipeStore(f.dir).ok());

    auto db = sqlite::Database::open(kept, sqlite::OpenMode::MustExist);
    REQUIRE(db.ok());
    CHECK(*db->queryInt("SELECT count(*) FROM key_slots") == 0);
    CHECK(*db->queryInt("SELECT count(*) FROM device_identity") == 0);
    CHECK(*db->queryInt("SELECT count(*) FROM unit_keys") == 0);
    if (auto again = store::DeviceStore::open(kept, f.clock); again.ok()) {
        CHECK_FALSE((*again)->unlock("anna", "1234").ok());
    }
}

TEST_CASE("a damaged store file is overwritten and deleted by a wipe") {
    StoreFixture f;
    f.store.reset();
    { std::ofstream(f.file(), std::ios::binary | std::ios::trunc) << "not a database " << kMarker; }
    const auto kept = f.dir / "kept.bin";
    std::filesystem::create_hard_link(f.file(), kept);
    REQUIRE(store::wipeStore(f.dir).ok());
    CHECK_FALSE(std::filesystem::exists(f.file()));
    CHECK(readAll(kept).find(kMarker) == std::string::npos);
}
