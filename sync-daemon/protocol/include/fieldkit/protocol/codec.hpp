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
inline constexpr unsigned kSchemaVersion = 1;

/** Largest frame either side accepts; bigger frames are refused before parsing. */
inline constexpr std::size_t kMaxFrameBytes = 4 * 1024 * 1024;

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

/** Serialises one envelope into one frame. */
[[nodiscard]] std::string encodeFrame(const Envelope& envelope);

/** Parses one frame; refuses oversized, unparsable and empty frames with a specific error. */
[[nodiscard]] Result<Envelope> decodeFrame(std::string_view frame, std::size_t maxBytes = kMaxFrameBytes);

} // namespace fieldkit::protocol
