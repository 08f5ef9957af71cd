#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/device_store.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::store {

/** An operation waiting to be shipped: clear routing data and ciphertext only. */
struct OutboxOperation {
    std::uint64_t deviceSeq = 0;
    sqlite::Bytes caseId;
    std::string kind;
    std::uint64_t hlc = 0;
    sqlite::Bytes fieldRefs;
    std::string meta;
    sqlite::Bytes ciphertext;
    sqlite::Bytes sealedKeyCenter; // the case's record key, so the center and the unit can read it
    sqlite::Bytes sealedKeyUnit;
    std::int64_t queuedMs = 0;
};

/** Where the device stands with the center. */
struct SyncPosition {
    std::uint64_t pullCursor = 0;
    std::uint64_t lastAckedDeviceSeq = 0;
    std::int64_t pendingOps = 0;
    std::int64_t oldestPendingMs = 0; // queue time of the oldest unsent operation, 0 when none
};

/** The daemon's view of the store: it moves ciphertext and never needs (or gets) the data key. */
class SyncQueue {
public:
    explicit SyncQueue(DeviceStore& store)
        : m_store(store) {}

    [[nodiscard]] Result<std::vector<OutboxOperation>> pending(int limit);
    [[nodiscard]] Result<SyncPosition> position();
    /** The center durably applied these (device_seq, server_seq) pairs: drop them from the outbox, in one
     *  transaction. Acknowledging a closing status starts the case's retention clock. */
    [[nodiscard]] Status acknowledge(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& acks);

private:
    DeviceStore& m_store;
};

} // namespace fieldkit::store
