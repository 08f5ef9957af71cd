// The device's side of enrolment over the network (one Asio/Beast unit of its own: it runs once per device).
// GCC 12 reports Asio's coroutine frame allocator as a mismatched new/delete once one awaitable is inlined
// into another (a known false positive, GCC bug 109224); Asio pairs its own operator new and delete.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/key_wrap.hpp>
#include <fieldkit/device/enrolment_client.hpp>
#include <fieldkit/engine/enrolment_proof.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/tls/enrolment_code.hpp>
#include <fieldkit/tls/pki.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <optional>

namespace fieldkit::device {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using WsStream = websocket::stream<beast::ssl_stream<beast::tcp_stream>>;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

Error offline(const std::string& what, const boost::system::error_code& ec) {
    return makeError("offline", "No contact with the center (" + what + ": " + ec.message() + ").");
}

std::string asString(const tls::Bytes& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

std::vector<std::uint8_t> asBytes(const std::string& s) {
    return std::vector<std::uint8_t>(s.begin(), s.end());
}

/** What the exchange left: the reply, the binding it was made on and the certificate the hub presented. */
struct Exchange {
    protocol::EnrolReply reply;
    tls::Bytes binding;
    std::string hubCertPem;
};

asio::awaitable<Result<Exchange>> exchange(asio::ssl::context& tls, common::HostPort hub,
                                           protocol::EnrolRequest request, tls::Bytes macKey,
                                           std::chrono::seconds timeout) {
    auto executor = co_await asio::this_coro::executor;
    tcp::resolver resolver(executor);
    auto [rec, endpoints] = co_await resolver.async_resolve(hub.host, std::to_string(hub.port), kTuple);
    if (rec) {
        co_return offline("resolving " + hub.host, rec);
    }
    WsStream ws(executor, tls);
    auto& lowest = beast::get_lowest_layer(ws);
    lowest.expires_after(timeout); // one deadline for the whole exchange
    if (auto [ec, ep] = co_await lowest.async_connect(endpoints, kTuple); ec) {
        co_return offline("connecting", ec);
    }
    if (auto [ec] = co_await ws.next_layer().async_handshake(asio::ssl::stream_base::client, kTuple); ec) {
        co_return offline("TLS handshake", ec);
    }
    if (auto [ec] = co_await ws.async_handshake(hub.host, "/enrol/v1", kTuple); ec) {
        co_return offline("WebSocket handshake", ec);
    }
    ws.binary(true);
    ws.read_message_max(64 * 1024);
    SSL* ssl = ws.next_layer().native_handle();
    auto binding = tls::enrolmentChannelBinding(ssl);
    auto hubCert = tls::peerCertificatePem(ssl);
    if (!binding || !hubCert) {
        co_return !binding ? binding.error() : hubCert.error();
    }
    request.set_mac(asString(engine::requestMac(macKey, *binding, request)));
    protocol::Envelope out;
    *out.mutable_enrol_request() = std::move(request);
    const std::string frame = protocol::encodeFrame(out);
    if (auto [ec, n] = co_await ws.async_write(asio::buffer(frame), kTuple); ec) {
        co_return offline("sending", ec);
    }
    beast::flat_buffer buffer;
    if (auto [ec, n] = co_await ws.async_read(buffer, kTuple); ec) {
        co_return offline("waiting for the center's answer", ec);
    }
    const auto data = buffer.cdata();
    auto envelope =
        protocol::decodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
    if (!envelope || !envelope->has_enrol_reply()) {
        co_return makeError("protocol_violation",
                            "The center sent an answer this device does not understand.");
    }
    boost::system::error_code ignored;
    lowest.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return Exchange{envelope->enrol_reply(), *binding, *hubCert};
}

/** Opens the unit secret the code's creator wrapped under the code and seals it to this device's box key, the
 *  form the store keeps (only the app, with the data key, opens it): the plaintext is in secret memory only
 *  for these lines. */
Result<std::vector<std::uint8_t>> sealUnitSecretToDevice(const tls::EnrolmentCode& code,
                                                         const protocol::EnrolReply& reply,
                                                         const std::vector<std::uint8_t>& boxPublicKey) {
    auto wrapKey = crypto::EnrolmentCodeKey::fromSecret(crypto::SecretBytes::copyOf(code.unitKeyWrapKey()));
    auto devicePk = crypto::BoxPublicKey::fromBytes(boxPublicKey);
    if (!wrapKey || !devicePk) {
        return makeError("internal", "The device's keys are malformed.");
    }
    const auto binding = engine::unitKeyBinding(reply.unit(), code.lookup());
    auto secret = crypto::unwrapUnderCodeKey(*wrapKey, asBytes(reply.unit_secret_under_code()), binding);
    if (!secret) {
        return makeError("hub_unproven", "The unit key from the center does not open with the enrolment "
                                         "code; nothing was stored.");
    }
    auto unitPair = crypto::BoxKeyPair::fromSecret(std::move(*secret));
    if (!unitPair) {
        return makeError("hub_unproven", "The unit key from the center is malformed; nothing was stored.");
    }
    const auto& publicKey = unitPair->publicKey().bytes;
    if (asBytes(reply.unit_public_key()) != std::vector<std::uint8_t>(publicKey.begin(), publicKey.end())) {
        return makeError("hub_unproven", "The unit key from the center does not match the unit's public key; "
                                         "nothing was stored.");
    }
    return crypto::sealBoxKeyPair(*unitPair, *devicePk);
}

/** Runs the exchange and leaves its result in `outcome`, which outlives the io_context run. */
asio::awaitable<void> exchangeInto(std::optional<Result<Exchange>>& outcome, asio::ssl::context& tls,
                                   common::HostPort hub, protocol::EnrolRequest request, tls::Bytes macKey,
                                   std::chrono::seconds timeout) {
    outcome = co_await exchange(tls, std::move(hub), std::move(request), std::move(macKey), timeout);
}

} // namespace

Result<common::DeviceSyncConfig> enrolWithCode(const std::filesystem::path& dataDir,
                                               const common::HostPort& hub, const std::string& typedCode,
                                               std::chrono::seconds timeout) {
    auto code = tls::EnrolmentCode::parse(typedCode);
    if (!code) {
        return code.error();
    }
    if (common::loadDeviceSyncConfig(dataDir)) {
        return makeError("already_enrolled", "This device is already enrolled; it keeps its enrolment.");
    }
    auto local = store::DeviceStore::open(store::DeviceStore::fileIn(dataDir));
    if (!local) {
        return local.error();
    }
    auto boxKey = (*local)->boxPublicKey();
    auto tlsKey = tls::generatePrivateKey();
    if (!boxKey || !tlsKey) {
        return !boxKey ? boxKey.error() : tlsKey.error();
    }
    const std::string deviceId = (*local)->deviceId();
    auto csr = tls::createSigningRequest(*tlsKey, deviceId);
    auto tls = tls::makeEnrolmentClientContext();
    if (!csr || !tls) {
        return !csr ? csr.error() : tls.error();
    }
    protocol::EnrolRequest request;
    request.set_protocol_version(protocol::kEnrolmentVersion);
    request.set_code_lookup(asString(code->lookup()));
    request.set_device_id(deviceId);
    request.set_box_public_key(asString(*boxKey));
    request.set_csr_pem(*csr);

    asio::io_context io;
    std::optional<Result<Exchange>> outcome;
    asio::co_spawn(io, exchangeInto(outcome, *tls, hub, request, code->macKey(), timeout),
                   [&](const std::exception_ptr& error) {
                       if (error) {
                           outcome = makeError("internal", "The enrolment exchange failed.");
                       }
                   });
    io.run();
    if (!outcome || !*outcome) {
        return outcome ? outcome->error() : makeError("internal", "The enrolment did not finish.");
    }
    const auto& reply = (*outcome)->reply;
    if (reply.status() != protocol::EnrolReply::OK) {
        return makeError("refused", "The center refused the enrolment: " + reply.reason());
    }
    // The hub proves it knows the code on this connection; only then is its key pinned.
    request.set_mac(asString(engine::requestMac(code->macKey(), (*outcome)->binding, request)));
    const auto expected = engine::replyMac(code->macKey(), (*outcome)->binding, request, reply);
    if (!tls::macEquals(asBytes(reply.mac()), expected)) {
        return makeError("hub_unproven",
                         "The center could not prove it knows the enrolment code; nothing was stored.");
    }
    auto seenPin = tls::publicKeyPin((*outcome)->hubCertPem);
    if (!seenPin || *seenPin != reply.hub_key_pin()) {
        return makeError("hub_unproven",
                         "The center named another key than the one it presented; nothing was "
                         "stored.");
    }
    auto certName = tls::commonName(reply.certificate_pem());
    if (!certName || *certName != deviceId) {
        return makeError("hub_unproven", "The certificate from the center names another device.");
    }
    auto unitSecretSealed = sealUnitSecretToDevice(*code, reply, *boxKey);
    if (!unitSecretSealed) {
        return unitSecretSealed.error();
    }
    common::DeviceSyncConfig config{deviceId,
                                    reply.unit(),
                                    *tlsKey,
                                    reply.certificate_pem(),
                                    reply.hub_key_pin(),
                                    hub.toString(),
                                    crypto::toHex(asBytes(reply.center_public_key())),
                                    crypto::toHex(asBytes(reply.unit_public_key())),
                                    crypto::toHex(*unitSecretSealed),
                                    crypto::toHex(asBytes(reply.center_signing_key()))};
    // The keys go into the store first: a device with files but without keys would look enrolled.
    if (auto st = (*local)->installEnrolment({asBytes(reply.center_public_key()), reply.unit(),
                                              asBytes(reply.unit_public_key()), *unitSecretSealed});
        !st) {
        return st.error();
    }
    if (auto st = common::saveDeviceSyncConfig(dataDir, config); !st) {
        return st.error();
    }
    return config;
}

} // namespace fieldkit::device
