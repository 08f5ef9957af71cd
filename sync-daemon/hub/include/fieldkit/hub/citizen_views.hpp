#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** A citizen view as the public status server keeps it (issue 18): the receipt's reference, the code's
 *  verifier, the view sealed under a key derived from the code, and clear routing data only (which case and
 *  unit published it, when, and when it expires). Nothing here opens without the citizen's code. */
struct PublishedCitizenView {
    std::string reference;            // normalised receipt reference (random, 50 bits)
    std::vector<std::uint8_t> caseId; // the case's random id, as in the operations
    std::string unit;                 // the publishing device's unit
    std::vector<std::uint8_t> verifier;
    std::vector<std::uint8_t> sealed;
    std::int64_t updatedMs = 0; // the device's time of this version: an older version never replaces a newer
    std::int64_t expiresMs = 0; // 0 while the case is open; closed + core::kCitizenViewRetentionMs after
};

/** The citizen views concern of the center store. */
class CitizenViews {
public:
    virtual ~CitizenViews() = default;

    /** Stores or replaces (when not older) the view of `view.reference`. A reference held by another case
     *  keeps its view: code "reference_taken" (50 random bits make it a device bug or an attack). */
    [[nodiscard]] virtual Status publish(const PublishedCitizenView& view) = 0;
    /** The view of a reference, or none; an expired view is never returned. */
    [[nodiscard]] virtual Result<std::optional<PublishedCitizenView>> find(const std::string& reference,
                                                                           std::int64_t nowMs) = 0;
    /** Deletes views expired by `nowMs`; returns how many. */
    [[nodiscard]] virtual Result<std::int64_t> deleteExpired(std::int64_t nowMs) = 0;
};

} // namespace fieldkit::hub
