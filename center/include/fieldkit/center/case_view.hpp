#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <string>
#include <vector>

namespace fieldkit::center {

/** One version of a register field (several = a conflict kept for a person to resolve). */
struct FieldVersion {
    std::string value;
    std::string deviceId;
    std::string staff;
};

/** A case opened with the center key, for the case page. */
struct CaseView {
    hub::CenterCase meta;
    std::string caseHex;
    std::int64_t createdMs = 0;
    std::vector<FieldVersion> cpr;
    std::vector<std::pair<std::uint32_t, std::vector<FieldVersion>>> registers; // name, address, phone, ...
    std::vector<std::pair<std::uint16_t, std::vector<FieldVersion>>> checklist; // item id → answer
    std::vector<FieldVersion> notes;                                            // add-only, in order
    struct TimelineEntry {
        std::uint64_t serverSeq = 0;
        std::string kind;
        std::string deviceId;
        std::string staff;
        std::vector<std::uint32_t> fieldIds;
        bool opened = true; // false when the ciphertext did not open
    };
    std::vector<TimelineEntry> timeline;
    std::vector<hub::CenterAttachment> attachments;
};

/** The creation time inside a case id (its first 48 bits). */
[[nodiscard]] std::int64_t caseCreatedMs(const std::vector<std::uint8_t>& caseId);

/** Opens one case: its record key with the center key, then every operation. Codes: unknown_case,
 *  unreadable_case (the record key does not open). */
[[nodiscard]] Result<CaseView> openCaseView(hub::CenterStore& store, const crypto::BoxKeyPair& centerKey,
                                            const std::vector<std::uint8_t>& caseId);

/** DDMMYY-XXXX from a stored CPR value (digits with or without the dash); the value unchanged when it is not
 *  ten digits, masked to X's. */
[[nodiscard]] std::string maskedCpr(const std::string& stored);

} // namespace fieldkit::center
