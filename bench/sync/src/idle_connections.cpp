// The benchmark's client side: every Asio/Beast template of the idle-device benchmark is in this one unit.
#include "idle_connections.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <optional>

namespace fieldkit::bench {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using WsStream = websocket::stream<beast::ssl_stream<beast::tcp_stream>>;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

enum class DeviceState { Connecting, Ready, Failed, Lost };

/** One quiet device: its TLS context (its own client certificate) and its connection. */
struct IdleDevice {
    asio::ssl::context tls;
    std::optional<WsStream> ws;
    DeviceState state = DeviceState::Connecting;

    explicit IdleDevice(asio::ssl::context context)
        : tls(std::move(context)) {}
};

asio::awaitable<bool> send(WsStream& ws, const protocol::Envelope& envelope) {
    const std::string frame = protocol::encodeFrame(envelope);
    auto [ec, n] = co_await ws.async_write(asio::buffer(frame), kTuple);
    co_return !ec;
}

/** The next envelope, or nothing when the connection failed or the hub sent something unreadable. */
asio::awaitable<std::optional<protocol::Envelope>> receive(WsStream& ws) {
    beast::flat_buffer buffer;
    if (auto [ec, n] = co_await ws.async_read(buffer, kTuple); ec) {
        co_return std::nullopt;
    }
    const auto data = buffer.cdata();
    auto envelope =
        protocol::decodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
    if (!envelope) {
        co_return std::nullopt;
    }
    co_return std::move(*envelope);
}

/** TCP, TLS 1.3 with the device's certificate, and the WebSocket upgrade to /sync/v1. */
asio::awaitable<bool> open(WsStream& ws, const common::HostPort& hub) {
    auto executor = co_await asio::this_coro::executor;
    auto& lowest = beast::get_lowest_layer(ws);
    tcp::resolver resolver(executor);
    auto [rec, endpoints] = co_await resolver.async_resolve(hub.host, std::to_string(hub.port), kTuple);
    lowest.expires_after(std::chrono::seconds(60));
    if (rec) {
        co_return false;
    }
    if (auto [ec, ep] = co_await lowest.async_connect(endpoints, kTuple); ec) {
        co_return false;
    }
    if (auto [ec] = co_await ws.next_layer().async_handshake(asio::ssl::stream_base::client, kTuple); ec) {
        co_return false;
    }
    if (auto [ec] = co_await ws.async_handshake(hub.host, "/sync/v1", kTuple); ec) {
        co_return false;
    }
    lowest.expires_never();
    co_return true;
}

/** Connects, runs one empty round as fieldkit-syncd does (hello and push together, welcome and reply back),
 *  then reads until the connection ends: a pending read is what answers the hub's keep-alive pings. */
asio::awaitable<void> holdOpen(IdleDevice& device, const common::DeviceSyncConfig& config,
                               common::HostPort hub) {
    auto executor = co_await asio::this_coro::executor;
    device.ws.emplace(executor, device.tls);
    auto& ws = *device.ws;
    const auto fail = [&device] { device.state = DeviceState::Failed; };
    if (!co_await open(ws, hub)) {
        fail();
        co_return;
    }
    ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    ws.binary(true);
    protocol::Envelope hello;
    *hello.mutable_hello() = engine::makeHello({config.deviceId, 0, 0, "bench"});
    protocol::Envelope push;
    push.mutable_push();
    if (!co_await send(ws, hello) || !co_await send(ws, push)) {
        fail();
        co_return;
    }
    auto welcome = co_await receive(ws);
    auto reply = co_await receive(ws);
    if (!welcome || !welcome->has_welcome() || welcome->welcome().status() != protocol::Welcome::OK ||
        !reply || !reply->has_reply()) {
        fail();
        co_return;
    }
    device.state = DeviceState::Ready;
    while (co_await receive(ws)) {
        // A quiet hub sends nothing but pings, which Beast answers inside the read.
    }
    device.state = DeviceState::Lost;
}

/** One hostile connection after another, as someone holding a device's certificate could open them: the
 *  hello, then `frame` (a push built to exhaust the hub), then whatever the hub answers until it closes. */
asio::awaitable<void> attack(asio::ssl::context& tls, common::DeviceSyncConfig config, common::HostPort hub,
                             std::chrono::steady_clock::time_point until, const std::string& frame,
                             HostileOutcome& out) {
    auto executor = co_await asio::this_coro::executor;
    while (std::chrono::steady_clock::now() < until) {
        WsStream ws(executor, tls);
        if (!co_await open(ws, hub)) {
            ++out.failed;
            asio::steady_timer pause(executor, std::chrono::milliseconds(100));
            co_await pause.async_wait(kTuple);
            continue;
        }
        ws.binary(true);
        ws.read_message_max(protocol::kMaxFrameBytes);
        // A connection the hub replaced may be left half-open with a closed window: give up on it.
        beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
        protocol::Envelope hello;
        *hello.mutable_hello() = engine::makeHello({config.deviceId, 0, 0, "hostile"});
        if (!co_await send(ws, hello)) {
            ++out.failed;
            continue;
        }
        ++out.attempts;
        (void)co_await ws.async_write(asio::buffer(frame), kTuple);
        while (co_await receive(ws)) {
        }
        ++out.closedByHub;
    }
}

} // namespace

std::string hostilePushFrame(std::size_t bytes) {
    // Each empty operation is two bytes on the wire (tag, zero length) and a whole Operation once parsed.
    std::string ops;
    ops.reserve(bytes);
    while (ops.size() + 2 <= bytes - 8) {
        ops += std::string("\x0a\x00", 2);
    }
    std::string frame = "\x1a"; // Envelope.push
    std::size_t length = ops.size();
    while (length >= 0x80) {
        frame += static_cast<char>((length & 0x7f) | 0x80);
        length >>= 7;
    }
    frame += static_cast<char>(length);
    return frame + ops;
}

HostileOutcome attackHub(const common::DeviceSyncConfig& device, const common::HostPort& hub,
                         std::size_t connections, std::chrono::milliseconds duration) {
    asio::io_context io{1};
    auto tls = tls::makeClientContext({device.keyPem, device.certPem}, device.hubKeyPin);
    HostileOutcome out;
    if (!tls) {
        out.failed = connections;
        return out;
    }
    // Half send the frame of the field test (4 MiB, two million empty operations: over the frame limit), half
    // one just under the frame limit (half a million: over the operation limit).
    const std::string big = hostilePushFrame(4 * 1024 * 1024);
    const std::string under = hostilePushFrame(protocol::kMaxFrameBytes - 64);
    const auto until = std::chrono::steady_clock::now() + duration;
    for (std::size_t i = 0; i < connections; ++i) {
        asio::co_spawn(io, attack(*tls, device, hub, until, i % 2 == 0 ? big : under, out), asio::detached);
    }
    io.run();
    return out;
}

struct IdleFleet::Impl {
    common::HostPort hub;
    asio::io_context io{1};
    std::deque<IdleDevice> devices; // stable addresses: coroutines hold references

    IdleOutcome count(std::size_t from) const {
        IdleOutcome outcome;
        for (std::size_t i = from; i < devices.size(); ++i) {
            switch (devices[i].state) {
            case DeviceState::Ready:
                ++outcome.ready;
                break;
            case DeviceState::Failed:
                ++outcome.failed;
                break;
            case DeviceState::Lost:
                ++outcome.lost;
                break;
            case DeviceState::Connecting:
                break;
            }
        }
        return outcome;
    }
};

IdleFleet::IdleFleet(common::HostPort hub)
    : m_impl(std::make_unique<Impl>()) {
    m_impl->hub = std::move(hub);
}

IdleFleet::~IdleFleet() {
    m_impl->io.stop();
}

IdleOutcome IdleFleet::connect(const std::vector<common::DeviceSyncConfig>& devices, std::size_t parallel) {
    auto& impl = *m_impl;
    const auto started = std::chrono::steady_clock::now();
    const std::size_t first = impl.devices.size();
    for (std::size_t begin = 0; begin < devices.size(); begin += parallel) {
        const std::size_t end = std::min(devices.size(), begin + parallel);
        const std::size_t batchFirst = impl.devices.size();
        for (std::size_t i = begin; i < end; ++i) {
            auto context =
                tls::makeClientContext({devices[i].keyPem, devices[i].certPem}, devices[i].hubKeyPin);
            if (!context) {
                impl.devices.emplace_back(asio::ssl::context(asio::ssl::context::tls_client)).state =
                    DeviceState::Failed;
                continue;
            }
            auto& device = impl.devices.emplace_back(std::move(*context));
            asio::co_spawn(impl.io, holdOpen(device, devices[i], impl.hub), asio::detached);
        }
        if (impl.io.stopped()) {
            impl.io.restart();
        }
        // Run until this batch has settled; the earlier devices keep their connections meanwhile.
        while (true) {
            const auto so_far = impl.count(batchFirst);
            if (so_far.ready + so_far.failed + so_far.lost == impl.devices.size() - batchFirst) {
                break;
            }
            impl.io.run_one_for(std::chrono::milliseconds(100));
        }
    }
    auto outcome = impl.count(first);
    outcome.connectSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return outcome;
}

IdleOutcome IdleFleet::idle(std::chrono::milliseconds duration) {
    const auto until = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < until) {
        m_impl->io.run_one_until(until);
    }
    return m_impl->count(0);
}

} // namespace fieldkit::bench
