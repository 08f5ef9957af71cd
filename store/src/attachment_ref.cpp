#include "attachment_ref.hpp"

#include <algorithm>
#include <charconv>
#include <fieldkit/crypto/attachment_stream.hpp>
#include <string_view>
#include <vector>

namespace fieldkit::store::detail {
namespace {

constexpr std::string_view kMagic = "fkatt1";

Error malformed() {
    return makeError("malformed", "An attachment reference in the case is damaged.");
}

template <typename T>
bool parseNumber(std::string_view text, T& out) {
    const auto* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, out);
    return r.ec == std::errc() && r.ptr == end && !text.empty();
}

bool startsWith(const std::vector<std::uint8_t>& bytes, std::string_view prefix) {
    return bytes.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), bytes.begin(),
                      [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; });
}

} // namespace

std::string encodeAttachmentRef(const AttachmentRef& ref) {
    std::string out(kMagic);
    for (const auto& part : {ref.id.toHex(), std::to_string(ref.size), std::to_string(ref.chunkCount),
                             ref.mediaType, ref.kind}) {
        out += '\n';
        out += part;
    }
    out += '\n';
    out += ref.displayName;
    return out;
}

Result<AttachmentRef> decodeAttachmentRef(const std::string& text) {
    std::vector<std::string_view> parts;
    std::string_view rest(text);
    for (int i = 0; i < 6; ++i) {
        const auto nl = rest.find('\n');
        if (nl == std::string_view::npos) {
            return malformed();
        }
        parts.push_back(rest.substr(0, nl));
        rest.remove_prefix(nl + 1);
    }
    if (parts[0] != kMagic) {
        return malformed();
    }
    AttachmentRef ref;
    auto id = AttachmentId::fromHex(parts[1]);
    if (!id || !parseNumber(parts[2], ref.size) || !parseNumber(parts[3], ref.chunkCount)) {
        return malformed();
    }
    ref.id = *id;
    ref.mediaType = std::string(parts[4]);
    ref.kind = std::string(parts[5]);
    ref.displayName = std::string(rest);
    return ref;
}

std::uint32_t attachmentChunkCount(std::uint64_t size) {
    const auto chunk = static_cast<std::uint64_t>(crypto::kAttachmentChunkSize);
    return size == 0 ? 1u : static_cast<std::uint32_t>((size + chunk - 1) / chunk);
}

Status checkNewAttachment(const NewAttachment& input) {
    // The magic bytes each accepted type starts with.
    const std::vector<std::pair<std::string_view, std::string_view>> types = {
        {"image/png", "\x89PNG\r\n\x1a\n"}, {"image/jpeg", "\xff\xd8\xff"}, {"application/pdf", "%PDF-"}};
    const auto type =
        std::find_if(types.begin(), types.end(), [&](const auto& t) { return t.first == input.mediaType; });
    if (type == types.end()) {
        return makeError("unsupported_media_type",
                         "Only PNG, JPEG and PDF files can be attached, not \"" + input.mediaType + "\".");
    }
    if (input.kind != "file" && input.kind != "signature") {
        return makeError("bad_attachment_kind",
                         "An attachment is a file or a signature, not \"" + input.kind + "\".");
    }
    if (input.kind == "signature" && input.mediaType != "image/png") {
        return makeError("bad_signature", "A signature must be a PNG image.");
    }
    if (input.displayName.empty() || input.displayName.size() > 255) {
        return makeError("bad_attachment_name", "An attachment needs a name of 1 to 255 bytes.");
    }
    if (input.bytes.size() > kMaxAttachmentBytes) {
        return makeError("attachment_too_large", "The file is " + std::to_string(input.bytes.size() >> 20) +
                                                     " MiB; attachments can be at most 25 MiB.");
    }
    if (!startsWith(input.bytes, type->second)) {
        return makeError("attachment_type_mismatch", "The file's content is not " + input.mediaType +
                                                         "; check that the right file was chosen.");
    }
    return {};
}

} // namespace fieldkit::store::detail
