#pragma once

#include <cstddef>
#include <fieldkit/core/result.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>

namespace fieldkit::device {

/** What applying one reply did on the device. */
struct RoundOutcome {
    std::size_t acknowledged = 0;
    std::size_t rejected = 0;
    std::size_t pulled = 0;
    bool diverged = false;
    bool more = false;
};

/** The device's side of the protocol without any I/O: the network client and the deterministic simulation
 *  both drive this, so what the simulation proves holds for the real daemon. */
[[nodiscard]] Result<protocol::PushBatch> buildPush(store::SyncQueue& queue, int limit);

/** A push of the outbox operations after `afterDeviceSeq` (those before are in flight): at most `maxOps`,
 *  and operations are added while the push stays within `maxBytes` (the first always goes, and fits a frame:
 *  the store refuses larger operations at save time). */
[[nodiscard]] Result<protocol::PushBatch> buildPush(store::SyncQueue& queue, std::uint64_t afterDeviceSeq,
                                                    int maxOps, std::size_t maxBytes);

/** Applies a reply: acks first, the push's and those of our operations the page passed over (a change that
 *  builds on one of ours names it by the server sequence the ack carries), then the changes and the new
 *  cursor; each in one transaction. */
/** Adds the citizen views waiting to be published (issue 18) to `push`, within `maxBytes` for the whole push
 *  (at least one view when the push carries nothing else). */
[[nodiscard]] Status addCitizenViews(store::SyncQueue& queue, protocol::PushBatch& push,
                                     std::size_t maxBytes);
[[nodiscard]] Result<RoundOutcome> applyReply(store::SyncQueue& queue, const protocol::SyncReply& reply);

} // namespace fieldkit::device
