#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** Attachments in their own lane. Each call is one transaction: a chunk is durable before it is
 *  acknowledged. */
class AttachmentStore {
public:
    virtual ~AttachmentStore() = default;

    /** Records an offered attachment of the device's unit (again: nothing changes) and returns the chunk
     *  indexes the center still lacks. Codes: bad_offer (malformed, or the id is taken by another
     *  attachment or device). */
    [[nodiscard]] virtual Result<std::vector<std::uint32_t>>
    offerAttachment(const DeviceRecord& device, const protocol::AttachmentOffer& offer) = 0;
    /** Checks a chunk (its attachment offered by this device, checksum, index, offset, length) and commits
     *  it. A chunk already held is not written again. Codes: bad_chunk. */
    [[nodiscard]] virtual Result<ChunkStored> storeChunk(const DeviceRecord& device,
                                                         const protocol::AttachmentChunk& chunk) = 0;
    /** The attachments of a case, oldest offer first. */
    [[nodiscard]] virtual Result<std::vector<CenterAttachment>>
    caseAttachments(const std::vector<std::uint8_t>& caseId) = 0;
    /** The encrypted bytes of one held chunk; code "unknown_chunk" when the center lacks it. */
    [[nodiscard]] virtual Result<std::vector<std::uint8_t>>
    attachmentChunk(const std::vector<std::uint8_t>& attachmentId, std::uint32_t index) = 0;
    /** An attachment's description for the download lane; code "unknown_attachment" when none has the id. */
    [[nodiscard]] virtual Result<HeldAttachment>
    heldAttachment(const std::vector<std::uint8_t>& attachmentId) = 0;
    /** The device's attachments the center knows of but does not hold whole (their chunks went missing, e.g.
     *  after a restore from a backup): the hub asks the device for them again. */
    [[nodiscard]] virtual Result<std::vector<std::vector<std::uint8_t>>>
    incompleteAttachments(const std::string& deviceId) = 0;
};

} // namespace fieldkit::hub
