#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_wrap.hpp>
#include <fieldkit/engine/enrolment_proof.hpp>
#include <fieldkit/hub/enrolment_service.hpp>

namespace fieldkit::hub {
namespace {

protocol::EnrolReply refused(const std::string& reason) {
    protocol::EnrolReply reply;
    reply.set_status(protocol::EnrolReply::REFUSED);
    reply.set_reason(reason);
    return reply;
}

std::string asString(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

} // namespace

Result<tls::EnrolmentCode> createEnrolmentCode(Center& center, const std::string& unit,
                                               std::chrono::seconds validFor, std::int64_t nowMs) {
    auto unitPair = openUnitKey(center, unit);
    if (!unitPair) {
        return unitPair.error();
    }
    auto code = tls::EnrolmentCode::generate();
    if (!code) {
        return code.error();
    }
    auto wrapKey = crypto::EnrolmentCodeKey::fromSecret(crypto::SecretBytes::copyOf(code->unitKeyWrapKey()));
    if (!wrapKey) {
        return wrapKey.error();
    }
    const auto lookup = code->lookup();
    auto wrapped =
        crypto::wrapUnderCodeKey(*wrapKey, unitPair->secret(), engine::unitKeyBinding(unit, lookup));
    if (auto st = center.store->devices().forgetExpiredCodeKeys(nowMs); !st) {
        return st.error();
    }
    const auto validMs = std::chrono::duration_cast<std::chrono::milliseconds>(validFor).count();
    if (auto st = center.store->devices().addEnrolmentCode(
            {lookup, code->macKey(), unit, nowMs, nowMs + validMs, 0, "", std::move(wrapped)});
        !st) {
        return st.error();
    }
    return code;
}

protocol::EnrolReply EnrolmentService::enrol(const protocol::EnrolRequest& request,
                                             const tls::Bytes& channelBinding) {
    if (request.protocol_version() < protocol::kOldestEnrolmentVersion) {
        return refused("This fieldkit version is too old to enrol; update it first.");
    }
    // Best effort: a failure here leaves keys of expired codes for the next enrolment to delete.
    (void)m_center.store->devices().forgetExpiredCodeKeys(m_nowMs());
    const tls::Bytes lookup(request.code_lookup().begin(), request.code_lookup().end());
    auto code = m_center.store->devices().enrolmentCode(lookup);
    // An unknown code and a wrong proof get the same answer: nothing is told to someone without the code.
    const std::string invalid = "The enrolment code is not valid for this center.";
    if (!code) {
        return refused(code.error().code == "unknown_code" ? invalid
                                                           : "The center could not check the code.");
    }
    const tls::Bytes mac(request.mac().begin(), request.mac().end());
    if (!tls::macEquals(mac, engine::requestMac(code->macKey, channelBinding, request))) {
        return refused(invalid);
    }
    if (code->usedMs != 0) {
        return refused("The enrolment code has already been used; ask for a new one.");
    }
    if (m_nowMs() >= code->expiresMs) {
        return refused("The enrolment code has expired; ask for a new one.");
    }
    if (code->unitKeyWrapped.empty()) {
        return refused("The enrolment code was made by an older fieldkit center; ask for a new one.");
    }
    auto issued = issueEnrolment(m_center, code->unit, request.device_id(), request.csr_pem());
    if (!issued) {
        return refused(issued.error().message);
    }
    if (auto st = m_center.store->devices().redeemEnrolmentCode(lookup, request.device_id(), m_nowMs());
        !st) {
        return refused(st.error().message);
    }
    protocol::EnrolReply reply;
    reply.set_status(protocol::EnrolReply::OK);
    reply.set_certificate_pem(issued->certPem);
    reply.set_hub_key_pin(issued->hubKeyPin);
    reply.set_center_public_key(asString(issued->centerPublicKey));
    reply.set_center_signing_key(asString(issued->centerSigningKey));
    reply.set_unit(issued->unit);
    reply.set_unit_public_key(asString(issued->unitPublicKey));
    reply.set_unit_secret_under_code(asString(code->unitKeyWrapped));
    const auto proof = engine::replyMac(code->macKey, channelBinding, request, reply);
    reply.set_mac(asString(proof));
    return reply;
}

} // namespace fieldkit::hub
