#include <fieldkit/center/center_operations.hpp>
#include <fieldkit/core/case_status.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/record_key.hpp>

namespace fieldkit::center {
namespace {

/** Must match the device store's operation schema version bound into every AAD (as center_export.cpp). */
constexpr std::uint32_t kOperationSchemaVersion = 1;

} // namespace

std::string consoleDeviceId(const std::string& unit) {
    const auto hash = crypto::contentHash(crypto::asBytes("fieldkit-center-console/" + unit));
    return crypto::toHex(hash).substr(0, 32);
}

Result<std::uint64_t> changeStatusAtCenter(hub::CenterStore& store, const crypto::BoxKeyPair& centerKey,
                                           const std::vector<std::uint8_t>& caseId,
                                           const std::string& newStatus, const std::string& staff,
                                           std::int64_t nowMs) {
    auto meta = store.operations().caseById(caseId);
    if (!meta) {
        return meta.error();
    }
    if (!*meta || caseId.size() != 16) {
        return makeError("unknown_case", "There is no such case.");
    }
    auto from = core::caseStatusFromString((*meta)->status);
    auto to = core::caseStatusFromString(newStatus);
    if (!from || !to) {
        return makeError("status_unknown", "The status is not one this version knows.");
    }
    if (auto st = core::checkTransition(*from, *to); !st) {
        return st.error();
    }
    auto key = crypto::openSealedRecordKey(centerKey, (*meta)->sealedKeyCenter, caseId);
    if (!key) {
        return makeError("unreadable_case", "The case's record key does not open with the center key.");
    }
    const auto deviceId = consoleDeviceId((*meta)->unit);
    auto device = store.devices().device(deviceId);
    if (!device) {
        if (auto st = store.devices().registerDevice(deviceId, (*meta)->unit); !st) {
            return st.error();
        }
        device = store.devices().device(deviceId);
        if (!device) {
            return device.error();
        }
    }
    const std::uint64_t seq = device->lastAppliedDeviceSeq + 1;
    protocol::Operation op;
    op.set_case_id(std::string(caseId.begin(), caseId.end()));
    op.set_device_id(deviceId);
    op.set_device_seq(seq);
    op.set_kind("set");
    op.set_hlc(static_cast<std::uint64_t>(nowMs) << 16);
    op.set_meta("status=" + newStatus);
    op.set_staff(staff);
    const auto aad = crypto::operationAad(std::span<const std::uint8_t, 16>(caseId.data(), 16), deviceId, seq,
                                          {}, kOperationSchemaVersion);
    const auto sealed = crypto::sealOperation(*key, aad, crypto::encodeFieldValues({}));
    op.set_ciphertext(std::string(sealed.begin(), sealed.end()));
    auto acks = store.operations().applyBatch(*device, {op});
    if (!acks) {
        return acks.error();
    }
    if (acks->size() != 1 || (*acks)[0].result() != protocol::PushAck::APPLIED) {
        return makeError("rejected", acks->empty() ? std::string("The center refused the change.")
                                                   : "The center refused the change: " + (*acks)[0].reason());
    }
    return (*acks)[0].server_seq();
}

} // namespace fieldkit::center
