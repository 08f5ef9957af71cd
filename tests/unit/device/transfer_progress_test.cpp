#include <doctest/doctest.h>
#include <fieldkit/device/transfer_progress.hpp>

using namespace fieldkit::device;

TEST_CASE("progress up: acknowledged items are done, bytes left follow the first batch's size per item") {
    RoundFigures f;
    f.pendingAtStart = 1000;
    f.batchOps = 200;
    f.batchBytes = 120'000; // 600 B per operation, so about 600 KB in all
    f.bytesSent = 150'000;
    f.acknowledged = 200;
    const auto [up, down] = estimateProgress(f);
    CHECK(up.itemsDone == 200);
    CHECK(up.itemsLeft == 800);
    CHECK(up.bytesDone == 150'000);
    CHECK(up.bytesLeft == 450'000);
    f.acknowledged = 1000;
    f.bytesSent = 610'000; // more than the estimate: nothing is left once everything is acknowledged
    const auto done = estimateProgress(f).first;
    CHECK(done.itemsLeft == 0);
    CHECK(done.bytesLeft == 0);
}

TEST_CASE("progress down: items left up to the hub's head, bytes left like those received") {
    RoundFigures f;
    f.cursorAtStart = 100;
    f.checkpoint = 100;
    CHECK(estimateProgress(f).second.itemsLeft == 0); // no welcome yet: nothing is known to be waiting
    f.hubHead = 600;
    CHECK(estimateProgress(f).second.itemsLeft == 500);
    CHECK(estimateProgress(f).second.bytesLeft == 0); // no page yet to estimate from
    f.checkpoint = 300;
    f.pulled = 200;
    f.bytesReceived = 100'000;
    const auto down = estimateProgress(f).second;
    CHECK(down.itemsDone == 200);
    CHECK(down.itemsLeft == 300);
    CHECK(down.bytesDone == 100'000);
    CHECK(down.bytesLeft == 150'000);
}

TEST_CASE(
    "attachment progress: whole attachments as items, acknowledged chunk bytes against what was missing") {
    RoundFigures f;
    CHECK(attachmentProgress(f) == TransferProgress{});
    f.attachmentsOffered = 2;
    f.chunkBytesMissing = 1'000'000;
    f.chunkBytesAcked = 250'000;
    auto p = attachmentProgress(f);
    CHECK(p.itemsDone == 0);
    CHECK(p.itemsLeft == 2);
    CHECK(p.bytesDone == 250'000);
    CHECK(p.bytesLeft == 750'000);
    f.attachmentsDone = 2;
    f.chunkBytesAcked = 1'000'000;
    p = attachmentProgress(f);
    CHECK(p.itemsLeft == 0);
    CHECK(p.bytesLeft == 0);
}

TEST_CASE("status.json carries the attachment lane's progress and reads it back") {
    SyncStatus s;
    s.transferring = true;
    s.attachments = TransferProgress{1, 2, 300, 400};
    auto back = syncStatusFromJson(toJson(s));
    REQUIRE(back.ok());
    CHECK(back->attachments == s.attachments);
    CHECK(back->transferring);
}
