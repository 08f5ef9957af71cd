#include <algorithm>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/hub/sync_service.hpp>
#include <set>

namespace fieldkit::hub {

namespace {

void toWire(const WipeOrderRecord& order, protocol::WipeOrder& wire) {
    wire.set_device_id(order.deviceId);
    wire.set_issued_ms(order.issuedMs);
    wire.set_order_id(order.orderId);
    wire.set_signature(std::string(order.signature.begin(), order.signature.end()));
}

} // namespace

Result<protocol::Welcome> SyncService::greet(const protocol::Hello& hello,
                                             const std::string& certifiedDeviceId, HubSession& session) {
    if (hello.device_id() != certifiedDeviceId) {
        return makeError("identity_mismatch", "the hello names another device than its certificate");
    }
    auto record = m_store.devices().device(certifiedDeviceId);
    if (!record) {
        return record.error();
    }
    if (record->refused()) {
        return makeError("revoked", "the device is revoked");
    }
    if (hello.retiring()) {
        // Staff are wiping the device and deleting its identity; revoked here, a copy of that identity (a
        // backup, a stolen disk image) cannot connect either.
        if (auto st = m_store.devices().revokeDevice(certifiedDeviceId); !st) {
            return st.error();
        }
        protocol::Welcome retired;
        retired.set_protocol_version(protocol::kProtocolVersion);
        retired.set_status(protocol::Welcome::REFUSED);
        retired.set_reason("The device was retired by its staff; the center has revoked it.");
        retired.set_retired(true);
        session.greeted = false;
        return retired;
    }
    auto head = m_store.operations().serverHead(record->unit);
    if (!head) {
        return head.error();
    }
    if (auto st = m_store.devices().recordContact(certifiedDeviceId, m_nowMs()); !st) {
        return st.error();
    }
    auto welcome = engine::answerHello(hello, *head, record->lastAppliedDeviceSeq, m_nowMs(), m_policy);
    session.greeted = welcome.status() == protocol::Welcome::OK;
    session.unit = record->unit;
    if (session.greeted && !record->wipePending) {
        auto incomplete = m_store.attachments().incompleteAttachments(certifiedDeviceId);
        if (!incomplete) {
            return incomplete.error();
        }
        for (const auto& id : *incomplete) {
            welcome.add_resend_attachments(std::string(id.begin(), id.end()));
        }
    }
    if (session.greeted && record->wipePending) {
        // The order rides on the welcome, before anything depends on the device's push getting through: a
        // device whose outbox cannot be delivered is still wiped. What it pushes meanwhile is quarantined.
        auto order = m_store.wipes().wipeOrder(certifiedDeviceId);
        if (!order) {
            return order.error();
        }
        if (!order->has_value()) {
            return makeError("internal", "the device's wipe order is missing");
        }
        toWire(**order, *welcome.mutable_wipe_order());
        if (auto st = m_store.wipes().markWipeDelivered(certifiedDeviceId, m_nowMs()); !st) {
            return st.error();
        }
    }
    session.cursor = hello.pull_cursor();
    session.deviceAhead = hello.last_acked_device_seq() > record->lastAppliedDeviceSeq;
    session.maxChanges = kDefaultMaxChanges; // every round states its own page size
    if (hello.max_changes() != 0) {
        session.maxChanges = std::min(hello.max_changes(), session.maxChanges);
    }
    return welcome;
}

Result<protocol::SyncReply> SyncService::sync(const std::string& deviceId, const protocol::PushBatch& batch,
                                              HubSession& session) {
    if (!session.greeted) {
        return makeError("out_of_order", "a push before the hello");
    }
    if (session.deviceAhead) {
        // Nothing applied, nothing pulled: the cursor stays and `more` keeps the device from comparing
        // checksums against a center it knows is behind. Its next hello starts the real exchange.
        protocol::SyncReply idle;
        idle.set_checkpoint(session.cursor);
        idle.set_more(true);
        return idle;
    }
    auto record = m_store.devices().device(deviceId);
    if (!record) {
        return record.error();
    }
    if (record->refused()) {
        return makeError("revoked", "the device is revoked");
    }
    // Acks name operations by device_seq alone, so an operation of another device in this session (a replayed
    // or forged frame) must not be answered at all: its ack would land on this device's own operation with
    // the same number. The whole batch is refused and the connection closes; nothing is applied.
    for (const auto& op : batch.ops()) {
        if (op.device_id() != deviceId) {
            return makeError("foreign_operation", "the push carries an operation of another device");
        }
    }
    std::vector<protocol::Operation> ops(batch.ops().begin(), batch.ops().end());
    if (record->wipePending) {
        return quarantineAndOrderWipe(*record, ops, session);
    }
    if (batch.citizen_views_size() > static_cast<int>(protocol::kMaxPushCitizenViews)) {
        return makeError("push_too_large", "the push carries too many citizen views");
    }
    auto acks = m_store.operations().applyBatch(*record, ops);
    if (!acks) {
        return acks.error();
    }
    auto viewsTaken = publishCitizenViews(*record, batch);
    if (!viewsTaken) {
        return viewsTaken.error();
    }
    const std::size_t pageBytes = batch.page_bytes() > 0
                                      ? std::min<std::size_t>(batch.page_bytes(), protocol::kDefaultPageBytes)
                                      : protocol::kDefaultPageBytes;
    auto page = m_store.operations().changesSince(record->unit, session.cursor, deviceId,
                                                  static_cast<int>(session.maxChanges), pageBytes);
    if (!page) {
        return page.error();
    }
    protocol::SyncReply reply;
    std::set<std::uint64_t> answered;
    for (auto& ack : *acks) {
        answered.insert(ack.device_seq());
        *reply.add_acks() = std::move(ack);
    }
    for (auto& ack : page->ownAcks) {
        if (!answered.contains(ack.device_seq())) { // this reply answers it already
            *reply.add_own_acks() = std::move(ack);
        }
    }
    for (auto& op : page->ops) {
        *reply.add_changes() = std::move(op);
    }
    for (auto& taken : *viewsTaken) {
        *reply.add_citizen_views_taken() = std::move(taken);
    }
    reply.set_checkpoint(page->checkpoint);
    reply.set_more(page->more);
    reply.set_partition_checksum(page->checksum);
    session.cursor = page->checkpoint;
    return reply;
}

Result<std::vector<protocol::CitizenViewTaken>>
SyncService::publishCitizenViews(const DeviceRecord& device, const protocol::PushBatch& batch) {
    std::vector<protocol::CitizenViewTaken> answers;
    for (const auto& view : batch.citizen_views()) {
        protocol::CitizenViewTaken taken;
        taken.set_reference(view.reference());
        taken.set_updated_ms(view.updated_ms());
        const auto reference = crypto::parseCitizenReference(view.reference());
        // Only what a device makes: a normalised reference, a verifier, a sealed view of bounded size.
        if (!reference || *reference != view.reference() || view.verifier().size() != 32 ||
            view.case_id().size() != 16 || view.sealed().empty() ||
            view.sealed().size() > protocol::kMaxCitizenViewBytes || view.updated_ms() <= 0 ||
            view.expires_ms() < 0) {
            taken.set_refused("bad_citizen_view");
            answers.push_back(std::move(taken));
            continue;
        }
        PublishedCitizenView record{view.reference(),
                                    {view.case_id().begin(), view.case_id().end()},
                                    device.unit,
                                    {view.verifier().begin(), view.verifier().end()},
                                    {view.sealed().begin(), view.sealed().end()},
                                    view.updated_ms(),
                                    view.expires_ms()};
        if (auto st = m_store.citizenViews().publish(record); !st) {
            if (st.error().code != "reference_taken") {
                return st.error(); // storage failure: the connection closes, the device sends it again
            }
            taken.set_refused(st.error().code);
        }
        answers.push_back(std::move(taken));
    }
    return answers;
}

Result<protocol::AttachmentStatus> SyncService::offer(const std::string& deviceId,
                                                      const protocol::AttachmentOffer& offer,
                                                      const HubSession& session) {
    if (!session.greeted) {
        return makeError("out_of_order", "an attachment offer before the hello");
    }
    auto record = m_store.devices().device(deviceId);
    if (!record) {
        return record.error();
    }
    if (record->revoked) {
        return makeError("revoked", "the device is revoked");
    }
    protocol::AttachmentStatus status;
    status.set_attachment_id(offer.attachment_id());
    auto missing = m_store.attachments().offerAttachment(*record, offer);
    if (!missing) {
        if (missing.error().code != "bad_offer") {
            return missing.error(); // storage failure: the connection closes, the device retries later
        }
        status.set_refused(missing.error().message);
        return status;
    }
    for (const auto index : *missing) {
        status.add_missing(index);
    }
    // After a cut the device goes on with a chunk in slices from where this hub holds it.
    const std::lock_guard slicesLock(m_slicesLock);
    if (auto partial = m_slices.inProgress(deviceId);
        partial && partial->attachmentId == offer.attachment_id() &&
        std::ranges::find(*missing, partial->index) != missing->end()) {
        status.set_partial_index(partial->index);
        status.set_partial_bytes(partial->heldBytes);
    }
    return status;
}

Result<protocol::ChunkAck> SyncService::chunk(const std::string& deviceId,
                                              const protocol::AttachmentChunk& chunk,
                                              const HubSession& session, std::optional<ChunkStored>& stored) {
    stored.reset();
    if (!session.greeted) {
        return makeError("out_of_order", "an attachment chunk before the hello");
    }
    auto record = m_store.devices().device(deviceId);
    if (!record) {
        return record.error();
    }
    if (record->revoked) {
        return makeError("revoked", "the device is revoked");
    }
    protocol::ChunkAck ack;
    ack.set_attachment_id(chunk.attachment_id());
    ack.set_index(chunk.index());
    protocol::AttachmentChunk whole;
    const protocol::AttachmentChunk* toStore = &chunk;
    if (chunk.is_slice()) {
        auto assembled = addSlice(deviceId, *record, chunk, ack);
        if (!assembled) {
            return assembled.error();
        }
        if (!*assembled) {
            return ack; // held (incomplete), or refused
        }
        whole = chunk;
        whole.set_is_slice(false);
        whole.set_slice_offset(0);
        whole.set_data(std::move(**assembled));
        toStore = &whole;
    }
    auto result = m_store.attachments().storeChunk(*record, *toStore);
    if (!result) {
        if (result.error().code != "bad_chunk") {
            return result.error();
        }
        ack.set_refused(result.error().message);
        return ack;
    }
    stored = *result;
    return ack;
}

Result<std::optional<std::string>> SyncService::addSlice(const std::string& deviceId,
                                                         const DeviceRecord& record,
                                                         const protocol::AttachmentChunk& slice,
                                                         protocol::ChunkAck& ack) {
    const std::vector<std::uint8_t> id(slice.attachment_id().begin(), slice.attachment_id().end());
    auto held = m_store.attachments().heldAttachment(id);
    if (!held) {
        if (held.error().code != "unknown_attachment") {
            return held.error();
        }
        ack.set_refused("The chunk belongs to no attachment this device offered.");
        return std::optional<std::string>();
    }
    const auto& offer = held->description;
    if (held->unit != record.unit || slice.index() >= offer.chunk_count()) {
        ack.set_refused("The chunk does not fit an attachment this device offered.");
        return std::optional<std::string>();
    }
    // Checked before anything is held: a slice may not reach past its chunk, so memory stays bounded.
    const auto chunkBytes = engine::chunkCipherBytes(offer.size(), slice.index());
    if (slice.slice_offset() > chunkBytes || slice.data().size() > chunkBytes - slice.slice_offset()) {
        ack.set_refused("The slice reaches past the end of its chunk.");
        return std::optional<std::string>();
    }
    const std::lock_guard slicesLock(m_slicesLock);
    auto added = m_slices.add(deviceId, slice.attachment_id(), slice.index(), chunkBytes,
                              slice.slice_offset(), slice.data());
    if (!added.chunk) {
        ack.set_incomplete(true);
        ack.set_held_bytes(added.heldBytes);
    }
    return std::move(added.chunk);
}

Result<protocol::Envelope> SyncService::request(const std::string& deviceId,
                                                const protocol::AttachmentRequest& request,
                                                const HubSession& session) {
    if (!session.greeted) {
        return makeError("out_of_order", "an attachment request before the hello");
    }
    auto record = m_store.devices().device(deviceId);
    if (!record) {
        return record.error();
    }
    if (record->revoked) {
        return makeError("revoked", "the device is revoked");
    }
    protocol::Envelope out;
    const auto refuse = [&](const std::string& why) {
        out.mutable_attachment_status()->set_attachment_id(request.attachment_id());
        out.mutable_attachment_status()->set_refused(why);
        return out;
    };
    const std::vector<std::uint8_t> id(request.attachment_id().begin(), request.attachment_id().end());
    auto held = m_store.attachments().heldAttachment(id);
    if (!held && held.error().code == "unknown_attachment") {
        return refuse("the center does not hold this attachment");
    }
    if (!held) {
        return held.error();
    }
    // Another unit's attachment is answered exactly like an unknown one: a device learns nothing of it.
    if (held->unit != record->unit) {
        return refuse("the center does not hold this attachment");
    }
    if (!held->complete()) {
        return refuse("the center does not hold all of this attachment yet");
    }
    if (request.describe()) {
        *out.mutable_attachment_offer() = held->description;
        return out;
    }
    auto data = m_store.attachments().attachmentChunk(id, request.index());
    if (!data && data.error().code == "unknown_chunk") {
        return refuse("the center does not hold this part of the attachment");
    }
    if (!data) {
        return data.error();
    }
    const auto slice = engine::downloadSlice(data->size(), request.slice_offset(), request.slice_bytes());
    if (!slice) {
        return refuse("the center does not hold this part of the attachment");
    }
    auto* chunk = out.mutable_attachment_chunk();
    chunk->set_attachment_id(request.attachment_id());
    chunk->set_index(request.index());
    chunk->set_offset(engine::chunkOffset(request.index()));
    const auto checksum = crypto::contentHash(*data);
    chunk->set_checksum(std::string(checksum.begin(), checksum.end()));
    const auto from = data->begin() + static_cast<std::ptrdiff_t>(slice->offset);
    chunk->set_data(std::string(from, from + static_cast<std::ptrdiff_t>(slice->bytes)));
    if (slice->bytes < data->size()) {
        chunk->set_is_slice(true);
        chunk->set_slice_offset(slice->offset);
    }
    return out;
}

Result<protocol::SyncReply> SyncService::quarantineAndOrderWipe(const DeviceRecord& device,
                                                                const std::vector<protocol::Operation>& ops,
                                                                HubSession& session) {
    auto order = m_store.wipes().wipeOrder(device.deviceId);
    if (!order) {
        return order.error();
    }
    if (!order->has_value()) {
        return makeError("internal", "the device's wipe order is missing");
    }
    auto acks = m_store.wipes().quarantineBatch(device, ops, m_nowMs());
    if (!acks) {
        return acks.error();
    }
    if (auto st = m_store.wipes().markWipeDelivered(device.deviceId, m_nowMs()); !st) {
        return st.error();
    }
    // No changes go out: a device about to be wiped gets nothing more to hold. Its cursor stays where it is.
    protocol::SyncReply reply;
    for (auto& ack : *acks) {
        *reply.add_acks() = std::move(ack);
    }
    reply.set_checkpoint(session.cursor);
    toWire(**order, *reply.mutable_wipe_order());
    return reply;
}

Status SyncService::confirmWipe(const std::string& deviceId, const protocol::WipeConfirm& confirm) {
    return m_store.wipes().confirmWipe(deviceId, confirm.order_id(), m_nowMs());
}

} // namespace fieldkit::hub
