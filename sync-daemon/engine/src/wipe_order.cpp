#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/engine/wipe_order.hpp>
#include <fieldkit/tls/enrolment_code.hpp>

namespace fieldkit::engine {

std::vector<std::uint8_t> wipeOrderSignedBytes(const std::string& deviceId, std::int64_t issuedMs,
                                               const std::string& orderId) {
    tls::Transcript t;
    t.add("fieldkit wipe order v1").add(deviceId).add(std::to_string(issuedMs)).add(orderId);
    return t.bytes();
}

protocol::WipeOrder signWipeOrder(const crypto::SigningKeyPair& center, const std::string& deviceId,
                                  std::int64_t issuedMs, const std::string& orderId) {
    protocol::WipeOrder order;
    order.set_device_id(deviceId);
    order.set_issued_ms(issuedMs);
    order.set_order_id(orderId);
    const auto signature = center.sign(wipeOrderSignedBytes(deviceId, issuedMs, orderId));
    order.set_signature(std::string(signature.bytes.begin(), signature.bytes.end()));
    return order;
}

Status checkWipeOrder(const protocol::WipeOrder& order, const std::string& ownDeviceId,
                      const std::string& centerSigningKeyHex) {
    if (centerSigningKeyHex.empty()) {
        return makeError("no_center_key", "This device was enrolled without the center's signing key, so it "
                                          "cannot check a wipe order; enrol it again.");
    }
    const auto keyBytes = crypto::fromHex(centerSigningKeyHex);
    auto key = keyBytes ? crypto::SigningPublicKey::fromBytes(*keyBytes)
                        : Result<crypto::SigningPublicKey>(keyBytes.error());
    if (!key) {
        return makeError("no_center_key",
                         "The pinned center signing key is damaged; enrol the device again.");
    }
    if (order.device_id() != ownDeviceId) {
        return makeError("wrong_device", "The wipe order names another device.");
    }
    if (order.order_id().empty() || order.issued_ms() <= 0) {
        return makeError("malformed_order", "The wipe order lacks its id or issue time.");
    }
    auto signature = crypto::Signature::fromBytes(crypto::asBytes(order.signature()));
    if (!signature) {
        return makeError("bad_signature", "The wipe order's signature is not a signature.");
    }
    if (auto st = crypto::verifySignature(
            *key, wipeOrderSignedBytes(order.device_id(), order.issued_ms(), order.order_id()), *signature);
        !st) {
        return makeError("bad_signature", "The wipe order is not signed by this device's center.");
    }
    return {};
}

} // namespace fieldkit::engine
