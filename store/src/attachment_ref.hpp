#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/store/store_types.hpp>
#include <string>

namespace fieldkit::store::detail {

/** What a case's operation says about one attachment. It travels inside the operation's ciphertext, so the
 *  name and media type are as protected as the citizen's name, and the size and chunk count are
 *  authenticated by the case's key (the clear copies in the attachments table are only for the daemon). */
struct AttachmentRef {
    AttachmentId id;
    std::uint64_t size = 0;
    std::uint32_t chunkCount = 0;
    std::string mediaType;
    std::string kind;
    std::string displayName;
    friend bool operator==(const AttachmentRef&, const AttachmentRef&) = default;
};

/** Format v1: "fkatt1" then id hex, size, chunk count, media type, kind and name, one per line; the name is
 *  last so it may itself contain line breaks. Never change it: old operations are replayed forever. */
[[nodiscard]] std::string encodeAttachmentRef(const AttachmentRef& ref);
/** Code "malformed" for anything but a v1 reference. */
[[nodiscard]] Result<AttachmentRef> decodeAttachmentRef(const std::string& text);

/** Chunks an attachment of `size` bytes takes (an empty file still has its one FINAL chunk). */
[[nodiscard]] std::uint32_t attachmentChunkCount(std::uint64_t size);

/** Why `input` cannot be attached, or nothing: type, size, name, and that the bytes are what the type says
 *  (a renamed file would otherwise only fail when someone tries to open it in the field). */
[[nodiscard]] Status checkNewAttachment(const NewAttachment& input);

} // namespace fieldkit::store::detail
