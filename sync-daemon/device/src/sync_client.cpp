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
#include <deque>
#include <fieldkit/common/tcp_counters.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/device/attachment_round.hpp>
#include <fieldkit/device/device_wipe.hpp>
#include <fieldkit/device/operation_mapping.hpp>
#include <fieldkit/device/push_window.hpp>
#include <fieldkit/device/slice_window.hpp>
#include <fieldkit/device/sync_client.hpp>
#include <fieldkit/device/sync_round.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/device/transfer_progress.hpp>
#include <fieldkit/engine/attachment_lane.hpp>
#include <fieldkit/engine/wipe_order.hpp>
#include <fieldkit/hw/sync_plan.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <fieldkit/version.hpp>
#include <map>
#include <optional>
#include <set>

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

/** One open connection to the hub. A reader takes every frame off the wire as it arrives, so the hub's
 *  keep-alive pings are answered while the daemon is idle and a dropped link is noticed at once; a round
 *  waits for the envelopes the reader hands over, each wait with a deadline. */
class HubConnection {
public:
    HubConnection(const asio::any_io_executor& executor, asio::ssl::context& tls)
        : m_ws(executor, tls)
        , m_wake(executor) {}

    /** TCP, TLS 1.3 (the hub must show the pinned key) and the WebSocket upgrade, under one deadline each. */
    static asio::awaitable<Status> connect(std::shared_ptr<HubConnection> self, common::HostPort hub,
                                           ClientLimits limits) {
        auto& ws = self->m_ws;
        tcp::resolver resolver(ws.get_executor());
        auto [rec, endpoints] = co_await resolver.async_resolve(hub.host, std::to_string(hub.port), kTuple);
        if (rec) {
            co_return offline("resolving " + hub.host, rec);
        }
        auto& lowest = beast::get_lowest_layer(ws);
        lowest.expires_after(limits.connect);
        if (auto [ec, ep] = co_await lowest.async_connect(endpoints, kTuple); ec) {
            co_return offline("connecting", ec);
        }
        boost::system::error_code noDelay;
        lowest.socket().set_option(tcp::no_delay(true), noDelay); // hello and batch leave in one flight
        lowest.expires_after(limits.connect);
        if (auto [ec] = co_await ws.next_layer().async_handshake(asio::ssl::stream_base::client, kTuple);
            ec) {
            if (ec.category() == asio::error::get_ssl_category()) {
                co_return makeError("hub_untrusted",
                                    "The center refused this device or did not present the pinned key (" +
                                        ec.message() + ").");
            }
            co_return offline("TLS handshake", ec);
        }
        lowest.expires_after(limits.connect);
        if (auto [ec] = co_await ws.async_handshake(hub.host, "/sync/v1", kTuple); ec) {
            // In TLS 1.3 the hub checks the client certificate after the client's side of the handshake is
            // done, so a refused (revoked or wiped) device learns of it only here, from the hub's TLS alert.
            if (ec.category() == asio::error::get_ssl_category()) {
                co_return makeError("hub_untrusted",
                                    "The center refused this device (" + ec.message() + ").");
            }
            co_return offline("WebSocket handshake", ec);
        }
        // From here the WebSocket's own timers watch the connection: the closing handshake gets the connect
        // limit, and a connection silent for `idle` is lost (a ping goes out after half of it).
        lowest.expires_never();
        ws.set_option(websocket::stream_base::timeout{limits.connect, limits.idle, true});
        ws.binary(true);
        ws.read_message_max(protocol::kMaxFrameBytes);
        self->m_open = true;
        asio::co_spawn(ws.get_executor(), readLoop(self), [self](const std::exception_ptr& error) {
            if (error) {
                self->fail(makeError("internal", "The connection's reader failed."));
            }
        });
        co_return Status();
    }

    [[nodiscard]] bool isOpen() const { return m_open; }

    asio::awaitable<Status> send(const protocol::Envelope& envelope) {
        const std::string frame = protocol::encodeFrame(envelope);
        if (auto [ec, n] = co_await m_ws.async_write(asio::buffer(frame), kTuple); ec) {
            fail(offline("sending", ec));
            co_return *m_failure;
        }
        co_return Status();
    }

    /** The next envelope from the hub, or an error when the connection is lost or the link stalls. A wait
     *  runs `timeout` (which the caller derives from the bytes outstanding and the measured rate); when it
     *  runs out while the link is still moving bytes (the kernel's TCP counters advanced), it is extended by
     *  as much again, so a slow but working link is never declared dead. A link that carried nothing for a
     *  whole `timeout` is. */
    asio::awaitable<Result<protocol::Envelope>> next(std::chrono::steady_clock::duration timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        auto seen = counters();
        while (m_inbox.empty()) {
            if (!m_open) {
                co_return m_failure.value_or(makeError("offline", "No contact with the center."));
            }
            if (std::chrono::steady_clock::now() >= deadline) {
                const auto now = counters();
                if (now && seen && (now->sent != seen->sent || now->received != seen->received)) {
                    seen = now;
                    deadline = std::chrono::steady_clock::now() + timeout;
                    continue;
                }
                fail(makeError(
                    "offline",
                    "No contact with the center (the link carried nothing for " +
                        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()) +
                        " s while an answer was due)."));
                drop();
                co_return *m_failure;
            }
            m_wake.expires_at(deadline);
            co_await m_wake.async_wait(kTuple); // the reader cancels it when a frame arrives
        }
        auto [envelope, bytes] = std::move(m_inbox.front());
        m_inbox.pop_front();
        m_lastFrameBytes = bytes;
        co_return envelope;
    }

    /** Whether the hub said the unit has changes since the last call (ChangesWaiting), clearing it. */
    [[nodiscard]] bool takeChangesWaiting() { return std::exchange(m_changesWaiting, false); }

    /** Size of the frame the last `next` returned, for the link's measured rate. */
    [[nodiscard]] std::size_t lastFrameBytes() const { return m_lastFrameBytes; }

    /** The closing handshake (bounded by the connect limit); the reader ends with it. */
    asio::awaitable<void> close() {
        if (m_open) {
            m_open = false;
            co_await m_ws.async_close(websocket::close_code::normal, kTuple);
        }
    }

    /** Drops the connection at once, for a broken round or a link that went down. */
    void drop() {
        m_open = false;
        boost::system::error_code ignored;
        beast::get_lowest_layer(m_ws).socket().close(ignored);
        m_wake.cancel();
    }

    [[nodiscard]] std::optional<common::TcpCounters> counters() {
        return common::tcpCounters(beast::get_lowest_layer(m_ws).socket().native_handle());
    }

private:
    static asio::awaitable<void> readLoop(std::shared_ptr<HubConnection> self) {
        while (true) {
            beast::flat_buffer buffer;
            if (auto [ec, n] = co_await self->m_ws.async_read(buffer, kTuple); ec) {
                self->fail(offline("the connection was lost", ec));
                co_return;
            }
            const auto data = buffer.cdata();
            auto envelope =
                protocol::decodeFrame(std::string_view(static_cast<const char*>(data.data()), data.size()));
            if (!envelope) {
                self->fail(makeError("protocol_violation",
                                     "The center sent a reply this device does not understand."));
                self->drop();
                co_return;
            }
            if (envelope->has_changes_waiting()) {
                // Unasked: the unit has changes. Not part of any round's exchange; the daemon's loop picks it
                // up (changesWaiting) and runs a round at once.
                self->m_changesWaiting = true;
                continue;
            }
            self->m_inbox.emplace_back(std::move(*envelope), data.size());
            self->m_wake.cancel();
        }
    }

    void fail(Error error) {
        m_open = false;
        if (!m_failure) {
            m_failure = std::move(error);
        }
        m_wake.cancel();
    }

    WsStream m_ws;
    asio::steady_timer m_wake;
    std::deque<std::pair<protocol::Envelope, std::size_t>> m_inbox;
    std::size_t m_lastFrameBytes = 0;
    bool m_open = false;
    bool m_changesWaiting = false;
    std::optional<Error> m_failure;
};

/** The operation exchange of a round: hello and the first push leave together without waiting for the
 *  welcome, so a round with nothing to do is one round trip. Pushes, each a byte-bounded slice of the outbox
 *  sized from the link, follow one another without waiting while the window has room; each answer is
 *  applied in its own transaction as it arrives, so a cut costs only what was in flight. An order in the
 *  welcome (a wipe) is obeyed before anything depends on a push. A broken exchange drops the connection. */
asio::awaitable<Result<SessionResult>> exchangeOps(HubConnection& link, store::SyncQueue& queue,
                                                   const common::DeviceSyncConfig& config,
                                                   const ClientLimits& limits, engine::LinkPace& pace,
                                                   RoundFigures& f) {
    const std::string& deviceId = config.deviceId;
    auto position = queue.position();
    if (!position) {
        co_return position.error();
    }
    f.pendingAtStart = static_cast<std::uint64_t>(position->pendingOps);
    f.cursorAtStart = position->pullCursor;
    f.checkpoint = position->pullCursor;
    protocol::Envelope hello;
    *hello.mutable_hello() =
        engine::makeHello({deviceId, position->pullCursor, position->lastAckedDeviceSeq, kVersion});
    hello.mutable_hello()->set_max_changes(limits.pageChanges);
    if (auto st = co_await link.send(hello); !st) {
        co_return st.error();
    }
    PushWindow window(pace, limits.batchOps);
    std::size_t pushes = 0;
    const auto fill = [&]() -> asio::awaitable<Status> {
        while (true) {
            auto next = window.next(queue);
            if (!next) {
                co_return next.error();
            }
            if (!*next) {
                co_return Status();
            }
            protocol::Envelope push;
            *push.mutable_push() = std::move(**next);
            const auto bytes = push.ByteSizeLong();
            if (pushes++ == 0) {
                f.batchOps = static_cast<std::uint64_t>(push.push().ops_size());
                f.batchBytes = bytes;
            }
            if (auto st = co_await link.send(push); !st) {
                co_return st.error();
            }
            window.sent(push.push(), bytes, std::chrono::steady_clock::now());
        }
    };
    // A push that cannot be built (a damaged store) must not keep an order from reaching the device: the
    // welcome is read first, and the failure reported after.
    auto firstFill = co_await fill();
    auto welcome = co_await link.next(pace.answerDeadline(window.outstandingBytes()));
    if (!welcome) {
        co_return welcome.error();
    }
    if (!welcome->has_welcome()) {
        link.drop();
        co_return makeError("protocol_violation", "The center did not answer the hello.");
    }
    SessionResult result;
    result.outcome = engine::evaluateWelcome(welcome->welcome());
    result.reason = welcome->welcome().reason();
    result.hubHead = welcome->welcome().server_head();
    f.hubHead = result.hubHead;
    if (result.outcome != engine::HandshakeOutcome::Proceed) {
        link.drop(); // the hub closes this connection anyway; the outbox is kept, untouched
        co_return result;
    }
    if (welcome->welcome().has_wipe_order()) {
        // Checked before anything else: an order this device cannot trust changes nothing at all. The pushes
        // already sent are the hub's to quarantine; their answers are not awaited.
        const auto& order = welcome->welcome().wipe_order();
        if (auto valid = engine::checkWipeOrder(order, deviceId, config.centerSigningKey); !valid) {
            link.drop();
            co_return makeError("untrusted_wipe_order",
                                "Refused a wipe order this device cannot trust; nothing was wiped (" +
                                    valid.error().message + ")");
        }
        result.wipeOrderId = order.order_id();
        co_return result;
    }
    if (!firstFill) {
        link.drop();
        co_return firstFill.error();
    }
    if (welcome->welcome().last_applied_device_seq() < position->lastAckedDeviceSeq) {
        // The center was restored from a backup that lacks changes it acknowledged to this device. It
        // applies nothing of this exchange (its answers to the pushes in flight are empty); the lost changes
        // go back into the outbox with their old numbers, and the next hello sends them again.
        auto requeued = queue.requeueAfter(welcome->welcome().last_applied_device_seq());
        if (!requeued) {
            link.drop();
            co_return requeued.error();
        }
        result.requeued = *requeued;
        window.stop();
    }
    // The center lost chunks of these (a restore from a backup): they go again, offered as if new.
    for (const auto& id : welcome->welcome().resend_attachments()) {
        if (auto st = queue.reopenAttachment(sqlite::Bytes(id.begin(), id.end())); !st) {
            link.drop();
            co_return st.error();
        }
    }
    while (!window.empty()) {
        auto reply = co_await link.next(pace.answerDeadline(window.outstandingBytes()));
        if (!reply) {
            co_return reply.error();
        }
        if (!reply->has_reply()) {
            link.drop();
            co_return makeError("protocol_violation", "The center sent something other than a sync reply.");
        }
        ++result.roundTrips;
        // A wipe order is checked before anything of the reply is applied: one this device cannot trust
        // leaves the outbox and the store exactly as they were.
        const bool wipeOrdered = reply->reply().has_wipe_order();
        if (wipeOrdered) {
            if (auto valid =
                    engine::checkWipeOrder(reply->reply().wipe_order(), deviceId, config.centerSigningKey);
                !valid) {
                link.drop();
                co_return makeError("untrusted_wipe_order",
                                    "Refused a wipe order this device cannot trust; nothing was wiped (" +
                                        valid.error().message + ")");
            }
        }
        auto round = applyReply(queue, reply->reply());
        if (!round) {
            link.drop();
            co_return round.error();
        }
        if (auto ignored =
                window.answered(reply->reply(), link.lastFrameBytes(), std::chrono::steady_clock::now());
            !ignored.empty() && result.requeued == 0) {
            // A hub from before issue 18: the views stay on this device, marked, until the case changes. (A
            // restored center answers the pushes of the exchange that found it behind with nothing at all:
            // their views go again with the next hello.)
            if (auto st = queue.citizenViewsAnswered(ignored); !st) {
                link.drop();
                co_return st.error();
            }
        }
        result.pushed += round->acknowledged;
        result.rejected += round->rejected;
        result.pulled += round->pulled;
        result.diverged = result.diverged || round->diverged;
        f.acknowledged = result.pushed;
        f.pulled = result.pulled;
        f.checkpoint = reply->reply().checkpoint();
        if (wipeOrdered) {
            result.wipeOrderId = reply->reply().wipe_order().order_id();
            co_return result;
        }
        if (round->diverged) {
            // The pull starts again from the beginning with the next hello; the answers in flight still
            // come and are applied (applying is idempotent).
            window.stop();
        }
        if (auto st = co_await fill(); !st) {
            co_return st.error();
        }
    }
    auto left = queue.pending(1);
    if (!left) {
        co_return left.error();
    }
    result.outboxEmpty = left->empty();
    result.reachedHead = !window.more() && !result.diverged;
    co_return result;
}

/** What the attachment lane did in one round. */
struct LaneResult {
    std::size_t completed = 0; // attachments the hub now holds whole (their held-back operations may go)
    std::size_t chunksSent = 0;
    bool empty = false; // nothing is left to send
};

/** The attachment lane, after the operations (they have priority, so it yields to them between chunks):
 *  offers each attachment the hub has not fully acknowledged, then sends the chunks it lacks one at a time,
 *  each marked acknowledged as its ack arrives. One chunk in flight, so a drop costs at most that chunk
 * again; on 2G its transfer (~26 s) dwarfs the round trip the window of one adds (~0.6 s). */
asio::awaitable<Result<LaneResult>> attachmentLane(HubConnection& link, store::SyncQueue& queue,
                                                   engine::LinkPace& pace, RoundFigures& f) {
    LaneResult lane;
    // Progress describes this pass: after a yield to operations the offers are answered afresh.
    f.attachmentsOffered = 0;
    f.attachmentsDone = 0;
    f.chunkBytesMissing = 0;
    f.chunkBytesAcked = 0;
    auto outgoing = queue.outgoingAttachments();
    if (!outgoing) {
        co_return outgoing.error();
    }
    std::set<sqlite::Bytes> offered;
    std::map<sqlite::Bytes, std::pair<std::uint64_t, std::uint32_t>> left;   // size, chunks still missing
    std::map<sqlite::Bytes, std::pair<std::uint32_t, std::uint64_t>> resume; // chunk the hub holds part of
    for (const auto& attachment : *outgoing) {
        protocol::Envelope offer;
        *offer.mutable_attachment_offer() = toWire(attachment);
        if (auto st = co_await link.send(offer); !st) {
            co_return st.error();
        }
        auto answer = co_await link.next(pace.answerDeadline(offer.ByteSizeLong()));
        if (!answer) {
            co_return answer.error();
        }
        if (!answer->has_attachment_status()) {
            link.drop();
            co_return makeError("protocol_violation", "The center did not answer an attachment offer.");
        }
        auto missing = applyAttachmentStatus(queue, attachment, answer->attachment_status());
        if (!missing && missing.error().code == "attachment_refused") {
            continue; // marked "needs attention"; the operations after it no longer wait for it
        }
        if (!missing) {
            if (missing.error().code == "protocol_violation") {
                link.drop();
            }
            co_return missing.error();
        }
        ++f.attachmentsOffered;
        f.chunkBytesMissing += engine::cipherBytesOf(attachment.size, *missing);
        if (const auto& status = answer->attachment_status(); status.partial_bytes() > 0) {
            resume[attachment.attachmentId] = {status.partial_index(), status.partial_bytes()};
        }
        offered.insert(attachment.attachmentId);
        if (missing->empty()) {
            ++f.attachmentsDone;
            ++lane.completed;
        } else {
            left[attachment.attachmentId] = {attachment.size, static_cast<std::uint32_t>(missing->size())};
        }
    }
    while (true) {
        auto next = queue.unacknowledgedChunks(1);
        if (!next) {
            co_return next.error();
        }
        // An attachment saved while the lane ran is offered in the next round, never sent unannounced.
        if (next->empty() || !offered.contains(next->front().attachmentId)) {
            break;
        }
        if (lane.chunksSent > 0) {
            // Operations have priority: once this pass moved a chunk, a save made meanwhile (or the operation
            // an attachment just released) goes first; the next pass resumes here.
            auto waiting = queue.pending(1);
            if (!waiting) {
                co_return waiting.error();
            }
            if (!waiting->empty()) {
                co_return lane; // `empty` stays false
            }
        }
        const auto& chunk = next->front();
        // A chunk larger than the link carries between cuts goes in slices sized like a push; the hub holds
        // each slice it acknowledges, and after a cut says (in its answer to the offer) where to go on.
        std::uint64_t from = 0;
        if (auto it = resume.find(chunk.attachmentId);
            it != resume.end() && it->second.first == chunk.index) {
            from = std::min<std::uint64_t>(it->second.second, chunk.data.size());
            resume.erase(it);
        }
        std::optional<Result<protocol::Envelope>> ack;
        // A hub that keeps losing what it held (restarting, or holding too many devices' slices) cannot keep
        // the lane going round: after that many slices the pass ends and the next round tries again.
        for (std::size_t slices = 0; slices < 3 * (chunk.data.size() / 1024 + 2); ++slices) {
            protocol::Envelope out;
            const std::uint64_t rest = chunk.data.size() - from;
            const std::uint64_t bytes =
                engine::nextSliceBytes(rest, pace.pushBytes(), pace.limits().minPushBytes);
            *out.mutable_attachment_chunk() = sliceToWire(chunk, from, bytes);
            const auto sentAt = std::chrono::steady_clock::now();
            if (auto st = co_await link.send(out); !st) {
                co_return st.error();
            }
            ack = co_await link.next(pace.answerDeadline(out.ByteSizeLong()));
            if (!*ack) {
                co_return ack->error();
            }
            if (!(*ack)->has_chunk_ack()) {
                link.drop();
                co_return makeError("protocol_violation",
                                    "The center did not acknowledge an attachment chunk.");
            }
            pace.answered(out.ByteSizeLong(), std::chrono::steady_clock::now() - sentAt);
            const auto held = heldAfterSlice(chunk, (*ack)->chunk_ack());
            if (!held) {
                break; // the chunk is whole at the hub (or refused): taken below
            }
            f.chunkBytesAcked += *held > from ? *held - from : 0;
            from = *held;
            ack.reset();
        }
        ++lane.chunksSent;
        if (!ack) {
            co_return lane; // `empty` stays false
        }
        if (auto st = applyChunkAck(queue, chunk, (*ack)->chunk_ack()); !st) {
            if (st.error().code == "chunk_refused") {
                left.erase(chunk.attachmentId); // marked refused: its other chunks are not sent
                continue;
            }
            if (st.error().code == "protocol_violation") {
                link.drop();
            }
            co_return st.error();
        }
        ++f.chunksAcked;
        f.chunkBytesAcked += chunk.data.size() - from; // slices before counted as they were held
        if (auto it = left.find(chunk.attachmentId); it != left.end() && --it->second.second == 0) {
            left.erase(it);
            ++f.attachmentsDone;
            ++lane.completed;
        }
    }
    auto rest = queue.outgoingAttachments();
    if (!rest) {
        co_return rest.error();
    }
    lane.empty = rest->empty();
    co_return lane;
}

/** What the download lane did in one round. */
struct DownloadResult {
    std::size_t completed = 0; // attachments now held whole here
    std::size_t chunks = 0;
    bool done = false; // nothing is left to fetch
};

/** Attachments asked for per pass of the download lane; the next pass (or round) takes the rest. */
constexpr int kDownloadsPerPass = 16;

/** Asks the hub for one thing of an attachment and waits for the answer, feeding the link's pace. */
asio::awaitable<Result<protocol::Envelope>> ask(HubConnection& link, engine::LinkPace& pace,
                                                const protocol::AttachmentRequest& request,
                                                std::size_t expectedBytes) {
    protocol::Envelope out;
    *out.mutable_attachment_request() = request;
    const auto sent = std::chrono::steady_clock::now();
    if (auto st = co_await link.send(out); !st) {
        co_return st.error();
    }
    auto answer = co_await link.next(pace.answerDeadline(expectedBytes));
    if (!answer) {
        co_return answer.error();
    }
    pace.answered(out.ByteSizeLong() + link.lastFrameBytes(), std::chrono::steady_clock::now() - sent);
    co_return answer;
}

/** Reads the answers to the slice requests still in flight after the hub said it does not hold the chunk:
 *  they are for the same chunk, so they say the same, and the connection goes on with the next request. */
asio::awaitable<Status> drainSlices(HubConnection& link, engine::LinkPace& pace, SliceWindow& window) {
    while (!window.empty()) {
        auto answer = co_await link.next(pace.answerDeadline(window.outstandingBytes()));
        if (!answer) {
            co_return answer.error();
        }
        if (!answer->has_attachment_status() && !answer->has_attachment_chunk()) {
            link.drop();
            co_return makeError("protocol_violation", "The center sent something other than a chunk.");
        }
        window.answered(link.lastFrameBytes(), std::chrono::steady_clock::now());
    }
    co_return Status();
}

/** Fetches chunk `index` of the attachment `request` names and stores it: whole when the link carries a
 *  chunk between cuts, otherwise (or when part of it is already here) in slices sized like a push, several
 *  asked for at once (SliceWindow) and each kept in the store as it arrives. False when the center does not
 *  hold the chunk (yet). */
asio::awaitable<Result<bool>> fetchChunk(HubConnection& link, store::SyncQueue& queue, engine::LinkPace& pace,
                                         protocol::AttachmentRequest request, std::uint64_t chunkBytes) {
    const sqlite::Bytes id(request.attachment_id().begin(), request.attachment_id().end());
    auto held = queue.heldSliceBytes(id, request.index());
    if (!held) {
        co_return held.error();
    }
    if (*held == 0 && pace.pushBytes() >= chunkBytes) {
        request.set_slice_offset(0);
        request.set_slice_bytes(0);
        auto answer = co_await ask(link, pace, request, chunkBytes);
        if (!answer) {
            co_return answer.error();
        }
        if (answer->has_attachment_status()) {
            co_return false;
        }
        const auto& chunk = answer->attachment_chunk(); // the empty default when there is none
        if (!answer->has_attachment_chunk() || chunk.attachment_id() != request.attachment_id() ||
            chunk.index() != request.index() || chunk.is_slice()) {
            link.drop();
            co_return makeError("protocol_violation", "The center sent another chunk than asked.");
        }
        if (auto st = queue.storeInboundChunk(fromWire(chunk)); !st) {
            link.drop(); // damaged on the way: asked for again on the next connection
            co_return st.error();
        }
        co_return true;
    }
    SliceWindow window(pace, chunkBytes, *held);
    while (true) {
        for (auto slice = window.next(); slice; slice = window.next()) {
            request.set_slice_offset(slice->offset);
            request.set_slice_bytes(slice->bytes);
            protocol::Envelope out;
            *out.mutable_attachment_request() = request;
            if (auto st = co_await link.send(out); !st) {
                co_return st.error();
            }
            window.sent(*slice, out.ByteSizeLong(), std::chrono::steady_clock::now());
        }
        const auto awaited = window.awaited();
        if (!awaited) {
            link.drop();
            co_return makeError("protocol_violation", "The center's slices never complete the chunk.");
        }
        auto answer = co_await link.next(pace.answerDeadline(window.outstandingBytes()));
        if (!answer) {
            co_return answer.error();
        }
        window.answered(link.lastFrameBytes(), std::chrono::steady_clock::now());
        if (answer->has_attachment_status()) {
            if (auto st = co_await drainSlices(link, pace, window); !st) {
                co_return st.error();
            }
            co_return false;
        }
        const auto& chunk = answer->attachment_chunk(); // the empty default when there is none
        const bool whole = awaited->offset == 0 && awaited->bytes == chunkBytes;
        if (!answer->has_attachment_chunk() || chunk.attachment_id() != request.attachment_id() ||
            chunk.index() != request.index() || chunk.is_slice() == whole ||
            (!whole && chunk.slice_offset() != awaited->offset) || chunk.data().size() != awaited->bytes) {
            link.drop();
            co_return makeError("protocol_violation", "The center sent another chunk than asked.");
        }
        if (whole) {
            if (auto st = queue.storeInboundChunk(fromWire(chunk)); !st) {
                link.drop();
                co_return st.error();
            }
            co_return true;
        }
        auto complete = queue.storeInboundSlice(fromWire(chunk), chunk.slice_offset());
        if (!complete) {
            link.drop(); // damaged on the way: the part is dropped and fetched anew on the next connection
            co_return complete.error();
        }
        if (*complete) {
            co_return true; // the last slice asked for: nothing is in flight any more
        }
    }
}

/** The download lane, last in a round (operations and uploads go first, and it yields to a save between
 *  chunks): attachments other devices of the unit made, so the partner tablet has the citizen's signature.
 *  Each is described once, then asked for one chunk at a time, and each chunk is stored (after its checksum,
 *  place and size are checked) as it arrives, so a drop costs at most the chunk (or slice) in flight. */
asio::awaitable<Result<DownloadResult>> downloadLane(HubConnection& link, store::SyncQueue& queue,
                                                     engine::LinkPace& pace) {
    DownloadResult lane;
    auto wanted = queue.attachmentsToFetch(kDownloadsPerPass);
    if (!wanted) {
        co_return wanted.error();
    }
    for (const auto& id : *wanted) {
        auto missing = queue.missingChunks(id);
        if (!missing) {
            co_return missing.error();
        }
        protocol::AttachmentRequest request;
        request.set_attachment_id(std::string(id.begin(), id.end()));
        if (missing->empty()) { // not known here yet: ask what it is first
            request.set_describe(true);
            auto answer = co_await ask(link, pace, request, 1024);
            if (!answer) {
                co_return answer.error();
            }
            if (answer->has_attachment_status()) {
                continue; // not (yet) whole at the center; asked for again next round
            }
            if (!answer->has_attachment_offer() ||
                answer->attachment_offer().attachment_id() != request.attachment_id()) {
                link.drop();
                co_return makeError("protocol_violation",
                                    "The center described another attachment than asked.");
            }
            if (auto st = queue.storeInboundAttachment(fromWire(answer->attachment_offer())); !st) {
                link.drop();
                co_return st.error();
            }
            missing = queue.missingChunks(id);
            if (!missing) {
                co_return missing.error();
            }
            request.set_describe(false);
        }
        auto size = queue.attachmentSize(id);
        if (!size) {
            co_return size.error();
        }
        bool whole = true;
        for (const auto index : *missing) {
            if (lane.chunks > 0) {
                auto waiting = queue.pending(1);
                if (!waiting) {
                    co_return waiting.error();
                }
                if (!waiting->empty()) {
                    co_return lane; // a save goes first; the next pass resumes here
                }
            }
            request.set_index(index);
            auto fetched =
                co_await fetchChunk(link, queue, pace, request, engine::chunkCipherBytes(*size, index));
            if (!fetched) {
                co_return fetched.error();
            }
            if (!*fetched) {
                whole = false;
                break;
            }
            ++lane.chunks;
        }
        lane.completed += whole ? 1 : 0;
    }
    auto rest = queue.attachmentsToFetch(1);
    if (!rest) {
        co_return rest.error();
    }
    lane.done = rest->empty();
    co_return lane;
}

/** Adds a later exchange of the same round to what the round achieved so far. */
void addExchange(SessionResult& total, const SessionResult& next) {
    total.hubHead = next.hubHead;
    total.pushed += next.pushed;
    total.rejected += next.rejected;
    total.pulled += next.pulled;
    total.roundTrips += next.roundTrips;
    total.diverged = total.diverged || next.diverged;
    total.requeued += next.requeued;
    total.outboxEmpty = next.outboxEmpty;
    total.reachedHead = next.reachedHead;
    if (!next.wipeOrderId.empty()) {
        total.wipeOrderId = next.wipeOrderId;
    }
}

/** Passes of operations and attachments in one round. A pass ends when the lane completed an attachment
 *  (its held-back operation is released) or yielded to new saves; bounded so saves every few seconds cannot
 *  hold a round open forever (the next round goes on). */
constexpr int kMaxPasses = 64;

/** One sync round on an open connection: the operation exchange, then the attachment lane, and again the
 *  exchange and the lane while the lane released or made way for operations, so the operation held back for
 *  an attachment goes on this connection instead of waiting for the next sync. A broken round drops the
 *  connection. */
asio::awaitable<Result<SessionResult>> syncRound(HubConnection& link, store::DeviceStore& local,
                                                 const common::DeviceSyncConfig& config,
                                                 const ClientLimits& limits, engine::LinkPace& pace,
                                                 RoundFigures* figures = nullptr) {
    RoundFigures unused;
    RoundFigures& f = figures != nullptr ? *figures : unused;
    store::SyncQueue queue(local);
    const auto before = link.counters();
    // Refusals of this round, whoever made them: the hub (an operation or an attachment) or this device (a
    // save too large for any frame). Each leaves the outbox marked "needs attention".
    auto refusedBefore = queue.position();
    if (!refusedBefore) {
        co_return refusedBefore.error();
    }
    auto result = co_await exchangeOps(link, queue, config, limits, pace, f);
    if (result && (result->diverged || result->requeued > 0) && result->wipeOrderId.empty() &&
        result->outcome == engine::HandshakeOutcome::Proceed) {
        // The partition checksums differed (the device reset its cursor), or a restored center lost changes
        // it had acknowledged (they are queued again): a fresh hello pushes and pulls again.
        auto again = co_await exchangeOps(link, queue, config, limits, pace, f);
        if (!again || again->outcome != engine::HandshakeOutcome::Proceed) {
            co_return again;
        }
        addExchange(*result, *again);
        result->diverged = again->diverged; // healed unless the fresh pull diverged too
    }
    for (int pass = 1; result && result->outcome == engine::HandshakeOutcome::Proceed &&
                       result->wipeOrderId.empty() && result->outboxEmpty;
         ++pass) {
        auto lane = co_await attachmentLane(link, queue, pace, f);
        if (!lane) {
            co_return lane.error();
        }
        result->attachmentsCompleted += lane->completed;
        result->chunksSent += lane->chunksSent;
        result->laneEmpty = lane->empty;
        auto waiting = queue.pending(1);
        if (!waiting) {
            co_return waiting.error();
        }
        if (waiting->empty()) {
            auto downloads = co_await downloadLane(link, queue, pace);
            if (!downloads) {
                co_return downloads.error();
            }
            result->chunksReceived += downloads->chunks;
            result->downloadsCompleted += downloads->completed;
            result->downloadsDone = downloads->done;
            waiting = queue.pending(1);
        }
        if (!waiting) {
            co_return waiting.error();
        }
        if (waiting->empty() || pass == kMaxPasses) {
            break;
        }
        auto next = co_await exchangeOps(link, queue, config, limits, pace, f);
        if (!next || next->outcome != engine::HandshakeOutcome::Proceed || !next->wipeOrderId.empty()) {
            co_return next;
        }
        addExchange(*result, *next);
    }
    if (!result) {
        co_return result;
    }
    if (const auto after = link.counters(); before && after) {
        result->bytesUp = after->sent - before->sent;
        result->bytesDown = after->received - before->received;
    }
    if (auto refusedAfter = queue.position(); refusedAfter) {
        result->rejected = static_cast<std::size_t>(
            std::max<std::int64_t>(0, refusedAfter->rejectedOps - refusedBefore->rejectedOps));
    }
    co_return result;
}

/** Tells the center the wipe order was accepted and closes the connection. Best effort: the wipe goes ahead
 *  whether or not the confirmation arrives. */
asio::awaitable<void> confirmWipe(HubConnection& link, const std::string& orderId) {
    protocol::Envelope confirm;
    confirm.mutable_wipe_confirm()->set_order_id(orderId);
    if (auto st = co_await link.send(confirm); st) {
        co_await link.close();
    }
    link.drop();
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
        status.needsAttention = static_cast<std::uint64_t>(position->rejectedOps);
        status.lastRefusal = position->lastRefusal;
        status.lastRefusalCode = position->lastRefusalCode;
        status.oldestPendingMs = position->oldestPendingMs;
        status.pullCursor = position->pullCursor;
    }
}

/** Shared between a running round and the coroutine that reports its progress. */
struct ProgressReport {
    RoundFigures figures;
    std::optional<common::TcpCounters> start;
    bool running = true;
};

/** While a round runs, writes its progress into the status file the app reads, a few times a second, so a
 *  long transfer shows items and bytes done and left as they move. */
asio::awaitable<void> reportProgress(std::shared_ptr<ProgressReport> report,
                                     std::shared_ptr<HubConnection> link, std::filesystem::path dataDir,
                                     SyncStatus status) {
    asio::steady_timer tick(co_await asio::this_coro::executor);
    while (report->running) {
        tick.expires_after(std::chrono::milliseconds(250));
        co_await tick.async_wait(kTuple);
        if (!report->running) {
            co_return;
        }
        if (const auto now = link->counters(); now && report->start) {
            report->figures.bytesSent = now->sent - report->start->sent;
            report->figures.bytesReceived = now->received - report->start->received;
        }
        const auto [up, down] = estimateProgress(report->figures);
        const auto attachments = attachmentProgress(report->figures);
        if (up != status.up || down != status.down || attachments != status.attachments ||
            !status.transferring) {
            status.transferring = true;
            status.up = up;
            status.down = down;
            status.attachments = attachments;
            (void)saveSyncStatus(dataDir, status);
        }
    }
}

engine::LinkPace rememberedPace(const SyncStatus& status) {
    return engine::LinkPace(engine::LinkPace::Memory{status.linkBytesPerSecond,
                                                     static_cast<std::size_t>(status.linkPushBytes),
                                                     status.linkCutFactor},
                            engine::PaceLimits{});
}

void rememberPace(const engine::LinkPace& pace, SyncStatus& status) {
    const auto memory = pace.memory();
    status.linkBytesPerSecond = memory.bytesPerSecond;
    status.linkPushBytes = memory.pushBytes;
    status.linkCutFactor = memory.cutFactor;
}

/** The round moved something before it broke: operations acknowledged or pulled, chunks acknowledged. */
bool madeProgress(const ProgressReport& report) {
    return report.figures.acknowledged > 0 || report.figures.pulled > 0 || report.figures.chunksAcked > 0;
}

void recordOutcome(SyncStatus& status, const Result<SessionResult>& outcome) {
    if (outcome && outcome->outcome == engine::HandshakeOutcome::Proceed) {
        status.state = "ok";
        status.lastSuccessMs = nowMs();
        status.lastError.clear();
        status.hubHead = outcome->hubHead;
        return;
    }
    status.state =
        outcome ? stateName(outcome->outcome) : (outcome.error().code == "offline" ? "offline" : "refused");
    status.lastError = outcome ? outcome->reason : outcome.error().message;
}

} // namespace

Result<std::vector<SessionResult>> syncRounds(const std::filesystem::path& dataDir,
                                              const common::DeviceSyncConfig& config,
                                              const common::HostPort& hub, int rounds, ClientLimits limits) {
    auto tls = clientContext(config);
    if (!tls) {
        return tls.error();
    }
    auto local = openStore(dataDir, config);
    if (!local) {
        return local.error();
    }
    asio::io_context io;
    std::vector<SessionResult> done;
    std::optional<Error> failure;
    SyncStatus status = loadSyncStatus(dataDir).ok() ? *loadSyncStatus(dataDir) : SyncStatus{};
    status.lastAttemptMs = nowMs();
    engine::LinkPace pace = rememberedPace(status);
    auto run = [&]() -> asio::awaitable<void> {
        auto link = std::make_shared<HubConnection>(io.get_executor(), *tls);
        if (auto st = co_await HubConnection::connect(link, hub, limits); !st) {
            failure = st.error();
            recordOutcome(status, st.error());
            co_return;
        }
        for (int i = 0; i < std::max(1, rounds); ++i) {
            auto round = co_await syncRound(*link, **local, config, limits, pace);
            recordOutcome(status, round);
            if (!round) {
                failure = round.error();
                break;
            }
            done.push_back(*round);
            if (!round->wipeOrderId.empty()) {
                co_await confirmWipe(*link, round->wipeOrderId);
                co_return;
            }
            if (round->outcome != engine::HandshakeOutcome::Proceed) {
                break;
            }
        }
        co_await link->close();
    };
    // Asio needs a default-constructible result type, so the outcome is handed back by assignment.
    asio::co_spawn(io, run(), [&](const std::exception_ptr& error) {
        if (error) {
            failure = makeError("internal", "The sync session failed.");
        }
    });
    io.run();
    if (!done.empty() && !done.back().wipeOrderId.empty()) {
        local->reset(); // the store must be closed before it is deleted
        if (auto st = wipeDevice(dataDir, nowMs()); !st) {
            return st.error();
        }
        done.back().wiped = true;
        return done;
    }
    if (failure) {
        pace.cut();
    }
    rememberPace(pace, status);
    recordPosition(**local, status);
    (void)saveSyncStatus(dataDir, status);
    if (failure && done.empty()) {
        return *failure;
    }
    if (done.empty()) {
        return makeError("internal", "The sync session did not finish.");
    }
    return done;
}

Status retireDevice(const common::DeviceSyncConfig& config, const common::HostPort& hub,
                    ClientLimits limits) {
    auto tls = clientContext(config);
    if (!tls) {
        return tls.error();
    }
    asio::io_context io;
    Status outcome = makeError("internal", "The retirement did not finish.");
    auto run = [&]() -> asio::awaitable<void> {
        auto link = std::make_shared<HubConnection>(io.get_executor(), *tls);
        if (auto st = co_await HubConnection::connect(link, hub, limits); !st) {
            outcome = st;
            co_return;
        }
        protocol::Envelope hello;
        *hello.mutable_hello() = engine::makeHello({config.deviceId, 0, 0, kVersion});
        hello.mutable_hello()->set_retiring(true);
        if (auto st = co_await link->send(hello); !st) {
            outcome = st;
            co_return;
        }
        auto answer = co_await link->next(limits.connect);
        if (!answer) {
            outcome = answer.error();
        } else if (answer->has_welcome() && answer->welcome().retired()) {
            outcome = Status();
        } else {
            outcome =
                makeError("not_retired", "The center did not confirm the retirement" +
                                             (answer->has_welcome() && !answer->welcome().reason().empty()
                                                  ? ": " + answer->welcome().reason()
                                                  : std::string(".")));
        }
        co_await link->close();
    };
    asio::co_spawn(io, run(), [&](const std::exception_ptr& error) {
        if (error) {
            outcome = makeError("internal", "The retirement failed.");
        }
    });
    io.run();
    return outcome;
}

Result<DaemonEnd> runDaemon(const std::filesystem::path& dataDir, const common::DeviceSyncConfig& config,
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
    bool inRound = false;
    bool wipeOrdered = false;
    std::shared_ptr<HubConnection> hubLink; // kept open between rounds
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        stopping = true;
        timer.cancel();
        if (inRound && hubLink) {
            hubLink
                ->drop(); // a round cut short is safe: acks and inbound changes are applied per transaction
        }
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
        // What the link has shown so far outlives each connection (and the process, in status.json): after
        // a cut the next one starts with pushes sized for a link that cuts.
        engine::LinkPace pace = rememberedPace(status);
        while (!stopping) {
            recordPosition(**local, status);
            std::error_code ec;
            // Staff asked ("sync now" in the app), or the hub said the unit has changes (a colleague's save).
            const bool woken = hubLink && hubLink->takeChangesWaiting();
            const bool asked = std::filesystem::remove(nowFile, ec) || woken;
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
                env.log.info("sync_plan", "plan: " + plan.reason);
                (void)saveSyncStatus(dataDir, status);
            }
            const bool backingOff = failures > 0 && std::chrono::steady_clock::now() < retryAt;
            const bool go = linkUp && ((plan.when == hw::SyncWhen::Now && !backingOff) || asked);
            if (!linkUp && hubLink) {
                hubLink->drop();
                hubLink.reset();
            }
            if (status.connected != (hubLink && hubLink->isOpen())) {
                status.connected = hubLink && hubLink->isOpen(); // the hub or the link closed it
                (void)saveSyncStatus(dataDir, status);
            }
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
            inRound = true;
            Result<SessionResult> result = makeError("offline", "No contact with the center.");
            if (!hubLink || !hubLink->isOpen()) {
                hubLink = std::make_shared<HubConnection>(io.get_executor(), *tls);
                if (auto st = co_await HubConnection::connect(hubLink, hub, limits); !st) {
                    result = st.error();
                } else {
                    env.log.info("connected", "connected to the center");
                }
            }
            auto report = std::make_shared<ProgressReport>();
            if (hubLink->isOpen()) {
                report->start = hubLink->counters();
                status.connected = true;
                asio::co_spawn(io, reportProgress(report, hubLink, dataDir, status),
                               [](const std::exception_ptr&) {});
                result = co_await syncRound(*hubLink, **local, config, limits, pace, &report->figures);
                report->running = false; // the reporter stops at its next tick without writing
                if (const auto end = hubLink->counters(); end && report->start) {
                    report->figures.bytesSent = end->sent - report->start->sent;
                    report->figures.bytesReceived = end->received - report->start->received;
                }
                if (result) {
                    std::tie(status.up, status.down) = estimateProgress(report->figures);
                }
                status.attachments = attachmentProgress(report->figures);
            }
            inRound = false;
            if (result && !result->wipeOrderId.empty()) {
                env.log.notice("wipe_ordered", "the center ordered this device wiped; wiping it now");
                co_await confirmWipe(*hubLink, result->wipeOrderId);
                hubLink.reset();
                wipeOrdered = true;
                break;
            }
            status.transferring = false;
            lastSync = std::chrono::steady_clock::now();
            recordOutcome(status, result);
            if (result && result->outcome == engine::HandshakeOutcome::Proceed) {
                failures = 0;
                if (result->pushed + result->pulled > 0) {
                    env.log.info("synced",
                                 "synced: " + std::to_string(result->pushed) + " sent, " +
                                     std::to_string(result->pulled) + " received, " +
                                     std::to_string(result->rejected) + " refused",
                                 {{"sent", std::to_string(result->pushed)},
                                  {"received", std::to_string(result->pulled)},
                                  {"refused", std::to_string(result->rejected)}});
                }
                if (result->chunksSent > 0 || result->attachmentsCompleted > 0) {
                    env.log.info("attachments_sent",
                                 "attachments: " + std::to_string(result->chunksSent) + " chunks sent, " +
                                     std::to_string(result->attachmentsCompleted) + " complete at the center",
                                 {{"chunks_sent", std::to_string(result->chunksSent)},
                                  {"attachments_complete", std::to_string(result->attachmentsCompleted)}});
                }
            } else {
                hubLink->drop();
                hubLink.reset();
                status.connected = false;
                pace.cut();
                // A round cut short after it moved something is progress, not failure: the link works in
                // pieces, so the next piece is tried as soon as a fresh connection allows.
                const bool progressed = madeProgress(*report);
                if (progressed) {
                    failures = 0;
                }
                const auto wait = engine::backoffDelay(backoff, failures++, env.unitRandom());
                retryAt = std::chrono::steady_clock::now() + wait;
                env.log.warning("sync_failed",
                                "sync failed (" + status.state + "): " + status.lastError + "; next try in " +
                                    std::to_string(wait.count()) + " ms",
                                {{"state", status.state}, {"retry_ms", std::to_string(wait.count())}});
            }
            rememberPace(pace, status);
            recordPosition(**local, status);
            if (auto st = saveSyncStatus(dataDir, status); !st) {
                env.log.error("status_write_failed", st.error().message, {{"code", st.error().code}});
            }
        }
        if (hubLink) {
            co_await hubLink->close();
        }
    };
    std::optional<Status> outcome;
    asio::co_spawn(io, loop(), [&](const std::exception_ptr& error) {
        outcome = error ? Status(makeError("internal", "The sync loop failed.")) : Status();
        signals.cancel();
        if (hubLink) {
            hubLink->drop();
        }
    });
    io.run();
    if (wipeOrdered) {
        local->reset(); // the store must be closed before it is deleted
        if (auto st = wipeDevice(dataDir, nowMs()); !st) {
            return st.error();
        }
        return DaemonEnd::Wiped;
    }
    if (outcome && !*outcome) {
        return outcome->error();
    }
    return DaemonEnd::Stopped;
}

} // namespace fieldkit::device
