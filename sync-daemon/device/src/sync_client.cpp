// The device's network side: every Asio/Beast template of the daemon is instantiated in this one unit.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <fieldkit/device/sync_client.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/protocol/codec.hpp>
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

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

asio::awaitable<Result<SessionResult>> session(asio::ssl::context& tls, common::HostPort hub,
                                               engine::DeviceSyncState state, ClientLimits limits) {
    auto executor = co_await asio::this_coro::executor;
    tcp::resolver resolver(executor);
    auto [rec, endpoints] = co_await resolver.async_resolve(hub.host, std::to_string(hub.port), kTuple);
    if (rec) {
        co_return offline("resolving " + hub.host, rec);
    }
    WsStream ws(executor, tls);
    auto& lowest = beast::get_lowest_layer(ws);
    lowest.expires_after(limits.connect);
    if (auto [ec, ep] = co_await lowest.async_connect(endpoints, kTuple); ec) {
        co_return offline("connecting", ec);
    }
    if (auto [ec] = co_await ws.next_layer().async_handshake(asio::ssl::stream_base::client, kTuple); ec) {
        if (ec.category() == asio::error::get_ssl_category()) {
            co_return makeError("hub_untrusted",
                                "The center refused this device or did not present the pinned key (" +
                                    ec.message() + ").");
        }
        co_return offline("TLS handshake", ec);
    }
    lowest.expires_after(limits.exchange);
    if (auto [ec] = co_await ws.async_handshake(hub.host, "/sync/v1", kTuple); ec) {
        co_return offline("WebSocket handshake", ec);
    }
    ws.binary(true);
    ws.read_message_max(protocol::kMaxFrameBytes);

    protocol::Envelope hello;
    *hello.mutable_hello() = engine::makeHello(state);
    const std::string frame = protocol::encodeFrame(hello);
    if (auto [ec, n] = co_await ws.async_write(asio::buffer(frame), kTuple); ec) {
        co_return offline("sending", ec);
    }
    beast::flat_buffer buffer;
    if (auto [ec, n] = co_await ws.async_read(buffer, kTuple); ec) {
        co_return offline("waiting for the reply", ec);
    }
    const auto data = buffer.cdata();
    auto reply = protocol::decodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
    if (!reply || !reply->has_welcome()) {
        co_return makeError("protocol_violation", "The center sent a reply this device does not understand.");
    }
    const auto& welcome = reply->welcome();
    SessionResult result{engine::evaluateWelcome(welcome), welcome.reason(), welcome.server_head(),
                         welcome.last_applied_device_seq()};
    co_await ws.async_close(websocket::close_code::normal, kTuple);
    co_return result;
}

Result<asio::ssl::context> clientContext(const common::DeviceSyncConfig& config) {
    return tls::makeClientContext(tls::Credentials{config.keyPem, config.certPem}, config.hubKeyPin);
}

const char* stateName(engine::HandshakeOutcome outcome) {
    switch (outcome) {
    case engine::HandshakeOutcome::Proceed:
        return "ok";
    case engine::HandshakeOutcome::UpgradeRequired:
        return "upgrade_required";
    case engine::HandshakeOutcome::Refused:
        return "refused";
    case engine::HandshakeOutcome::ProtocolViolation:
        return "protocol_violation";
    }
    return "unknown";
}

} // namespace

Result<SessionResult> syncOnce(const common::DeviceSyncConfig& config, const common::HostPort& hub,
                               const engine::DeviceSyncState& state, ClientLimits limits) {
    auto tls = clientContext(config);
    if (!tls) {
        return tls.error();
    }
    asio::io_context io;
    std::optional<Result<SessionResult>> outcome;
    // Asio needs a default-constructible result type, so the outcome is handed back by assignment.
    auto run = [&]() -> asio::awaitable<void> { outcome = co_await session(*tls, hub, state, limits); };
    asio::co_spawn(io, run(), [&](const std::exception_ptr& error) {
        if (error) {
            outcome = makeError("internal", "The sync session failed.");
        }
    });
    io.run();
    return outcome.value_or(makeError("internal", "The sync session did not finish."));
}

Status runDaemon(const std::filesystem::path& dataDir, const common::DeviceSyncConfig& config,
                 const common::HostPort& hub, const DaemonEnvironment& env) {
    auto tls = clientContext(config);
    if (!tls) {
        return tls.error();
    }
    asio::io_context io;
    asio::steady_timer timer(io);
    bool stopping = false;
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        stopping = true;
        timer.cancel();
    });

    auto loop = [&]() -> asio::awaitable<void> {
        SyncStatus status = loadSyncStatus(dataDir).ok() ? *loadSyncStatus(dataDir) : SyncStatus{};
        std::uint32_t failures = 0;
        const engine::BackoffPolicy backoff;
        while (!stopping) {
            status.lastAttemptMs = nowMs();
            const engine::DeviceSyncState state{config.deviceId, status.pullCursor, 0, ""};
            auto result = co_await session(*tls, hub, state, ClientLimits{});
            std::chrono::milliseconds wait = env.interval;
            if (result && result->outcome == engine::HandshakeOutcome::Proceed) {
                failures = 0;
                status.state = "ok";
                status.lastSuccessMs = nowMs();
                status.lastError.clear();
                status.hubHead = result->hubHead;
            } else {
                status.state = result ? stateName(result->outcome)
                                      : (result.error().code == "offline" ? "offline" : "refused");
                status.lastError = result ? result->reason : result.error().message;
                wait = engine::backoffDelay(backoff, failures++, env.unitRandom());
                env.log("sync failed (" + status.state + "): " + status.lastError + "; next try in " +
                        std::to_string(wait.count()) + " ms");
            }
            if (auto st = saveSyncStatus(dataDir, status); !st) {
                env.log(st.error().message);
            }
            timer.expires_after(wait);
            co_await timer.async_wait(kTuple);
        }
    };
    std::optional<Status> outcome;
    asio::co_spawn(io, loop(), [&](const std::exception_ptr& error) {
        outcome = error ? Status(makeError("internal", "The sync loop failed.")) : Status();
    });
    io.run();
    return outcome.value_or(Status());
}

} // namespace fieldkit::device
