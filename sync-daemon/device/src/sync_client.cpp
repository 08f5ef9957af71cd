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
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/device/operation_mapping.hpp>
#include <fieldkit/device/sync_client.hpp>
#include <fieldkit/device/sync_round.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/hw/sync_plan.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <fieldkit/version.hpp>
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

/** Opens the shared store and, on the first run after enrolment, files away the keys the center handed over.
 */
Result<std::unique_ptr<store::DeviceStore>> openStore(const std::filesystem::path& dataDir,
                                                      const common::DeviceSyncConfig& config) {
    auto opened = store::DeviceStore::open(store::DeviceStore::fileIn(dataDir));
    if (!opened) {
        return opened.error();
    }
    auto& db = (*opened)->database();
    auto installed = db.queryInt("SELECT count(*) FROM center_key");
    if (!installed) {
        return installed.error();
    }
    if (*installed == 0 && !config.centerPublicKey.empty()) {
        auto center = crypto::fromHex(config.centerPublicKey);
        auto unitPk = crypto::fromHex(config.unitPublicKey);
        auto sealed = crypto::fromHex(config.unitSecretSealed);
        if (!center || !unitPk || !sealed) {
            return makeError("incomplete_enrolment",
                             "The enrolment keys are damaged; enrol the device again.");
        }
        if (auto st = (*opened)->installEnrolment({*center, config.unit, *unitPk, *sealed}); !st) {
            return st.error();
        }
    }
    return opened;
}

asio::awaitable<Result<protocol::Envelope>> readEnvelope(WsStream& ws) {
    beast::flat_buffer buffer;
    if (auto [ec, n] = co_await ws.async_read(buffer, kTuple); ec) {
        co_return offline("waiting for the reply", ec);
    }
    const auto data = buffer.cdata();
    auto envelope =
        protocol::decodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
    if (!envelope) {
        co_return makeError("protocol_violation", "The center sent a reply this device does not understand.");
    }
    co_return std::move(*envelope);
}

asio::awaitable<Status> writeEnvelope(WsStream& ws, const protocol::Envelope& envelope) {
    const std::string frame = protocol::encodeFrame(envelope);
    if (auto [ec, n] = co_await ws.async_write(asio::buffer(frame), kTuple); ec) {
        co_return offline("sending", ec);
    }
    co_return Status();
}

Result<protocol::Envelope> pushEnvelope(store::SyncQueue& queue, int limit) {
    auto batch = buildPush(queue, limit);
    if (!batch) {
        return batch.error();
    }
    protocol::Envelope push;
    *push.mutable_push() = std::move(*batch);
    return push;
}

asio::awaitable<Result<SessionResult>> session(asio::ssl::context& tls, common::HostPort hub,
                                               store::DeviceStore& local, const std::string& deviceId,
                                               ClientLimits limits) {
    store::SyncQueue queue(local);
    auto position = queue.position();
    if (!position) {
        co_return position.error();
    }
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

    // One round trip: the hello and the first batch leave together, without waiting for the welcome.
    auto push = pushEnvelope(queue, limits.batchOps);
    if (!push) {
        co_return push.error();
    }
    protocol::Envelope hello;
    *hello.mutable_hello() =
        engine::makeHello({deviceId, position->pullCursor, position->lastAckedDeviceSeq, kVersion});
    hello.mutable_hello()->set_max_changes(limits.pageChanges);
    if (auto st = co_await writeEnvelope(ws, hello); !st) {
        co_return st.error();
    }
    if (auto st = co_await writeEnvelope(ws, *push); !st) {
        co_return st.error();
    }
    auto welcome = co_await readEnvelope(ws);
    if (!welcome) {
        co_return welcome.error();
    }
    if (!welcome->has_welcome()) {
        co_return makeError("protocol_violation", "The center did not answer the hello.");
    }
    SessionResult result;
    result.outcome = engine::evaluateWelcome(welcome->welcome());
    result.reason = welcome->welcome().reason();
    result.hubHead = welcome->welcome().server_head();
    if (result.outcome != engine::HandshakeOutcome::Proceed) {
        co_return result; // the outbox is kept, untouched
    }
    while (true) {
        lowest.expires_after(limits.exchange);
        auto reply = co_await readEnvelope(ws);
        if (!reply) {
            co_return reply.error();
        }
        if (!reply->has_reply()) {
            co_return makeError("protocol_violation", "The center sent something other than a sync reply.");
        }
        ++result.roundTrips;
        auto round = applyReply(queue, reply->reply());
        if (!round) {
            co_return round.error();
        }
        result.pushed += round->acknowledged;
        result.rejected += round->rejected;
        result.pulled += round->pulled;
        result.diverged = result.diverged || round->diverged;
        push = pushEnvelope(queue, limits.batchOps);
        if (!push) {
            co_return push.error();
        }
        if (push->push().ops_size() == 0 && !round->more && !round->diverged) {
            result.outboxEmpty = true;
            result.reachedHead = true;
            break;
        }
        if (result.roundTrips > 10000) {
            break; // a safety stop; the next session continues
        }
        if (auto st = co_await writeEnvelope(ws, *push); !st) {
            co_return st.error();
        }
    }
    lowest.expires_after(limits.connect);
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

void recordPosition(store::DeviceStore& local, SyncStatus& status) {
    if (auto position = store::SyncQueue(local).position(); position) {
        status.pendingOps = static_cast<std::uint64_t>(position->pendingOps);
        status.oldestPendingMs = position->oldestPendingMs;
        status.pullCursor = position->pullCursor;
    }
}

} // namespace

Result<SessionResult> syncOnce(const std::filesystem::path& dataDir, const common::DeviceSyncConfig& config,
                               const common::HostPort& hub, ClientLimits limits) {
    auto tls = clientContext(config);
    if (!tls) {
        return tls.error();
    }
    auto local = openStore(dataDir, config);
    if (!local) {
        return local.error();
    }
    asio::io_context io;
    std::optional<Result<SessionResult>> outcome;
    // Asio needs a default-constructible result type, so the outcome is handed back by assignment.
    auto run = [&]() -> asio::awaitable<void> {
        outcome = co_await session(*tls, hub, **local, config.deviceId, limits);
    };
    asio::co_spawn(io, run(), [&](const std::exception_ptr& error) {
        if (error) {
            outcome = makeError("internal", "The sync session failed.");
        }
    });
    io.run();
    SyncStatus status = loadSyncStatus(dataDir).ok() ? *loadSyncStatus(dataDir) : SyncStatus{};
    status.lastAttemptMs = nowMs();
    if (outcome && outcome->ok() && (*outcome)->outcome == engine::HandshakeOutcome::Proceed) {
        status.state = "ok";
        status.lastSuccessMs = status.lastAttemptMs;
        status.lastError.clear();
        status.hubHead = (*outcome)->hubHead;
    } else if (outcome) {
        status.state = outcome->ok() ? stateName((*outcome)->outcome)
                                     : (outcome->error().code == "offline" ? "offline" : "refused");
        status.lastError = outcome->ok() ? (*outcome)->reason : outcome->error().message;
    }
    recordPosition(**local, status);
    (void)saveSyncStatus(dataDir, status);
    return outcome.value_or(makeError("internal", "The sync session did not finish."));
}

Status runDaemon(const std::filesystem::path& dataDir, const common::DeviceSyncConfig& config,
                 const common::HostPort& hub, const DaemonEnvironment& env) {
    auto tls = clientContext(config);
    if (!tls) {
        return tls.error();
    }
    auto local = openStore(dataDir, config);
    if (!local) {
        return local.error();
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
        auto retryAt = std::chrono::steady_clock::now();
        std::optional<std::chrono::steady_clock::time_point> lastSync;
        std::optional<hw::SyncWhen> lastWhen;
        std::optional<hw::PowerLevel> lastPower;
        std::uint64_t lastPending = 0;
        const auto nowFile = common::syncDir(dataDir) / "sync-now";
        while (!stopping) {
            recordPosition(**local, status);
            std::error_code ec;
            const bool asked = std::filesystem::remove(nowFile, ec);
            // Sensors that cannot be read count as mains power and a link: a desktop has neither in sysfs.
            const auto battery = env.battery->read();
            const auto link = env.link->read();
            const bool linkUp = !link || link->up;
            hw::PendingWork pending;
            pending.ops = static_cast<int>(status.pendingOps);
            pending.oldestAge = status.oldestPendingMs > 0
                                    ? std::chrono::seconds(std::max<std::int64_t>(
                                          0, (nowMs() - status.oldestPendingMs) / 1000))
                                    : std::chrono::seconds(0);
            if (lastSync) {
                pending.sinceLastSync = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::steady_clock::now() - *lastSync);
            }
            const auto plan =
                hw::planSync(*env.profile, battery ? *battery : hw::BatteryState{false, 100, true},
                             hw::LinkState{linkUp, env.profile->network.metered}, pending, env.clock->now());
            // Logged and recorded when the decision changes, not every time its countdown ticks.
            if (plan.when != lastWhen || plan.power != lastPower || status.pendingOps != lastPending ||
                status.plan.empty()) {
                lastWhen = plan.when;
                lastPower = plan.power;
                lastPending = status.pendingOps;
                status.plan = plan.reason;
                env.log("plan: " + plan.reason);
                (void)saveSyncStatus(dataDir, status);
            }
            const bool backingOff = failures > 0 && std::chrono::steady_clock::now() < retryAt;
            const bool go = linkUp && ((plan.when == hw::SyncWhen::Now && !backingOff) || asked);
            if (!go) {
                if (!linkUp && status.state != "offline") {
                    status.state = "offline";
                    (void)saveSyncStatus(dataDir, status);
                }
                timer.expires_after(env.poll);
                co_await timer.async_wait(kTuple);
                continue;
            }
            status.lastAttemptMs = nowMs();
            status.state = "syncing";
            (void)saveSyncStatus(dataDir, status);
            ClientLimits limits;
            limits.batchOps = std::max(1, plan.maxOpsPerBatch);
            auto result = co_await session(*tls, hub, **local, config.deviceId, limits);
            lastSync = std::chrono::steady_clock::now();
            if (result && result->outcome == engine::HandshakeOutcome::Proceed) {
                failures = 0;
                status.state = "ok";
                status.lastSuccessMs = nowMs();
                status.lastError.clear();
                status.hubHead = result->hubHead;
                if (result->pushed + result->pulled > 0) {
                    env.log("synced: " + std::to_string(result->pushed) + " sent, " +
                            std::to_string(result->pulled) + " received, " +
                            std::to_string(result->rejected) + " refused");
                }
            } else {
                status.state = result ? stateName(result->outcome)
                                      : (result.error().code == "offline" ? "offline" : "refused");
                status.lastError = result ? result->reason : result.error().message;
                const auto wait = engine::backoffDelay(backoff, failures++, env.unitRandom());
                retryAt = std::chrono::steady_clock::now() + wait;
                env.log("sync failed (" + status.state + "): " + status.lastError + "; next try in " +
                        std::to_string(wait.count()) + " ms");
            }
            recordPosition(**local, status);
            if (auto st = saveSyncStatus(dataDir, status); !st) {
                env.log(st.error().message);
            }
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
