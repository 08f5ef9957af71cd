#pragma once

#include <cstddef>
#include <fieldkit/core/result.hpp>
#include <proto/sync.pb.h>
#include <string>
#include <string_view>

namespace fieldkit::protocol {

/** Versions the two ends compare in their hello. */
inline constexpr unsigned kProtocolVersion = 1;
inline constexpr unsigned kOldestSupportedProtocol = 1;
/** The enrolment exchange's own version (EnrolRequest.protocol_version; the hello keeps kProtocolVersion).
 *  Since 2 the unit secret comes wrapped under the enrolment code, not sealed to the device (the hub no
 * longer holds the center key to open it): older devices cannot enrol, and are told so, though they still
 * sync. */
inline constexpr unsigned kEnrolmentVersion = 2;
inline constexpr unsigned kOldestEnrolmentVersion = 2;
inline constexpr unsigned kSchemaVersion = 1;

/** Largest frame either side accepts; bigger frames are refused before parsing. The largest legitimate
 *  frames are an attachment chunk (256 KiB + framing), one operation at its limit, and a page of changes
 *  (bounded in bytes, but always at least one operation): all well below. Kept small because the hub holds
 *  one frame per connection in memory while it reads it. */
inline constexpr std::size_t kMaxFrameBytes = 1024 * 1024;

/** Largest encoded Operation. The device's input limits (core/input_limits.hpp) keep every save far below
 *  it, and the store refuses at save time what would still exceed it, so no operation a device holds can
 *  make a push or a page exceed kMaxFrameBytes. */
inline constexpr std::size_t kMaxOperationBytes = 512 * 1024;

/** Most operations one push may carry; checked on the wire before the push is parsed, so a frame of a
 *  million empty operations costs the hub nothing but the frame. */
inline constexpr std::size_t kMaxPushOps = 2000;

/** Largest page of changes a reply carries unless the device asks for less (PushBatch.page_bytes). */
inline constexpr std::size_t kDefaultPageBytes = 256 * 1024;

using Envelope = fieldkit::sync::v1::Envelope;
using Hello = fieldkit::sync::v1::Hello;
using Welcome = fieldkit::sync::v1::Welcome;
using Operation = fieldkit::sync::v1::Operation;
using FieldRef = fieldkit::sync::v1::FieldRef;
using PushBatch = fieldkit::sync::v1::PushBatch;
using PushAck = fieldkit::sync::v1::PushAck;
using SyncReply = fieldkit::sync::v1::SyncReply;
using EnrolRequest = fieldkit::sync::v1::EnrolRequest;
using EnrolReply = fieldkit::sync::v1::EnrolReply;
using AttachmentOffer = fieldkit::sync::v1::AttachmentOffer;
using AttachmentStatus = fieldkit::sync::v1::AttachmentStatus;
using AttachmentChunk = fieldkit::sync::v1::AttachmentChunk;
using ChunkAck = fieldkit::sync::v1::ChunkAck;
using WipeOrder = fieldkit::sync::v1::WipeOrder;
using WipeConfirm = fieldkit::sync::v1::WipeConfirm;
using AttachmentRequest = fieldkit::sync::v1::AttachmentRequest;
using CitizenView = fieldkit::sync::v1::CitizenView;
using CitizenViewTaken = fieldkit::sync::v1::CitizenViewTaken;

/** Most citizen views one push may carry (each is a few KiB at most, so the frame limit holds as well). */
inline constexpr std::size_t kMaxPushCitizenViews = 64;
/** Largest sealed citizen view the hub keeps (Min log at its limit fits well below). */
inline constexpr std::size_t kMaxCitizenViewBytes = 64 * 1024;

/** Serialises one envelope into one frame. */
[[nodiscard]] std::string encodeFrame(const Envelope& envelope);

/** What a frame holds, read from the wire format without parsing it. */
struct FrameShape {
    int body = 0;              // the Envelope field number of the message it carries (3 = push), 0 = none
    std::size_t pushOps = 0;   // operations in a push
    std::size_t largestOp = 0; // bytes of the largest operation in a push
};

/** Walks a frame's wire format (no allocation) so limits can be checked before parsing; code
 *  "malformed_frame" when the bytes are not protobuf. */
[[nodiscard]] Result<FrameShape> inspectFrame(std::string_view frame);

/** Refuses a frame whose push exceeds the protocol's bounds (kMaxPushOps, kMaxOperationBytes), read from the
 *  wire format alone: a frame of a million empty operations would otherwise cost hundreds of megabytes to
 *  parse. Codes: malformed_frame, push_too_large, operation_too_large. */
[[nodiscard]] Status checkFrameBounds(std::string_view frame);

/** Parses one frame; refuses oversized, unparsable and empty frames with a specific error. */
[[nodiscard]] Result<Envelope> decodeFrame(std::string_view frame, std::size_t maxBytes = kMaxFrameBytes);

} // namespace fieldkit::protocol
