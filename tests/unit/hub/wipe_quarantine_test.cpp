// Remote wipe at the hub: a device ordered wiped hands over its last push into quarantine (stored, never
// applied, never sent on), receives the signed order, and is refused once it confirms.
#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/engine/wipe_order.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/sync_service.hpp>
#include <filesystem>
#include <random>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::PostgresBackend;
using fieldkit::hub::testing::SqliteBackend;
using fieldkit::hub::testing::TempStore;

namespace {

protocol::Operation newCase(const std::string& device, std::uint64_t seq, char caseByte) {
    protocol::Operation o;
    o.set_case_id(std::string(16, caseByte));
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

WipeOrderRecord order(const std::string& device, const std::string& id = "0a0b") {
    return WipeOrderRecord{device, id, 1000, std::vector<std::uint8_t>(64, 9), 0, 0};
}

protocol::Hello hello(const std::string& device) {
    protocol::Hello h;
    h.set_protocol_version(protocol::kProtocolVersion);
    h.set_schema_version(protocol::kSchemaVersion);
    h.set_device_id(device);
    return h;
}

} // namespace

TEST_CASE_TEMPLATE("a wipe order revokes the device but leaves it one more contact until it confirms",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    CHECK_FALSE(t.store->devices().device("dev-a")->wipePending);
    REQUIRE(t.store->wipes().addWipeOrder(order("dev-a")).ok());
    auto device = t.store->devices().device("dev-a");
    CHECK(device->revoked);
    CHECK(device->wipePending);
    CHECK_FALSE(device->refused());
    CHECK(t.store->wipes().addWipeOrder(order("dev-a", "0c0d")).error().code == "wipe_ordered");
    CHECK(t.store->wipes().addWipeOrder(order("dev-x")).error().code == "unknown_device");

    CHECK(t.store->wipes().confirmWipe("dev-a", "ffff", 2000).error().code == "unknown_order");
    REQUIRE(t.store->wipes().confirmWipe("dev-a", "0a0b", 2000).ok());
    CHECK(t.store->devices().device("dev-a")->refused());
    CHECK((*t.store->wipes().wipeOrder("dev-a"))->confirmedMs == 2000);
    CHECK(t.store->wipes().confirmWipe("dev-a", "0a0b", 3000).error().code == "unknown_order"); // once only
    CHECK(t.store->reports().stats()->wipesConfirmed == 1);
}

TEST_CASE_TEMPLATE("a plain revocation without a wipe order is refused at once", Backend, SqliteBackend,
                   PostgresBackend) {
    TempStore t{Backend{}};
    REQUIRE(t.store->devices().revokeDevice("dev-a").ok());
    CHECK(t.store->devices().device("dev-a")->refused());
    CHECK_FALSE(t.store->wipes().wipeOrder("dev-a")->has_value());
}

TEST_CASE_TEMPLATE("a quarantined batch is kept as it came, acked QUARANTINED once, and never applied",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    REQUIRE(t.store->operations()
                .applyBatch(*t.store->devices().device("dev-a"), {newCase("dev-a", 1, 'x')})
                .ok());
    REQUIRE(t.store->wipes().addWipeOrder(order("dev-a")).ok());
    const auto device = *t.store->devices().device("dev-a");
    // seq 1 was applied before the order; seq 2 is new; the foreign one is refused.
    auto acks = t.store->wipes().quarantineBatch(
        device, {newCase("dev-a", 1, 'x'), newCase("dev-a", 2, 'y'), newCase("dev-b", 5, 'z')}, 1500);
    REQUIRE(acks.ok());
    REQUIRE(acks->size() == 3);
    CHECK((*acks)[0].result() == protocol::PushAck::DUPLICATE);
    CHECK((*acks)[1].result() == protocol::PushAck::QUARANTINED);
    CHECK((*acks)[1].reason_code() == "quarantined");
    CHECK((*acks)[1].reason().find("quarantine") != std::string::npos);
    CHECK((*acks)[2].result() == protocol::PushAck::REJECTED);

    auto again = t.store->wipes().quarantineBatch(device, {newCase("dev-a", 2, 'y')}, 1600);
    REQUIRE(again.ok());
    CHECK((*again)[0].result() == protocol::PushAck::QUARANTINED);

    auto kept = t.store->wipes().quarantinedOperations();
    REQUIRE(kept.ok());
    REQUIRE(kept->size() == 1);
    CHECK(kept->front().op.case_id() == std::string(16, 'y'));
    CHECK(kept->front().receivedMs == 1500);
    const auto stats = *t.store->reports().stats();
    CHECK(stats.quarantined == 1);
    CHECK(stats.cases == 1); // only the case applied before the order
    CHECK(stats.operations == 1);
    auto page = t.store->operations().changesSince("bike-07", 0, "dev-b", 10, protocol::kDefaultPageBytes);
    REQUIRE(page.ok());
    CHECK(page->ops.size() == 1); // dev-b never sees the quarantined case
}

TEST_CASE_TEMPLATE(
    "the sync service quarantines the last push, sends the order, and refuses the device after it "
    "confirms",
    Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    std::int64_t now = 5000;
    SyncService service(*t.store, [&] { return now; });
    // dev-b's case is what dev-a would otherwise pull.
    REQUIRE(t.store->operations()
                .applyBatch(*t.store->devices().device("dev-b"), {newCase("dev-b", 1, 'b')})
                .ok());
    const auto center =
        *crypto::SigningKeyPair::fromSeed(crypto::SecretBytes::copyOf(std::vector<std::uint8_t>(32, 3)));
    const auto signedOrder = engine::signWipeOrder(center, "dev-a", 4000, "0a0b");
    REQUIRE(t.store->wipes()
                .addWipeOrder({"dev-a", "0a0b", 4000,
                               std::vector<std::uint8_t>(signedOrder.signature().begin(),
                                                         signedOrder.signature().end()),
                               0, 0})
                .ok());

    HubSession session;
    auto welcome = service.greet(hello("dev-a"), "dev-a", session);
    REQUIRE(welcome.ok());
    CHECK(welcome->status() == protocol::Welcome::OK);
    // The order rides on the welcome, before anything depends on the device's push getting through.
    REQUIRE(welcome->has_wipe_order());
    CHECK(
        engine::checkWipeOrder(welcome->wipe_order(), "dev-a", crypto::toHex(center.publicKey().bytes)).ok());
    protocol::PushBatch batch;
    *batch.add_ops() = newCase("dev-a", 1, 'a');
    auto reply = service.sync("dev-a", batch, session);
    REQUIRE(reply.ok());
    REQUIRE(reply->acks_size() == 1);
    CHECK(reply->acks(0).result() == protocol::PushAck::QUARANTINED);
    CHECK(reply->changes_size() == 0);
    REQUIRE(reply->has_wipe_order());
    CHECK(engine::checkWipeOrder(reply->wipe_order(), "dev-a", crypto::toHex(center.publicKey().bytes)).ok());
    CHECK((*t.store->wipes().wipeOrder("dev-a"))->deliveredMs == 5000);
    CHECK(t.store->reports().stats()->cases == 1);

    protocol::WipeConfirm confirm;
    confirm.set_order_id("0a0b");
    now = 6000;
    REQUIRE(service.confirmWipe("dev-a", confirm).ok());
    HubSession later;
    auto refused = service.greet(hello("dev-a"), "dev-a", later);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "revoked");
}
