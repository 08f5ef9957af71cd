#include <fieldkit/engine/enrolment_proof.hpp>

namespace fieldkit::engine {
namespace {

tls::Bytes bytesOf(const std::string& s) {
    return tls::Bytes(s.begin(), s.end());
}

} // namespace

tls::Bytes requestMac(const tls::Bytes& macKey, const tls::Bytes& channelBinding,
                      const protocol::EnrolRequest& request) {
    tls::Transcript t;
    t.add("fieldkit enrolment request v1")
        .add(channelBinding)
        .add(std::to_string(request.protocol_version()))
        .add(bytesOf(request.code_lookup()))
        .add(request.device_id())
        .add(bytesOf(request.box_public_key()))
        .add(request.csr_pem());
    return tls::transcriptMac(macKey, t);
}

tls::Bytes replyMac(const tls::Bytes& macKey, const tls::Bytes& channelBinding,
                    const protocol::EnrolRequest& request, const protocol::EnrolReply& reply) {
    tls::Transcript t;
    t.add("fieldkit enrolment reply v2")
        .add(channelBinding)
        .add(bytesOf(request.mac()))
        .add(std::to_string(static_cast<int>(reply.status())))
        .add(reply.certificate_pem())
        .add(reply.hub_key_pin())
        .add(bytesOf(reply.center_public_key()))
        .add(bytesOf(reply.center_signing_key()))
        .add(reply.unit())
        .add(bytesOf(reply.unit_public_key()))
        .add(bytesOf(reply.unit_secret_sealed()))
        .add(bytesOf(reply.unit_secret_under_code()));
    return tls::transcriptMac(macKey, t);
}

tls::Bytes unitKeyBinding(const std::string& unit, const tls::Bytes& codeLookup) {
    tls::Transcript t;
    t.add("fieldkit unit key for code v1").add(unit).add(codeLookup);
    return t.bytes();
}

} // namespace fieldkit::engine
