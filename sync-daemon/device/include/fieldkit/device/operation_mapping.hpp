#pragma once

#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>

namespace fieldkit::device {

/** The store's operations to and from their wire form; the daemon's only translation layer. */
[[nodiscard]] protocol::Operation toWire(const store::SyncOperation& op);
[[nodiscard]] store::SyncOperation fromWire(const protocol::Operation& op);
[[nodiscard]] store::PushResult fromWire(const protocol::PushAck& ack);

} // namespace fieldkit::device
