#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <optional>
#include <vector>

namespace fieldkit::device {

// The device's side of the attachment lane without any I/O, as sync_round is for operations: the network
// client drives these steps one message at a time.

/** The offer for one outgoing attachment. */
[[nodiscard]] protocol::AttachmentOffer toWire(const store::SyncAttachment& attachment);
/** One chunk as it travels, with its offset and checksum. */
[[nodiscard]] protocol::AttachmentChunk toWire(const store::SyncChunk& chunk);

/** `bytes` of chunk `chunk` from `from` on, as a slice (the link is too short for the whole chunk), or the
 *  whole chunk when that is what the range covers. */
[[nodiscard]] protocol::AttachmentChunk sliceToWire(const store::SyncChunk& chunk, std::uint64_t from,
                                                    std::uint64_t bytes);

/** Where to go on with a chunk after the hub took a slice of it: the bytes the hub says it holds (nothing
 *  when the ack is not for this chunk, or claims more than the chunk has). */
[[nodiscard]] std::optional<std::uint64_t> heldAfterSlice(const store::SyncChunk& sent,
                                                          const protocol::ChunkAck& ack);

/** An attachment as the hub describes it to a device downloading it. */
[[nodiscard]] store::SyncAttachment fromWire(const protocol::AttachmentOffer& description);
/** A chunk the hub sent to a device downloading it (checked by the store before it is kept). */
[[nodiscard]] store::SyncChunk fromWire(const protocol::AttachmentChunk& chunk);

/** Takes the hub's answer to `offered`: the chunks it already holds are acknowledged in the store (so they
 *  are never sent again) and the indexes it lacks are returned. Codes: attachment_refused (the hub will not
 *  take it; the reason is the hub's: the attachment is marked refused and its operation "needs attention",
 *  so it holds back nothing), protocol_violation (an answer about another attachment). */
[[nodiscard]] Result<std::vector<std::uint32_t>>
applyAttachmentStatus(store::SyncQueue& queue, const store::SyncAttachment& offered,
                      const protocol::AttachmentStatus& status);

/** Takes the hub's acknowledgement of `sent`: the chunk is marked acknowledged at once, in its own
 *  transaction, so a drop later re-sends at most the chunk then in flight. Codes: chunk_refused (the
 *  attachment is marked refused, as for an offer), protocol_violation (an ack for another chunk). */
[[nodiscard]] Status applyChunkAck(store::SyncQueue& queue, const store::SyncChunk& sent,
                                   const protocol::ChunkAck& ack);

} // namespace fieldkit::device
