#pragma once

#include <cstddef>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <fieldkit/hub/restore_numbering.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::hub {

/** Operations and the changes devices pull: the exactly-once apply, per-field merge, server sequence and the
 *  per-unit partition checksum, plus the reads of cases the export needs. Every method is one transaction. */
class OperationStore {
public:
    virtual ~OperationStore() = default;

    /** Applies a device's batch in one transaction: assigns server sequences, merges per field, records the
     *  device's last applied device_seq, and answers one ack per operation (a repeat gets its original ack).
     */
    [[nodiscard]] virtual Result<std::vector<protocol::PushAck>>
    applyBatch(const DeviceRecord& device, const std::vector<protocol::Operation>& ops) = 0;
    /** Changes of `unit` after `cursor`, leaving out the device's own operations (it has them; their acks,
     *  device_seq, server_seq and DUPLICATE, come in `ownAcks` instead): at most `limit` of them, and no more
     *  than `maxBytes` of encoded operations unless one alone is larger (a page always carries at least one
     *  change when any is waiting). */
    [[nodiscard]] virtual Result<ChangesPage> changesSince(const std::string& unit, std::uint64_t cursor,
                                                           const std::string& excludeDevice, int limit,
                                                           std::size_t maxBytes) = 0;
    /** After the center was restored from a backup (with every hub stopped): sets the next kRestoreSetAside
     *  server sequence numbers aside, since devices hold numbers the backup never saw, and numbers new
     *  changes after them (restore_numbering.hpp). Returns the range. */
    [[nodiscard]] virtual Result<SeqRange> setAsideAfterRestore(std::int64_t nowMs) = 0;
    /** Newest server sequence among changes visible to `unit`. */
    [[nodiscard]] virtual Result<std::uint64_t> serverHead(const std::string& unit) = 0;

    [[nodiscard]] virtual Result<std::vector<CenterCase>> cases() = 0;
    /** One case's clear metadata and sealed key, or none. */
    [[nodiscard]] virtual Result<std::optional<CenterCase>>
    caseById(const std::vector<std::uint8_t>& caseId) = 0;
    /** The console's inbox: cases matching `query`, sorted and paged, with the total count. */
    [[nodiscard]] virtual Result<InboxPage> inbox(const InboxQuery& query) = 0;
    /** Every operation of a case in server order. */
    [[nodiscard]] virtual Result<std::vector<protocol::Operation>>
    caseOperations(const std::vector<std::uint8_t>& caseId) = 0;
    /** The open versions (server_seq) of each register field of a case: more than one means a conflict. */
    [[nodiscard]] virtual Result<std::vector<std::pair<std::uint32_t, std::uint64_t>>>
    fieldHeads(const std::vector<std::uint8_t>& caseId) = 0;
};

} // namespace fieldkit::hub
