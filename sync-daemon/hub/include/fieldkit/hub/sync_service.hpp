#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/engine/chunk_slices.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** Changes in one reply when the device does not ask for fewer. */
inline constexpr std::uint32_t kDefaultMaxChanges = 2000;

/** Where one device's connection stands at the hub; each hello (one per sync round) sets it afresh. */
struct HubSession {
    bool greeted = false;
    std::string unit; // the device's unit, once it said hello (for waking it when the unit changes)
    std::uint64_t cursor = 0;
    std::uint32_t maxChanges = kDefaultMaxChanges;
    // The hello said the center acknowledged more of the device's operations than it holds: the center was
    // restored from a backup. Pushes until the next hello are answered empty, so nothing the device sent
    // after the lost ones is applied before the device has queued those again.
    bool deviceAhead = false;
};

/** The hub's side of the protocol without any I/O: the network server and the deterministic simulation both
 *  drive this, so what the simulation proves holds for the real hub. */
class SyncService {
public:
    SyncService(CenterStore& store, std::function<std::int64_t()> nowMs, engine::HelloPolicy policy = {})
        : m_store(store)
        , m_nowMs(std::move(nowMs))
        , m_policy(policy) {}

    /** Answers a hello; a device that is unknown, revoked (unless a wipe order still waits for it) or names
     * another id than its certificate is refused. A hello that says the device is retiring revokes it and is
     * answered REFUSED with `retired`. */
    [[nodiscard]] Result<protocol::Welcome> greet(const protocol::Hello& hello,
                                                  const std::string& certifiedDeviceId, HubSession& session);
    /** Applies a push batch (one transaction) and returns the acks with the changes since the session's
     * cursor. For a device ordered wiped the batch goes into quarantine instead, no changes are sent, and the
     * reply carries the signed wipe order. */
    [[nodiscard]] Result<protocol::SyncReply> sync(const std::string& deviceId,
                                                   const protocol::PushBatch& batch, HubSession& session);
    /** Records a device's confirmation that it is wiping itself; afterwards it is refused like a revoked one.
     */
    [[nodiscard]] Status confirmWipe(const std::string& deviceId, const protocol::WipeConfirm& confirm);

    /** Records an offered attachment and answers which chunks the center lacks; a malformed or foreign offer
     *  is answered with the reason in `refused` (the connection stays open). */
    [[nodiscard]] Result<protocol::AttachmentStatus>
    offer(const std::string& deviceId, const protocol::AttachmentOffer& offer, const HubSession& session);
    /** Stores one chunk durably and acknowledges it (a slice of one is held until the chunk is whole, and
     *  acknowledged `incomplete` with the bytes held); a chunk that fails its checks is answered with the
     *  reason in `refused` and not stored. `stored` tells what happened, for the metrics. */
    [[nodiscard]] Result<protocol::ChunkAck> chunk(const std::string& deviceId,
                                                   const protocol::AttachmentChunk& chunk,
                                                   const HubSession& session,
                                                   std::optional<ChunkStored>& stored);

    /** The download lane: an attachment of the device's unit, described (an AttachmentOffer) or one chunk
     *  of it (an AttachmentChunk with its checksum); an AttachmentStatus with `refused` when the center does
     *  not hold it whole, or it belongs to another unit (answered alike, so nothing about it leaks). */
    [[nodiscard]] Result<protocol::Envelope> request(const std::string& deviceId,
                                                     const protocol::AttachmentRequest& request,
                                                     const HubSession& session);

private:
    /** Stores the push's citizen views (issue 18) for the public status page; one answer each. */
    [[nodiscard]] Result<std::vector<protocol::CitizenViewTaken>>
    publishCitizenViews(const DeviceRecord& device, const protocol::PushBatch& batch);

    [[nodiscard]] Result<protocol::SyncReply>
    quarantineAndOrderWipe(const DeviceRecord& device, const std::vector<protocol::Operation>& ops,
                           HubSession& session);

    /** Takes a slice into m_slices: the whole chunk once it completes it, else nothing, with the ack set
     *  (incomplete with the bytes held, or refused). */
    [[nodiscard]] Result<std::optional<std::string>> addSlice(const std::string& deviceId,
                                                              const DeviceRecord& record,
                                                              const protocol::AttachmentChunk& slice,
                                                              protocol::ChunkAck& ack);

    CenterStore& m_store;
    std::function<std::int64_t()> m_nowMs;
    // Chunks devices send in slices, until whole. The only state of its own: the hub may run this service on
    // several store threads at once (a PostgreSQL center), so it has a lock.
    std::mutex m_slicesLock;
    engine::ChunkSlices m_slices;
    engine::HelloPolicy m_policy;
};

} // namespace fieldkit::hub
