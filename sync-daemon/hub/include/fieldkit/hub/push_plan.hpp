#pragma once

#include <cstdint>
#include <fieldkit/core/merge.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <fieldkit/hub/restore_numbering.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::hub {

/**
 * How one push changes the center, decided before anything is written.
 *
 * A store reads what the push touches in a few queries (PushSnapshot), decides every operation in order here,
 * and writes the outcome in a few multi-row statements (PushPlan). Deciding one operation at a time against
 * the database costs some twenty round trips per operation; a push of hundreds of operations then spends its
 * time waiting on the network to the database rather than working. The decisions are the ones the stores
 * made statement by statement before: order, repeats, refusals, merge and conflicts, newest metadata wins.
 */

using CaseKey = std::vector<std::uint8_t>; // 16 bytes

/** What the center holds that a push touches. */
struct PushSnapshot {
    std::uint64_t lastApplied = 0; // the device's newest applied device_seq
    /** The device's earlier answers: for every device_seq of the push and every base_device_seq it names. */
    std::map<std::uint64_t, protocol::PushAck> storedAcks;
    /** The cases the push names that exist, and the unit each belongs to. */
    std::map<CaseKey, std::string> caseUnits;
    /** Open versions of every register field of those cases (a field absent here was never set). */
    std::map<std::pair<CaseKey, std::uint32_t>, core::RegisterState> heads;
    /** What restores left to decide by (empty for a center never restored): the ranges, the lost numbers
     *  the push names that came back under other numbers, and which numbers it carries a change already has.
     */
    RestoreMemory restore;
};

/** A case the push creates. */
struct NewCase {
    CaseKey caseId;
    std::string service;
    std::string channel;
    std::string sealedKeyCenter;
    std::string sealedKeyUnit;
};

/** A case's clear metadata after the push: the newest value of each wins; nullopt keeps the stored one. */
struct CaseMetaUpdate {
    CaseKey caseId;
    std::optional<std::string> status;
    std::optional<std::string> service;
    std::optional<std::string> channel;
    bool conflicted = false; // some register field has more than one open version
};

/** One open version of a field, as the field_heads table keeps it. */
struct FieldHead {
    CaseKey caseId;
    std::uint32_t fieldId = 0;
    std::uint64_t serverSeq = 0;
    bool deleted = false;
};

/** An applied operation as it is stored and fanned out. */
struct StoredOperation {
    std::uint64_t serverSeq = 0;
    CaseKey caseId;
    std::uint64_t deviceSeq = 0;
    std::string message; // the serialised protocol::Operation, with its server_seq, unit and closes
};

struct PushPlan {
    std::vector<protocol::PushAck> acks;        // one per pushed operation, in order
    std::vector<protocol::PushAck> acksToStore; // new answers to remember (not repeats, not foreign ones)
    std::vector<NewCase> newCases;
    std::vector<CaseMetaUpdate> caseUpdates; // one per case an applied operation touched
    std::vector<FieldHead> closedHeads;      // stored versions that are no longer open
    std::vector<FieldHead> openedHeads;      // versions to store
    std::vector<StoredOperation> operations; // in the push's order
    std::uint64_t checksumDelta = 0;         // XOR of the applied operations' fingerprints
    std::vector<std::pair<std::uint64_t, std::uint64_t>> renumbered; // lost number -> its new number
    std::uint64_t lastApplied = 0;                                   // the device's newest decided device_seq
    bool changed = false; // something was applied (other devices are to be told)
};

/** How many server sequence numbers `planPush` may ask for: the operations it might apply. */
[[nodiscard]] std::size_t seqsNeeded(const DeviceRecord& device, const std::vector<protocol::Operation>& ops,
                                     const PushSnapshot& snapshot);

/**
 * Decides a push. `seqs` are server sequence numbers reserved for it, ascending, at least seqsNeeded() of
 * them; an applied operation takes the next one (unused ones are gaps, as a rolled back sequence leaves).
 * Refusals are answers, not errors; an error means the snapshot is damaged (a stored ack that does not fit).
 */
[[nodiscard]] Result<PushPlan> planPush(const DeviceRecord& device,
                                        const std::vector<protocol::Operation>& ops, PushSnapshot snapshot,
                                        const std::vector<std::uint64_t>& seqs);

} // namespace fieldkit::hub
