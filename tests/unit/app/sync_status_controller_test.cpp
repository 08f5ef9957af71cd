// The app's reading of the daemon's status file: the narrow contract between a process that holds no data key
// and the UI.
#include <QTemporaryDir>
#include <doctest/doctest.h>
#include <fieldkit/app/sync_status_controller.hpp>

using namespace fieldkit::app;

namespace {

// As fieldkit-syncd writes it (sync-daemon/device/src/sync_status.cpp), mid-way through a long transfer.
const QByteArray kTransferring = R"({"state":"syncing","pending_ops":60,"last_success_ms":1700000000000,
  "last_error":"","progress":{"active":true,
  "up":{"items_done":40,"items_left":60,"bytes_done":22000,"bytes_left":33000},
  "down":{"items_done":5,"items_left":7,"bytes_done":2800,"bytes_left":3900},
  "attachments":{"items_done":1,"items_left":2,"bytes_done":524288,"bytes_left":2621440}}})";

} // namespace

TEST_CASE("the daemon's transfer progress reaches the app: items up and down, attachments and bytes left") {
    auto parsed = parseSyncStatus(kTransferring);
    REQUIRE(parsed.has_value());
    CHECK(parsed->state == "syncing");
    CHECK(parsed->transfer.active);
    CHECK(parsed->transfer.upDone == 40);
    CHECK(parsed->transfer.upLeft == 60);
    CHECK(parsed->transfer.downDone == 5);
    CHECK(parsed->transfer.downLeft == 7);
    CHECK(parsed->transfer.attachmentsDone == 1);
    CHECK(parsed->transfer.attachmentsLeft == 2);
    CHECK(parsed->transfer.attachmentBytesLeft == 2621440);
}

TEST_CASE("a status file without progress (an older daemon, or idle) shows no transfer") {
    auto parsed = parseSyncStatus(R"({"state":"ok","pending_ops":0})");
    REQUIRE(parsed.has_value());
    CHECK_FALSE(parsed->transfer.active);
    CHECK(parsed->transfer == TransferSnapshot{});
    CHECK_FALSE(parseSyncStatus("not json").has_value());
}

TEST_CASE("the controller exposes the transfer to QML and follows the file") {
    QTemporaryDir dir;
    const QString path = dir.filePath("status.json");
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(kTransferring);
    file.close();
    SyncStatusController controller(path, nullptr);
    auto transfer = controller.transfer();
    CHECK(transfer.value("active").toBool());
    CHECK(transfer.value("upDone").toLongLong() == 40);
    CHECK(transfer.value("attachmentBytesLeft").toLongLong() == 2621440);

    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(R"({"state":"ok","pending_ops":0,"progress":{"active":false}})");
    file.close();
    controller.refresh();
    CHECK_FALSE(controller.transfer().value("active").toBool());
    CHECK(controller.state() == "ok");
}
