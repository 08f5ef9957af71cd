// The hub's network side: every Asio/Beast template of the hub is instantiated in this one translation unit.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/hub/enrolment_service.hpp>
#include <fieldkit/hub/hub_server.hpp>
#include <fieldkit/hub/ops_http.hpp>
#include <fieldkit/hub/sync_service.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/tls/enrolment_code.hpp>
#include <fieldkit/tls/socket_tls_stream.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace fieldkit::hub {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
// Not beast::ssl_stream: see SocketTlsStream for the memory a thousand quiet devices would cost.
using WsStream = websocket::stream<tls::SocketTlsStream>;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

/** An upgrade request larger than this is not a fieldkit client. */
constexpr std::size_t kMaxUpgradeBytes = 8 * 1024;

/** Ends a connection whose current phase (TLS and WebSocket handshakes, an enrolment) overruns its limit.
 *  It shuts the socket down rather than closing it: see SocketTlsStream::shutdownAndClose. */
class Deadline {
public:
    explicit Deadline(tcp::socket& socket)
        : m_socket(socket)
        , m_timer(socket.get_executor()) {}

    void arm(std::chrono::steady_clock::duration limit) {
        m_timer.expires_after(limit);
        m_timer.async_wait([&socket = m_socket](boost::system::error_code ec) {
            if (!ec) { // not cancelled, so the socket (owned by the waiting session) still exists
                boost::system::error_code ignored;
                socket.shutdown(tcp::socket::shutdown_both, ignored);
            }
        });
    }
    void disarm() { m_timer.cancel(); }

private:
    tcp::socket& m_socket;
    asio::steady_timer m_timer;
};

/** The path in an HTTP request's first line ("GET /sync/v1 HTTP/1.1"), or "" when there is none. */
std::string requestTarget(const std::string& request) {
    const auto first = request.find(' ');
    const auto second = first == std::string::npos ? first : request.find(' ', first + 1);
    return second == std::string::npos ? std::string() : request.substr(first + 1, second - first - 1);
}

struct HubServer::Impl {
    asio::io_context& io;
    asio::ssl::context& tls;
    CenterStore& store;
    HubEnvironment env;
    HubLimits limits;
    HubMetrics metrics;
    SyncService service;
    std::optional<tcp::acceptor> syncAcceptor;
    std::optional<tcp::acceptor> opsAcceptor;
    std::unordered_set<tcp::socket*> openSockets;
    /** A device's open connection, as waking it needs it. Touched on the I/O thread only. */
    struct LiveConnection {
        tcp::socket* socket;
        WsStream* ws;
        std::string unit;             // known once the device said hello
        bool idle = false;            // between rounds: waiting for the device's next frame, nothing to write
        bool writing = false;         // a ChangesWaiting is being written
        bool wakeQueued = false;      // changes came during a round: tell the device when the round is over
        asio::steady_timer writeDone; // cancelled when a ChangesWaiting has been written
    };
    std::unordered_map<std::string, LiveConnection*> liveDevices; // at most one live connection per device
    // With a PostgreSQL center every hub (this one too) hears of each commit from the change feed, so this
    // hub's own pushes wake devices only when there is no feed.
    bool changeFeed = false;
    bool stopped = false;

    EnrolmentService* enrolment;
    // The center store is used from these threads only (one for SQLite, several for PostgreSQL: see
    // CenterStore::concurrency): a push is applied (and fsynced) there, so TLS handshakes, reads and writes
    // of every other connection go on meanwhile on the I/O thread. One device's requests stay in order: its
    // connection awaits each answer before it reads the next frame. Declared last, so it is joined before
    // anything its work touches is destroyed.
    asio::thread_pool storeThreads;

    Impl(asio::io_context& i, asio::ssl::context& t, CenterStore& s, HubEnvironment e, HubLimits l,
         const HubPolicy& policy, EnrolmentService* enrol)
        : io(i)
        , tls(t)
        , store(s)
        , env(std::move(e))
        , limits(l)
        , service(s, env.nowMs, policy.hello)
        , enrolment(enrol)
        , storeThreads(s.concurrency()) {}

    /** Runs `work` (which uses the center store) on the store's thread and resumes on the I/O thread with
     *  its result. */
    template <typename Work>
    asio::awaitable<std::invoke_result_t<Work&>> onStore(Work work) {
        using Out = std::invoke_result_t<Work&>;
        // co_spawn hands a result back only through a default-constructible type.
        auto done = co_await asio::co_spawn(
            storeThreads,
            [&work]() -> asio::awaitable<std::optional<Out>> { co_return std::optional<Out>(work()); },
            asio::use_awaitable);
        co_return std::move(*done);
    }

    void log(common::LogLevel level, std::string event, std::string message,
             std::vector<common::LogField> fields = {}) const {
        env.log.write({level, std::move(event), std::move(message), std::move(fields)});
    }

    Result<tcp::endpoint> bind(std::optional<tcp::acceptor>& acceptor, const common::HostPort& where) {
        boost::system::error_code ec;
        const auto address = asio::ip::make_address(where.host, ec);
        if (ec) {
            return makeError("bad_address", "Cannot listen on " + where.host + ": not an IP address.");
        }
        acceptor.emplace(io);
        const tcp::endpoint endpoint(address, where.port);
        if (acceptor->open(endpoint.protocol(), ec); !ec) {
            acceptor->set_option(asio::socket_base::reuse_address(true), ec);
            acceptor->bind(endpoint, ec);
        }
        if (!ec) {
            acceptor->listen(asio::socket_base::max_listen_connections, ec);
        }
        if (ec) {
            return makeError("listen_failed",
                             "Cannot listen on " + where.toString() + ": " + ec.message() + ".");
        }
        return acceptor->local_endpoint();
    }

    void spawn(asio::awaitable<void> task, const char* what) {
        // Never `detached`: an escaped exception is logged, not swallowed.
        asio::co_spawn(io, std::move(task), [this, what](const std::exception_ptr& error) {
            if (!error) {
                return;
            }
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                log(common::LogLevel::Error, "task_failed",
                    std::string(what) + " ended with an error: " + e.what(), {{"task", what}});
            }
        });
    }

    asio::awaitable<void> acceptSync() {
        while (!stopped) {
            auto [ec, socket] = co_await syncAcceptor->async_accept(kTuple);
            if (ec) {
                if (stopped) {
                    co_return;
                }
                continue;
            }
            spawn(syncSession(std::move(socket)), "sync session");
        }
    }

    asio::awaitable<void> syncSession(tcp::socket socket) {
        WsStream ws(std::move(socket), tls);
        auto& lowest = beast::get_lowest_layer(ws);
        openSockets.insert(&lowest);
        struct Forget {
            Impl* self;
            tcp::socket* socket;
            ~Forget() { self->openSockets.erase(socket); }
        } forget{this, &lowest};

        Deadline deadline(lowest);
        deadline.arm(limits.handshake);
        if (auto [ec, n] = co_await ws.next_layer().async_handshake(kTuple); ec) {
            ++metrics.handshakeFailures;
            log(common::LogLevel::Notice, "tls_refused",
                "refused a connection at the TLS handshake: " + ec.message());
            co_await drainAndClose(lowest, deadline);
            co_return;
        }
        // The upgrade request says which endpoint the client wants; only enrolment is open without a
        // client certificate.
        // Read raw, so bytes the client sent right behind the request (its first frame) stay with the
        // WebSocket, which parses the request again from these bytes.
        std::string upgrade;
        if (auto [ec, n] = co_await asio::async_read_until(
                ws.next_layer(), asio::dynamic_buffer(upgrade, kMaxUpgradeBytes), "\r\n\r\n", kTuple);
            ec) {
            ++metrics.handshakeFailures;
            co_return;
        }
        const std::string target = requestTarget(upgrade);
        auto deviceId = tls::peerCommonName(ws.next_layer().native_handle());
        if (target == "/enrol/v1") {
            co_await serveEnrolment(ws, upgrade, deadline);
            co_return;
        }
        if (!deviceId) {
            ++metrics.handshakeFailures;
            log(common::LogLevel::Notice, "no_client_certificate",
                "refused a sync connection without a client certificate");
            co_return;
        }
        if (target != "/sync/v1") {
            ++metrics.handshakeFailures;
            log(common::LogLevel::Notice, "unknown_endpoint", "refused, no endpoint at the requested path",
                {{"device", *deviceId}});
            co_return;
        }
        if (auto [ec] = co_await ws.async_accept(asio::buffer(upgrade), kTuple); ec) {
            ++metrics.handshakeFailures;
            log(common::LogLevel::Notice, "websocket_refused", "WebSocket handshake failed: " + ec.message(),
                {{"device", *deviceId}});
            co_return;
        }
        deadline.disarm();
        // Pings after half the idle time keep a quiet device's connection open as long as it answers; a peer
        // that stays silent for the whole idle time is gone and its connection is closed.
        ws.set_option(websocket::stream_base::timeout{limits.handshake, limits.idle, true});
        boost::system::error_code noDelay;
        lowest.set_option(tcp::no_delay(true), noDelay); // the welcome and reply leave together
        ws.read_message_max(protocol::kMaxFrameBytes);
        ws.binary(true);

        // One live connection per device: a new one replaces the old (a device reconnecting after its link
        // dropped, or someone holding its certificate opening many), so a device can never hold more than
        // one connection's memory and one push at a time.
        if (auto it = liveDevices.find(*deviceId); it != liveDevices.end()) {
            ++metrics.connectionsReplaced;
            log(common::LogLevel::Info, "connection_replaced", "a new connection replaces the open one",
                {{"device", *deviceId}});
            boost::system::error_code ignored;
            it->second->socket->shutdown(tcp::socket::shutdown_both, ignored);
        }
        LiveConnection live{&lowest, &ws, {}, false, false, false, asio::steady_timer(io)};
        liveDevices[*deviceId] = &live;
        struct Unlist {
            Impl* self;
            std::string device;
            LiveConnection* live;
            ~Unlist() {
                if (auto it = self->liveDevices.find(device);
                    it != self->liveDevices.end() && it->second == live) {
                    self->liveDevices.erase(it);
                }
            }
        } unlist{this, *deviceId, &live};

        ++metrics.sessionsTotal;
        ++metrics.connectedDevices;
        co_await serveDevice(ws, *deviceId, live);
        live.idle = false;
        co_await writesDone(live); // a ChangesWaiting in flight uses this frame's stream: let it end first
        --metrics.connectedDevices;
    }

    /** After a refused handshake the alert saying why is on its way. Closing now, with the client's next
     *  flight still unread, would send a reset that can overtake the alert, and the device would report
     *  "offline" instead of "refused". So: end our side, read until the client closes (or a short limit). */
    static asio::awaitable<void> drainAndClose(tcp::socket& socket, Deadline& deadline) {
        boost::system::error_code ignored;
        socket.shutdown(tcp::socket::shutdown_send, ignored);
        deadline.arm(std::chrono::seconds(2));
        std::array<char, 512> sink{};
        while (true) {
            auto [ec, n] = co_await socket.async_read_some(asio::buffer(sink), kTuple);
            if (ec) {
                co_return;
            }
        }
    }

    asio::awaitable<bool> send(WsStream& ws, const protocol::Envelope& envelope) {
        const std::string frame = protocol::encodeFrame(envelope);
        auto [ec, written] = co_await ws.async_write(asio::buffer(frame), kTuple);
        if (ec) {
            co_return false;
        }
        metrics.bytesOut += frame.size();
        co_return true;
    }

    /** Waits until no ChangesWaiting is being written on `live` (one write at a time on a WebSocket). */
    static asio::awaitable<void> writesDone(LiveConnection& live) {
        while (live.writing) {
            live.writeDone.expires_after(std::chrono::seconds(30));
            co_await live.writeDone.async_wait(kTuple);
        }
    }

    static protocol::Envelope changesWaiting() {
        protocol::Envelope envelope;
        envelope.mutable_changes_waiting();
        return envelope;
    }

    /** Tells the device on `live` that its unit has changes: now when it is between rounds, else when its
     *  round is over. */
    void wake(LiveConnection& live) {
        if (!live.idle || live.writing) {
            live.wakeQueued = true;
            return;
        }
        live.writing = true;
        ++metrics.wakeUps;
        asio::co_spawn(
            io,
            [this, &live]() -> asio::awaitable<void> {
                (void)co_await send(*live.ws, changesWaiting()); // a failed write shows in the device's read
                live.writing = false;
                live.writeDone.cancel();
            },
            [](const std::exception_ptr&) {});
    }

    /** Wakes the connected devices of `units`, except `author` (who knows its own changes). */
    void wakeUnits(const std::vector<std::string>& units, const std::string& author = {}) {
        for (const auto& [device, live] : liveDevices) {
            if (device != author && !live->unit.empty() &&
                std::find(units.begin(), units.end(), live->unit) != units.end()) {
                wake(*live);
            }
        }
    }

    asio::awaitable<void> serveDevice(WsStream& ws, const std::string& deviceId, LiveConnection& live) {
        HubSession session;
        std::int64_t started = 0;
        beast::flat_buffer buffer;
        while (!stopped) {
            // A big push leaves a big buffer behind; an idle connection should not keep it.
            buffer.clear();
            buffer.shrink_to_fit();
            if (live.wakeQueued) {
                live.wakeQueued = false;
                ++metrics.wakeUps;
                if (!co_await send(ws, changesWaiting())) {
                    co_return;
                }
            }
            live.idle = true;
            auto [ec, n] = co_await ws.async_read(buffer, kTuple);
            live.idle = false;
            co_await writesDone(live); // nothing of this round is written while a ChangesWaiting still is
            if (ec) {
                if (ec == beast::error::timeout) {
                    log(common::LogLevel::Info, "connection_idle",
                        "closed, silent for longer than the idle timeout", {{"device", deviceId}});
                }
                if (ec == websocket::error::message_too_big) {
                    ++metrics.framesRejected;
                    log(common::LogLevel::Warning, "frame_too_large", "closed, frame larger than the limit",
                        {{"device", deviceId}});
                    co_await ws.async_close(websocket::close_code::too_big, kTuple);
                }
                co_return;
            }
            metrics.bytesIn += n;
            const auto data = buffer.cdata();
            const std::string_view frame(static_cast<const char*>(data.data()), data.size());
            // Bounds are checked on the wire format, before the parser allocates anything for the frame.
            if (auto bounded = protocol::checkFrameBounds(frame); !bounded) {
                co_await reject(ws, deviceId, bounded.error().message);
                co_return;
            }
            auto envelope = protocol::decodeFrame(frame);
            buffer.clear();
            buffer.shrink_to_fit(); // the parsed message holds what is needed; the frame's memory goes back
            if (!envelope) {
                co_await reject(ws, deviceId, envelope.error().message);
                co_return;
            }
            // A hello opens a round; on an open connection every round starts with one, so the hub checks
            // revocation and the device's cursor each time without a new handshake.
            if (envelope->has_hello()) {
                started = env.nowMs();
                ++metrics.roundsTotal;
                auto welcome =
                    co_await onStore([&] { return service.greet(envelope->hello(), deviceId, session); });
                if (!welcome) {
                    co_await reject(ws, deviceId, welcome.error().message);
                    co_return;
                }
                log(common::LogLevel::Info, "device_hello",
                    "hello, protocol " + std::to_string(envelope->hello().protocol_version()) + ", cursor " +
                        std::to_string(envelope->hello().pull_cursor()),
                    {{"device", deviceId},
                     {"protocol", std::to_string(envelope->hello().protocol_version())},
                     {"cursor", std::to_string(envelope->hello().pull_cursor())}});
                // Read before the welcome moves into the reply (a moved-from message is empty).
                const bool wipeOrderSent = welcome->has_wipe_order();
                protocol::Envelope reply;
                *reply.mutable_welcome() = std::move(*welcome);
                if (!co_await send(ws, reply)) {
                    co_return;
                }
                if (!session.greeted) {
                    co_await ws.async_close(websocket::close_code::policy_error, kTuple);
                    co_return;
                }
                live.unit = session.unit;
                if (wipeOrderSent) {
                    log(common::LogLevel::Notice, "wipe_order_sent", "wipe order sent with the welcome",
                        {{"device", deviceId}});
                }
                continue;
            }
            if (envelope->has_push() && session.greeted) {
                auto reply =
                    co_await onStore([&] { return service.sync(deviceId, envelope->push(), session); });
                if (!reply) {
                    co_await reject(ws, deviceId, reply.error().message);
                    co_return;
                }
                if (countReply(deviceId, envelope->push(), *reply) > 0 && !changeFeed) {
                    wakeUnits({session.unit}, deviceId);
                }
                if (reply->has_wipe_order()) {
                    log(common::LogLevel::Notice, "push_quarantined",
                        std::to_string(reply->acks_size()) +
                            " pushed operations taken into quarantine; wipe order sent",
                        {{"device", deviceId}, {"operations", std::to_string(reply->acks_size())}});
                }
                metrics.observeSyncDuration(static_cast<double>(env.nowMs() - started) / 1000.0);
                protocol::Envelope out;
                *out.mutable_reply() = std::move(*reply);
                if (!co_await send(ws, out)) {
                    co_return;
                }
                started = env.nowMs();
                continue;
            }
            if (envelope->has_attachment_offer() && session.greeted) {
                auto status = co_await onStore(
                    [&] { return service.offer(deviceId, envelope->attachment_offer(), session); });
                if (!status) {
                    co_await reject(ws, deviceId, status.error().message);
                    co_return;
                }
                ++metrics.attachmentOffers;
                if (!status->refused().empty()) {
                    log(common::LogLevel::Warning, "attachment_refused",
                        "attachment refused: " + status->refused(), {{"device", deviceId}});
                }
                protocol::Envelope out;
                *out.mutable_attachment_status() = std::move(*status);
                if (!co_await send(ws, out)) {
                    co_return;
                }
                continue;
            }
            if (envelope->has_attachment_chunk() && session.greeted) {
                std::optional<ChunkStored> stored;
                auto ack = co_await onStore(
                    [&] { return service.chunk(deviceId, envelope->attachment_chunk(), session, stored); });
                if (!ack) {
                    co_await reject(ws, deviceId, ack.error().message);
                    co_return;
                }
                countChunk(deviceId, *ack, stored);
                protocol::Envelope out;
                *out.mutable_chunk_ack() = std::move(*ack);
                if (!co_await send(ws, out)) {
                    co_return;
                }
                continue;
            }
            if (envelope->has_attachment_request() && session.greeted) {
                auto answer = co_await onStore(
                    [&] { return service.request(deviceId, envelope->attachment_request(), session); });
                if (!answer) {
                    co_await reject(ws, deviceId, answer.error().message);
                    co_return;
                }
                if (answer->has_attachment_chunk()) {
                    ++(answer->attachment_chunk().is_slice() ? metrics.chunkSlicesServed
                                                             : metrics.chunksServed);
                }
                if (!co_await send(ws, *answer)) {
                    co_return;
                }
                continue;
            }
            if (envelope->has_wipe_confirm() && session.greeted) {
                // The device's last word: it is wiping itself. From now on it is refused at TLS.
                if (auto st = co_await onStore(
                        [&] { return service.confirmWipe(deviceId, envelope->wipe_confirm()); });
                    !st) {
                    co_await reject(ws, deviceId, st.error().message);
                    co_return;
                }
                log(common::LogLevel::Notice, "wipe_confirmed", "confirmed its wipe order",
                    {{"device", deviceId}});
                co_await ws.async_close(websocket::close_code::normal, kTuple);
                co_return;
            }
            co_await reject(ws, deviceId,
                            session.greeted ? "unexpected message" : "a message before the hello");
            co_return;
        }
    }

    /** One enrolment: request in, reply out, connection closed; the whole exchange under the handshake limit.
     */
    asio::awaitable<void> serveEnrolment(WsStream& ws, const std::string& upgrade, Deadline& deadline) {
        if (auto [ec] = co_await ws.async_accept(asio::buffer(upgrade), kTuple); ec) {
            ++metrics.handshakeFailures;
            co_return;
        }
        ws.binary(true);
        ws.read_message_max(64 * 1024); // a request is a few kilobytes
        beast::flat_buffer buffer;
        deadline.arm(limits.handshake);
        if (auto [ec, n] = co_await ws.async_read(buffer, kTuple); ec) {
            log(common::LogLevel::Notice, "enrolment_no_request",
                "enrolment: no request (" + ec.message() + ")");
            co_return;
        }
        const auto data = buffer.cdata();
        auto envelope =
            protocol::decodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
        auto binding = tls::enrolmentChannelBinding(ws.next_layer().native_handle());
        protocol::Envelope out;
        if (!envelope || !envelope->has_enrol_request() || !binding || enrolment == nullptr) {
            out.mutable_enrol_reply()->set_status(protocol::EnrolReply::REFUSED);
            out.mutable_enrol_reply()->set_reason(enrolment == nullptr
                                                      ? "This center does not enrol devices over the network."
                                                      : "The enrolment request is malformed.");
        } else {
            *out.mutable_enrol_reply() =
                co_await onStore([&] { return enrolment->enrol(envelope->enrol_request(), *binding); });
        }
        const auto& reply = out.enrol_reply();
        if (reply.status() == protocol::EnrolReply::OK) {
            log(common::LogLevel::Notice, "device_enrolled", "device enrolled in unit " + reply.unit(),
                {{"device", envelope->enrol_request().device_id()}, {"unit", reply.unit()}});
        } else {
            log(common::LogLevel::Notice, "enrolment_refused", "enrolment refused: " + reply.reason());
        }
        deadline.arm(limits.handshake);
        const std::string frame = protocol::encodeFrame(out);
        if (auto [ec, n] = co_await ws.async_write(asio::buffer(frame), kTuple); ec) {
            co_return;
        }
        co_await ws.async_close(websocket::close_code::normal, kTuple);
    }

    /** Counts and logs a push's outcome; returns how many of its operations were applied. */
    std::size_t countReply(const std::string& deviceId, const protocol::PushBatch& batch,
                           const protocol::SyncReply& reply) {
        std::size_t applied = 0;
        for (const auto& ack : reply.acks()) {
            applied += ack.result() == protocol::PushAck::APPLIED ? 1 : 0;
            metrics.conflicts += ack.conflicted() ? 1 : 0;
        }
        metrics.opsApplied += applied;
        if (batch.ops_size() > 0 || reply.changes_size() > 0) {
            log(common::LogLevel::Info, "push_applied",
                std::to_string(applied) + " of " + std::to_string(batch.ops_size()) + " applied, " +
                    std::to_string(reply.changes_size()) + " changes sent, checkpoint " +
                    std::to_string(reply.checkpoint()),
                {{"device", deviceId},
                 {"applied", std::to_string(applied)},
                 {"operations", std::to_string(batch.ops_size())},
                 {"changes_sent", std::to_string(reply.changes_size())},
                 {"checkpoint", std::to_string(reply.checkpoint())}});
        }
        return applied;
    }

    void countChunk(const std::string& deviceId, const protocol::ChunkAck& ack,
                    const std::optional<ChunkStored>& stored) {
        if (ack.incomplete()) {
            ++metrics.chunkSlicesHeld; // a chunk counts as received once it is whole
            return;
        }
        ++metrics.chunksReceived;
        if (!ack.refused().empty()) {
            ++metrics.chunksRefused;
            log(common::LogLevel::Warning, "chunk_refused",
                "attachment chunk " + std::to_string(ack.index()) + " refused: " + ack.refused(),
                {{"device", deviceId}, {"chunk", std::to_string(ack.index())}});
        } else if (stored == ChunkStored::Duplicate) {
            ++metrics.chunksDuplicate;
        } else {
            ++metrics.chunksStored;
        }
    }

    asio::awaitable<void> reject(WsStream& ws, const std::string& deviceId, const std::string& reason) {
        ++metrics.framesRejected;
        log(common::LogLevel::Warning, "connection_refused", "connection closed: " + reason,
            {{"device", deviceId}});
        co_await ws.async_close(websocket::close_reason(websocket::close_code::policy_error), kTuple);
    }

    asio::awaitable<void> acceptOps() {
        while (!stopped) {
            auto [ec, socket] = co_await opsAcceptor->async_accept(kTuple);
            if (ec) {
                if (stopped) {
                    co_return;
                }
                continue;
            }
            spawn(opsSession(std::move(socket)), "ops request");
        }
    }

    asio::awaitable<void> opsSession(tcp::socket socket) {
        beast::tcp_stream stream(std::move(socket));
        beast::flat_buffer buffer;
        ops_http::Parser parser;
        ops_http::configure(parser);
        stream.expires_after(limits.handshake);
        if (auto [ec, n] = co_await http::async_read(stream, buffer, parser, kTuple); ec) {
            if (ec == http::error::header_limit || ec == http::error::body_limit) {
                ops_http::Response tooLarge{http::status::request_header_fields_too_large, 11};
                tooLarge.keep_alive(false);
                tooLarge.prepare_payload();
                co_await http::async_write(stream, tooLarge, kTuple);
            }
            co_return;
        }
        auto response = ops_http::respond(parser.get(), metrics);
        co_await http::async_write(stream, response, kTuple);
        boost::system::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    }
};

HubServer::HubServer(asio::io_context& io, asio::ssl::context& tls, CenterStore& store, HubEnvironment env,
                     HubLimits limits, HubPolicy policy, EnrolmentService* enrolment)
    : m_impl(std::make_unique<Impl>(io, tls, store, std::move(env), limits, policy, enrolment)) {}

HubServer::~HubServer() = default;

Result<tcp::endpoint> HubServer::listen(const common::HostPort& where) {
    return m_impl->bind(m_impl->syncAcceptor, where);
}

Result<tcp::endpoint> HubServer::listenOps(const common::HostPort& where) {
    return m_impl->bind(m_impl->opsAcceptor, where);
}

void HubServer::start() {
    if (m_impl->syncAcceptor) {
        m_impl->spawn(m_impl->acceptSync(), "sync listener");
    }
    if (m_impl->opsAcceptor) {
        m_impl->spawn(m_impl->acceptOps(), "ops listener");
    }
}

void HubServer::stop() {
    m_impl->stopped = true;
    boost::system::error_code ignored;
    for (auto* acceptor : {&m_impl->syncAcceptor, &m_impl->opsAcceptor}) {
        if (*acceptor) {
            (*acceptor)->close(ignored);
        }
    }
    for (auto* socket : m_impl->openSockets) {
        socket->cancel(ignored);
        socket->shutdown(tcp::socket::shutdown_both, ignored);
    }
}

const HubMetrics& HubServer::metrics() const {
    return m_impl->metrics;
}

void HubServer::noteUnitsChanged(std::vector<std::string> units) {
    // Metrics and connections belong to the I/O thread.
    asio::post(m_impl->io, [impl = m_impl.get(), units = std::move(units)] {
        impl->metrics.unitChangeNotices += units.size();
        impl->wakeUnits(units);
    });
}

void HubServer::useChangeFeed() {
    asio::post(m_impl->io, [impl = m_impl.get()] { impl->changeFeed = true; });
}

} // namespace fieldkit::hub
