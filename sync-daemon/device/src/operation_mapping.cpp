#include <fieldkit/device/operation_mapping.hpp>

namespace fieldkit::device {
namespace {

std::string asString(const sqlite::Bytes& bytes) {
    return std::string(bytes.begin(), bytes.end());
}
sqlite::Bytes asBytes(const std::string& s) {
    return sqlite::Bytes(s.begin(), s.end());
}

} // namespace

protocol::Operation toWire(const store::SyncOperation& op) {
    protocol::Operation out;
    out.set_case_id(asString(op.caseId));
    out.set_device_id(op.deviceId);
    out.set_device_seq(op.deviceSeq);
    out.set_kind(op.kind);
    out.set_hlc(op.hlc);
    for (const auto& ref : op.fields) {
        auto* f = out.add_fields();
        f->set_field_id(ref.fieldId);
        f->set_base_seq(ref.baseSeq);
        f->set_base_device_seq(ref.baseDeviceSeq);
    }
    out.set_meta(op.meta);
    out.set_ciphertext(asString(op.ciphertext));
    // The record key only needs to reach the center once: with the operation that created the case.
    if (op.meta.find("service=") != std::string::npos) {
        out.set_sealed_key_center(asString(op.sealedKeyCenter));
        out.set_sealed_key_unit(asString(op.sealedKeyUnit));
    }
    out.set_staff(op.staff);
    out.set_server_seq(op.serverSeq); // 0, or the number a center restored from a backup lost
    return out;
}

store::SyncOperation fromWire(const protocol::Operation& op) {
    store::SyncOperation out;
    out.caseId = asBytes(op.case_id());
    out.deviceId = op.device_id();
    out.deviceSeq = op.device_seq();
    out.kind = op.kind();
    out.hlc = op.hlc();
    for (const auto& f : op.fields()) {
        out.fields.push_back(store::FieldRef{f.field_id(), f.base_seq(), f.base_device_seq()});
    }
    out.meta = op.meta();
    out.ciphertext = asBytes(op.ciphertext());
    out.sealedKeyCenter = asBytes(op.sealed_key_center());
    out.sealedKeyUnit = asBytes(op.sealed_key_unit());
    out.staff = op.staff();
    out.serverSeq = op.server_seq();
    out.closes.assign(op.closes().begin(), op.closes().end());
    out.unit = op.unit();
    return out;
}

store::PushResult fromWire(const protocol::PushAck& ack) {
    // A quarantined operation was not applied either: it leaves the outbox marked with the center's reason.
    const bool notApplied =
        ack.result() == protocol::PushAck::REJECTED || ack.result() == protocol::PushAck::QUARANTINED;
    return store::PushResult{ack.device_seq(), ack.server_seq(), notApplied, ack.reason(), ack.reason_code()};
}

} // namespace fieldkit::device
