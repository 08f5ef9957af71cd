// Two hub processes on one center: each test opens a second store on the same database (a second SQLite
// connection, a second PostgreSQL pool) and drives both from threads at once.
#include "center_store_fixture.hpp"

#include <atomic>
#include <doctest/doctest.h>
#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/center_store_config.hpp>
#include <fieldkit/hub/change_feed.hpp>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::PostgresBackend;
using fieldkit::hub::testing::SqliteBackend;
using fieldkit::hub::testing::TempStore;

namespace {

/** A new case of `device`, its case id derived from device and sequence. */
protocol::Operation newCase(const std::string& device, std::uint64_t seq) {
    protocol::Operation o;
    std::string caseId(16, '\0');
    caseId.replace(0, std::min<std::size_t>(device.size(), 8), device.substr(0, 8));
    caseId[15] = static_cast<char>(seq);
    caseId[14] = static_cast<char>(seq >> 8U);
    o.set_case_id(caseId);
    o.set_device_id(device);
    o.set_device_seq(seq);
    o.set_kind("set");
    auto* f = o.add_fields();
    f->set_field_id(2);
    o.set_meta("service=passport");
    o.set_ciphertext("sealed");
    o.set_sealed_key_center("kc");
    o.set_sealed_key_unit("ku");
    return o;
}

} // namespace

TEST_CASE_TEMPLATE(
    "two hubs apply the same device's batch at once: each operation once, the repeat gets its ack", Backend,
    SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto second = t.backing.open();
    REQUIRE(second.ok());
    std::vector<protocol::Operation> batch;
    for (std::uint64_t seq = 1; seq <= 20; ++seq) {
        batch.push_back(newCase("dev-a", seq));
    }
    std::vector<protocol::PushAck> acks[2];
    CenterStore* stores[2] = {t.store.get(), second->get()};
    {
        std::vector<std::thread> hubs;
        for (int h = 0; h < 2; ++h) {
            hubs.emplace_back([&, h] {
                // Each hub read the device before the other applied anything: the record is stale for one.
                const auto device = *stores[h]->devices().device("dev-a");
                auto applied = stores[h]->operations().applyBatch(device, batch);
                if (applied) {
                    acks[h] = std::move(*applied);
                }
            });
        }
        for (auto& hub : hubs) {
            hub.join();
        }
    }
    REQUIRE(acks[0].size() == 20);
    REQUIRE(acks[1].size() == 20);
    std::set<std::uint64_t> seqs;
    for (std::size_t i = 0; i < 20; ++i) {
        // One hub applied it and the other answered the repeat with the same server_seq.
        const auto results = std::multiset{acks[0][i].result(), acks[1][i].result()};
        CHECK(results == std::multiset{protocol::PushAck::APPLIED, protocol::PushAck::DUPLICATE});
        CHECK(acks[0][i].server_seq() == acks[1][i].server_seq());
        seqs.insert(acks[0][i].server_seq());
    }
    CHECK(seqs.size() == 20);
    CHECK(t.store->reports().stats()->operations == 20);
    CHECK(t.store->reports().stats()->cases == 20);
    CHECK(t.store->devices().device("dev-a")->lastAppliedDeviceSeq == 20);
}

TEST_CASE_TEMPLATE("devices pushing through two hubs at once: unique server_seqs, a matching checksum, and a "
                   "reader never skips a change",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    REQUIRE(t.store->devices().registerDevice("dev-c", "bike-07").ok());
    REQUIRE(t.store->devices().registerDevice("dev-d", "bike-07").ok());
    auto second = t.backing.open();
    REQUIRE(second.ok());
    CenterStore* stores[2] = {t.store.get(), second->get()};
    const std::vector<std::string> devices = {"dev-a", "dev-b", "dev-c", "dev-d"};
    constexpr std::uint64_t kEach = 15;

    std::atomic<bool> writing{true};
    std::set<std::pair<std::string, std::uint64_t>> seen;
    std::uint64_t lastSeen = 0;
    bool ordered = true;
    std::thread reader([&] {
        // A device pulling while the hubs write: its cursor only moves forward, so a change committed with a
        // smaller server_seq after it passed would be lost to it.
        auto third = t.backing.open(); // doctest's REQUIRE must not throw on this thread: checked below
        if (!third) {
            ordered = false;
            return;
        }
        std::uint64_t cursor = 0;
        while (true) {
            const bool last = !writing.load();
            auto page =
                (*third)->operations().changesSince("bike-07", cursor, "", 50, protocol::kDefaultPageBytes);
            if (!page) {
                break;
            }
            for (const auto& op : page->ops) {
                ordered = ordered && op.server_seq() > lastSeen;
                lastSeen = op.server_seq();
                seen.emplace(op.device_id(), op.device_seq());
            }
            cursor = page->checkpoint;
            if (last && !page->more) {
                break;
            }
        }
    });
    std::vector<std::thread> pushers;
    std::mutex hubThreads[2];
    std::mutex failures;
    std::vector<std::string> errors;
    for (std::size_t d = 0; d < devices.size(); ++d) {
        pushers.emplace_back([&, d] {
            for (std::uint64_t seq = 1; seq <= kEach; ++seq) {
                // Each device alternates between the hubs. A hub uses its store from one thread at a time
                // (its store thread), which the lock stands for; the two hubs run truly at once.
                const std::size_t h = (d + seq) % 2;
                std::lock_guard storeThread(hubThreads[h]);
                CenterStore& hub = *stores[h];
                auto device = hub.devices().device(devices[d]);
                auto acks = device ? hub.operations().applyBatch(*device, {newCase(devices[d], seq)})
                                   : Result<std::vector<protocol::PushAck>>(device.error());
                if (!acks || acks->front().result() != protocol::PushAck::APPLIED) {
                    std::lock_guard lock(failures);
                    errors.push_back(devices[d] + " " + std::to_string(seq) + ": " +
                                     (acks ? acks->front().reason() : acks.error().message));
                }
            }
        });
    }
    for (auto& pusher : pushers) {
        pusher.join();
    }
    writing = false;
    reader.join();
    CHECK_MESSAGE(errors.empty(), (errors.empty() ? std::string() : errors.front()));
    CHECK(ordered);
    CHECK(seen.size() == devices.size() * kEach);

    auto all = t.store->operations().changesSince("bike-07", 0, "", 1000, 1 << 30);
    REQUIRE(all.ok());
    REQUIRE(all->ops.size() == devices.size() * kEach);
    std::uint64_t expected = 0;
    std::set<std::uint64_t> seqs;
    for (const auto& op : all->ops) {
        expected ^= core::operationFingerprint(op.server_seq(), op.device_id(), op.device_seq());
        seqs.insert(op.server_seq());
    }
    CHECK(seqs.size() == all->ops.size());
    CHECK(all->checksum == expected);
    CHECK(*t.store->operations().serverHead("bike-07") == *seqs.rbegin());
}

TEST_CASE("a PostgreSQL center written by a newer fieldkit-hub is refused and left as it is") {
    TempStore t{PostgresBackend{}};
    t.store.reset();
    fieldkit::testing::pgAdminExec("UPDATE fieldkit_schema SET version = 99", t.backing.databaseName());
    auto reopened = t.backing.open();
    REQUIRE_FALSE(reopened.ok());
    CHECK(reopened.error().code == "newer_schema");
    CHECK(reopened.error().message.find("99") != std::string::npos);
}

TEST_CASE("two hubs starting at once on an empty PostgreSQL database migrate it once") {
    fieldkit::testing::PgTestDatabase database;
    std::vector<Result<std::unique_ptr<CenterStore>>> opened;
    std::mutex lock;
    std::vector<std::thread> hubs;
    for (int h = 0; h < 3; ++h) {
        hubs.emplace_back([&] {
            auto store = openPostgresCenterStore(PostgresStoreOptions{database.conninfo(), {}, 2});
            std::lock_guard guard(lock);
            opened.push_back(std::move(store));
        });
    }
    for (auto& hub : hubs) {
        hub.join();
    }
    for (auto& store : opened) {
        REQUIRE_MESSAGE(store.ok(), (store.ok() ? std::string() : store.error().message));
    }
    CHECK((*opened.front())->units().addUnit({"bike-01", {1}, {2}}).ok());
    CHECK((*opened.back())->units().units()->size() == 1);
}

TEST_CASE(
    "a PostgreSQL connection string with a password, or not for PostgreSQL, is refused with a clear error") {
    CHECK(checkPostgresConnectionString("postgresql://hub@db.example/center?sslmode=verify-full").ok());
    CHECK(checkPostgresConnectionString("host=/tmp port=5432 dbname=center").ok());
    const auto withPassword = checkPostgresConnectionString("postgresql://hub:secret@db.example/center");
    REQUIRE_FALSE(withPassword.ok());
    CHECK(withPassword.error().code == "bad_store");
    CHECK(withPassword.error().message.find("secret") == std::string::npos);
    CHECK(withPassword.error().message.find("password file") != std::string::npos);
    CHECK_FALSE(checkPostgresConnectionString("host=db password=secret dbname=center").ok());
    CHECK_FALSE(checkPostgresConnectionString("mysql://db/center").ok());
    CHECK_FALSE(checkPostgresConnectionString("").ok());
    auto opened =
        openPostgresCenterStore(PostgresStoreOptions{"postgresql://hub:secret@127.0.0.1/center", {}, 1});
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == "bad_store");
}

TEST_CASE("store.conf names the PostgreSQL store and its password file, a typo is an error naming the line") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("fieldkit-conf-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const auto file = dir / "store.conf";
    CHECK(!readStoreConfig(file)->has_value()); // no file: the SQLite center
    REQUIRE(writeStoreConfig(file, {"postgresql://hub@db/center?sslmode=require", "/etc/fieldkit/pgpass", 4})
                .ok());
    auto read = readStoreConfig(file);
    REQUIRE(read.ok());
    REQUIRE(read->has_value());
    CHECK((*read)->conninfo == "postgresql://hub@db/center?sslmode=require");
    CHECK((*read)->passfile == "/etc/fieldkit/pgpass");
    CHECK((std::filesystem::status(file).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);
    std::ofstream(file) << "store = postgresql://hub@db/center\nstore_pasfile = /x\n";
    auto typo = readStoreConfig(file);
    REQUIRE_FALSE(typo.ok());
    CHECK(typo.error().message.find("line 2") != std::string::npos);
    CHECK_FALSE(writeStoreConfig(file, {"postgresql://hub:pw@db/center", {}, 4}).ok());
    std::filesystem::remove_all(dir);
}

TEST_CASE("the password for a TCP login comes from the password file, and a wrong one is refused") {
    auto& cluster = fieldkit::testing::PgTestCluster::shared();
    fieldkit::testing::PgTestDatabase database;
    const auto dir =
        std::filesystem::temp_directory_path() / ("fieldkit-pass-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);
    const auto passfile = dir / "pgpass";
    const std::string tcp = "postgresql://fieldkit@127.0.0.1:" + std::to_string(cluster.port()) + "/" +
                            database.name() + "?sslmode=disable";
    std::ofstream(passfile) << "127.0.0.1:" << cluster.port() << ":*:fieldkit:" << cluster.password() << "\n";
    std::filesystem::permissions(passfile,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    auto opened = openPostgresCenterStore(PostgresStoreOptions{tcp, passfile.string(), 1});
    REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? std::string() : opened.error().message));
    CHECK((*opened)->units().units().ok());

    std::ofstream(passfile) << "127.0.0.1:" << cluster.port() << ":*:fieldkit:not-the-password\n";
    auto refused = openPostgresCenterStore(PostgresStoreOptions{tcp, passfile.string(), 1});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "store_unreachable");
    CHECK(refused.error().message.find("not-the-password") == std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE(
    "a hub learns of the changes another hub committed to the PostgreSQL center, once per unit, and not of "
    "a batch that changed nothing") {
    TempStore t{PostgresBackend{}};
    REQUIRE(t.store->units().addUnit({"bike-08", std::vector<std::uint8_t>(32, 3), {4}}).ok());
    REQUIRE(t.store->devices().registerDevice("dev-z", "bike-08").ok());
    auto feed = openPostgresChangeFeed(PostgresStoreOptions{t.backing.conninfo(), {}, 1});
    REQUIRE(feed.ok());
    auto other = t.backing.open(); // the other hub
    REQUIRE(other.ok());
    CHECK((*feed)->waitForChanges(std::chrono::milliseconds(50))->empty());

    auto& ops = (*other)->operations();
    REQUIRE(ops.applyBatch(*(*other)->devices().device("dev-a"), {newCase("dev-a", 1), newCase("dev-a", 2)})
                .ok());
    REQUIRE(ops.applyBatch(*(*other)->devices().device("dev-b"), {newCase("dev-b", 1)}).ok());
    REQUIRE(ops.applyBatch(*(*other)->devices().device("dev-z"), {newCase("dev-z", 1)}).ok());
    std::set<std::string> units;
    for (int i = 0; i < 10 && units.size() < 2; ++i) {
        auto got = (*feed)->waitForChanges(std::chrono::milliseconds(500));
        REQUIRE(got.ok());
        units.insert(got->begin(), got->end());
    }
    CHECK(units == std::set<std::string>{"bike-07", "bike-08"});
    // A repeat applies nothing: no notice.
    REQUIRE(ops.applyBatch(*(*other)->devices().device("dev-a"), {newCase("dev-a", 1)}).ok());
    CHECK((*feed)->waitForChanges(std::chrono::milliseconds(200))->empty());
}
