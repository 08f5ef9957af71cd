// The only Asio in netfault: moves bytes and sleeps on timers exactly as LinkShaper planned.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <csignal>
#include <deque>
#include <exception>
#include <fieldkit/netfault/link_shaper.hpp>
#include <fieldkit/netfault/prng.hpp>
#include <fieldkit/netfault/proxy_server.hpp>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace fieldkit::netfault {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {

constexpr auto kAwait = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kReadBytes = 16 * 1024;
constexpr std::size_t kMaxWriteBytes = 64 * 1024;
constexpr std::uint64_t kDropScheduleStream = ~0ULL;

std::string endpointText(const tcp::endpoint& endpoint) {
    return common::HostPort{endpoint.address().to_string(), endpoint.port()}.toString();
}

std::string describeException(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown exception";
    }
}

/** What a planned piece of one direction does when it comes due. */
enum class Kind { data, closeAfter, reset, eof };

struct Pending {
    std::string data;
    TimePoint at;
    Kind kind = Kind::data;
};

/** One direction of a connection: what was read from `from` and is on its way to `to`. */
struct Pipe {
    Pipe(const asio::any_io_executor& executor, const char* pipeName, tcp::socket& source, tcp::socket& sink,
         LinkShaper linkShaper)
        : name(pipeName)
        , from(source)
        , to(sink)
        , shaper(std::move(linkShaper))
        , limit(queueLimit(shaper.profile()))
        , dataReady(executor)
        , spaceFree(executor)
        , due(executor) {}

    const char* name; // "up" (client to target) or "down"
    tcp::socket& from;
    tcp::socket& to;
    LinkShaper shaper;
    std::size_t limit;
    std::deque<Pending> queue;
    std::size_t queued = 0;
    std::uint64_t delivered = 0;
    bool writing = false;
    TimePoint writeStartedAt;
    bool finished = false;        // the end of stream was passed on
    asio::steady_timer dataReady; // cancelled to wake the writer
    asio::steady_timer spaceFree; // cancelled to wake the reader
    asio::steady_timer due;       // the writer sleeps on it until the next chunk is due
};

} // namespace

/** The listener, the open connections, the signals and the whole-link drop schedule. */
class ProxyServer::Impl {
public:
    class Connection;

    Impl(ProxyOptions options, std::uint64_t seed, std::ostream& log)
        : m_options(std::move(options))
        , m_seed(seed)
        , m_log(log)
        , m_acceptor(m_io)
        , m_signals(m_io, SIGINT, SIGTERM, SIGUSR1)
        , m_dropTimer(m_io)
        , m_dropSchedule(m_options.link.dropEvery, deriveSeed(seed, kDropScheduleStream)) {}

    Result<common::HostPort> listen();
    void run();
    void dropAll(const std::string& why);
    void stop();

    void forget(std::uint64_t id) { m_connections.erase(id); }
    [[nodiscard]] const ProxyOptions& options() const { return m_options; }
    [[nodiscard]] std::uint64_t seed() const { return m_seed; }
    [[nodiscard]] const tcp::resolver::results_type& targets() const { return m_targets; }
    [[nodiscard]] std::ostream& log() { return m_log; }
    void logLine(const std::string& line) { m_log << "netfault: " << line << std::endl; }

private:
    asio::awaitable<void> acceptLoop();
    asio::awaitable<void> signalLoop();
    asio::awaitable<void> dropLoop();
    void spawn(asio::awaitable<void> task, const char* what);

    ProxyOptions m_options;
    std::uint64_t m_seed;
    std::ostream& m_log;
    asio::io_context m_io; // declared before everything that uses it, so destroyed after them
    tcp::acceptor m_acceptor;
    asio::signal_set m_signals;
    asio::steady_timer m_dropTimer;
    DropSchedule m_dropSchedule;
    tcp::resolver::results_type m_targets;
    std::map<std::uint64_t, std::shared_ptr<Connection>> m_connections;
    std::uint64_t m_nextId = 0;
    bool m_stopped = false;
};

/** One proxied connection: a client socket, a target socket and a Pipe each way. */
class ProxyServer::Impl::Connection : public std::enable_shared_from_this<Connection> {
public:
    Connection(Impl& server, std::uint64_t id, tcp::socket client)
        : m_server(server)
        , m_id(id)
        , m_client(std::move(client))
        , m_target(m_client.get_executor())
        , m_watchdog(m_client.get_executor())
        , m_openedAt(Clock::now())
        , m_lastActivity(m_openedAt) {}

    void start() {
        spawn(watchdog(), "watchdog");
        spawn(connect(), "connect");
    }

    /** Resets both sockets at once, as a link going down does. */
    void drop(const std::string& why) {
        fault(why);
        close("dropped", true);
    }

    /** Closes both sides (with RST when `reset`), logs the counters and wakes every coroutine to end. */
    void close(const std::string& why, bool reset) {
        if (m_closed) {
            return;
        }
        m_closed = true;
        m_server.logLine("conn " + std::to_string(m_id) + " close (" + why + "): " + counters());
        for (tcp::socket* socket : {&m_client, &m_target}) {
            error_code ignored;
            if (reset && socket->is_open()) {
                socket->set_option(asio::socket_base::linger(true, 0), ignored);
            } else if (socket->is_open()) {
                socket->shutdown(tcp::socket::shutdown_send, ignored);
            }
            socket->close(ignored);
        }
        for (Pipe* pipe : {m_up.get(), m_down.get()}) {
            if (pipe != nullptr) {
                pipe->dataReady.cancel();
                pipe->spaceFree.cancel();
                pipe->due.cancel();
            }
        }
        m_watchdog.cancel();
        m_server.forget(m_id); // may destroy the server's reference; coroutines still hold their own
    }

private:
    void spawn(asio::awaitable<void> task, const char* what) {
        asio::co_spawn(m_client.get_executor(), std::move(task),
                       [self = shared_from_this(), what](const std::exception_ptr& error) {
                           if (error) {
                               self->m_server.logLine("conn " + std::to_string(self->m_id) + " " + what +
                                                      " failed: " + describeException(error));
                               self->close("internal error", true);
                           }
                       });
    }

    void fault(const std::string& what) {
        m_server.logLine("conn " + std::to_string(m_id) + " fault: " + what);
    }

    [[nodiscard]] std::string counters() const {
        const auto up = m_up ? m_up->delivered : 0;
        const auto down = m_down ? m_down->delivered : 0;
        return "up " + std::to_string(up) + " bytes, down " + std::to_string(down) + " bytes";
    }

    asio::awaitable<void> connect() {
        const auto [ec, endpoint] = co_await asio::async_connect(m_target, m_server.targets(), kAwait);
        m_connecting = false;
        if (m_closed) {
            co_return;
        }
        if (ec) {
            m_server.logLine("conn " + std::to_string(m_id) + " cannot reach the target: " + ec.message());
            close("target unreachable", true);
            co_return;
        }
        error_code ignored;
        m_client.set_option(tcp::no_delay(true), ignored);
        m_target.set_option(tcp::no_delay(true), ignored);
        const auto peer = m_client.remote_endpoint(ignored);
        m_server.logLine("conn " + std::to_string(m_id) + " open " + endpointText(peer) + " -> " +
                         endpointText(endpoint));

        // A real connection spends one round trip on the TCP handshake before data can flow.
        const auto& link = m_server.options().link;
        const TimePoint ready = m_openedAt + link.rtt();
        const auto executor = m_client.get_executor();
        m_up = std::make_unique<Pipe>(executor, "up", m_client, m_target,
                                      LinkShaper(link, deriveSeed(m_server.seed(), 2 * m_id), ready));
        m_down = std::make_unique<Pipe>(executor, "down", m_target, m_client,
                                        LinkShaper(link, deriveSeed(m_server.seed(), 2 * m_id + 1), ready));
        m_lastActivity = Clock::now();
        spawn(readLoop(*m_up), "reader up");
        spawn(writeLoop(*m_up, *m_down), "writer up");
        spawn(readLoop(*m_down), "reader down");
        spawn(writeLoop(*m_down, *m_up), "writer down");
    }

    /** Waits until `event` is cancelled (a notification), the connection closes, or the idle time passes. */
    asio::awaitable<void> waitFor(asio::steady_timer& event) {
        event.expires_after(m_server.options().idleTimeout);
        co_await event.async_wait(kAwait);
    }

    asio::awaitable<void> readLoop(Pipe& pipe) {
        std::vector<char> buffer(kReadBytes);
        while (!m_closed && !pipe.shaper.finished()) {
            if (pipe.queued >= pipe.limit) {
                co_await waitFor(pipe.spaceFree); // back-pressure: the link's buffer is full
                continue;
            }
            const auto [ec, n] = co_await pipe.from.async_read_some(asio::buffer(buffer), kAwait);
            if (m_closed) {
                co_return;
            }
            const TimePoint now = Clock::now();
            if (ec == asio::error::eof) {
                pipe.queue.push_back(Pending{{}, pipe.shaper.planEnd(now), Kind::eof});
                pipe.dataReady.cancel();
                co_return;
            }
            if (ec) {
                close("read " + std::string(pipe.name) + ": " + ec.message(), true);
                co_return;
            }
            m_lastActivity = now;
            const auto stallsBefore = pipe.shaper.stallsHit();
            for (const Chunk& chunk : pipe.shaper.plan(now, n)) {
                const Kind kind = chunk.action == ChunkAction::reset   ? Kind::reset
                                  : chunk.action == ChunkAction::close ? Kind::closeAfter
                                                                       : Kind::data;
                pipe.queue.push_back(
                    Pending{std::string(buffer.data() + chunk.offset, chunk.size), chunk.deliverAt, kind});
                pipe.queued += chunk.size;
            }
            if (pipe.shaper.stallsHit() != stallsBefore) {
                fault(std::string("stall of ") + std::to_string(pipe.shaper.profile().stall.count()) +
                      " ms " + pipe.name + " (stall " + std::to_string(pipe.shaper.stallsHit()) + ")");
            }
            pipe.dataReady.cancel();
        }
    }

    asio::awaitable<void> writeLoop(Pipe& pipe, Pipe& other) {
        const bool coalesce = m_server.options().link.segmentBytes == 0;
        std::vector<asio::const_buffer> buffers;
        while (!m_closed) {
            if (pipe.queue.empty()) {
                co_await waitFor(pipe.dataReady);
                continue;
            }
            const TimePoint now = Clock::now();
            if (pipe.queue.front().at > now) {
                pipe.due.expires_at(pipe.queue.front().at);
                co_await pipe.due.async_wait(kAwait);
                continue;
            }
            const Kind kind = pipe.queue.front().kind;
            if (kind == Kind::reset) {
                std::ostringstream what;
                what << "reset " << pipe.name << " (probability " << pipe.shaper.profile().resetProbability
                     << " per segment)";
                fault(what.str());
                close("reset", true);
                co_return;
            }
            if (kind == Kind::eof) {
                error_code ignored;
                pipe.to.shutdown(tcp::socket::shutdown_send, ignored);
                pipe.finished = true;
                if (other.finished) {
                    close("both ends closed", false);
                }
                co_return;
            }

            // Everything already due goes out in one write, unless tiny segments were asked for.
            buffers.clear();
            std::size_t count = 0;
            std::size_t bytes = 0;
            bool closeAfter = false;
            for (const Pending& p : pipe.queue) {
                if (p.at > now || p.kind == Kind::reset || p.kind == Kind::eof ||
                    (count > 0 && (!coalesce || bytes + p.data.size() > kMaxWriteBytes))) {
                    break;
                }
                buffers.emplace_back(asio::buffer(p.data));
                bytes += p.data.size();
                ++count;
                if (p.kind == Kind::closeAfter) {
                    closeAfter = true;
                    break;
                }
            }
            pipe.writing = true;
            pipe.writeStartedAt = now;
            const auto [ec, n] = co_await asio::async_write(pipe.to, buffers, kAwait);
            pipe.writing = false;
            if (m_closed) {
                co_return;
            }
            if (ec) {
                close("write " + std::string(pipe.name) + ": " + ec.message(), true);
                co_return;
            }
            pipe.delivered += n;
            pipe.queued -= n;
            for (std::size_t i = 0; i < count; ++i) {
                pipe.queue.pop_front();
            }
            m_lastActivity = Clock::now();
            pipe.spaceFree.cancel();
            if (closeAfter) {
                fault("drop after " + std::to_string(pipe.shaper.profile().dropAfterBytes) + " bytes " +
                      pipe.name);
                close("dropped after byte limit", false);
                co_return;
            }
        }
    }

    /** The deadline of every wait: connecting, a write nobody reads, a connection silent both ways. */
    asio::awaitable<void> watchdog() {
        const auto& options = m_server.options();
        while (!m_closed) {
            std::string reason = "idle for " + std::to_string(options.idleTimeout.count()) + " ms";
            TimePoint deadline = m_lastActivity + options.idleTimeout;
            if (m_connecting) {
                reason = "no connection to the target within " +
                         std::to_string(options.connectTimeout.count()) + " ms";
                deadline = m_openedAt + options.connectTimeout;
            }
            for (const Pipe* pipe : {m_up.get(), m_down.get()}) {
                if (pipe != nullptr && pipe->writing &&
                    pipe->writeStartedAt + options.writeTimeout < deadline) {
                    deadline = pipe->writeStartedAt + options.writeTimeout;
                    reason = std::string("write ") + pipe->name + " stuck for " +
                             std::to_string(options.writeTimeout.count()) + " ms";
                }
            }
            if (Clock::now() >= deadline) {
                close(reason, true);
                co_return;
            }
            m_watchdog.expires_at(deadline);
            co_await m_watchdog.async_wait(kAwait);
        }
    }

    Impl& m_server;
    std::uint64_t m_id;
    tcp::socket m_client;
    tcp::socket m_target;
    asio::steady_timer m_watchdog;
    TimePoint m_openedAt;
    TimePoint m_lastActivity;
    bool m_connecting = true;
    bool m_closed = false;
    std::unique_ptr<Pipe> m_up;
    std::unique_ptr<Pipe> m_down;
};

Result<common::HostPort> ProxyServer::Impl::listen() {
    error_code ec;
    tcp::resolver resolver(m_io);
    m_targets = resolver.resolve(m_options.target.host, std::to_string(m_options.target.port), ec);
    if (ec || m_targets.empty()) {
        return makeError("bad_target", "Cannot resolve the target " + m_options.target.toString() + ": " +
                                           ec.message() + ".");
    }
    const auto listens = resolver.resolve(m_options.listen.host, std::to_string(m_options.listen.port),
                                          tcp::resolver::passive, ec);
    if (ec || listens.empty()) {
        return makeError("bad_listen", "Cannot resolve the listen address " + m_options.listen.toString() +
                                           ": " + ec.message() + ".");
    }
    const tcp::endpoint endpoint = *listens.begin();
    if (m_acceptor.open(endpoint.protocol(), ec) ||
        m_acceptor.set_option(tcp::acceptor::reuse_address(true), ec) || m_acceptor.bind(endpoint, ec) ||
        m_acceptor.listen(asio::socket_base::max_listen_connections, ec)) {
        return makeError("listen_failed",
                         "Cannot listen on " + m_options.listen.toString() + ": " + ec.message() + ".");
    }
    const auto bound = m_acceptor.local_endpoint(ec);
    if (ec) {
        return makeError("listen_failed", "Cannot read the bound address: " + ec.message() + ".");
    }
    return common::HostPort{bound.address().to_string(), bound.port()};
}

void ProxyServer::Impl::spawn(asio::awaitable<void> task, const char* what) {
    asio::co_spawn(m_io, std::move(task), [this, what](const std::exception_ptr& error) {
        if (error) {
            logLine(std::string(what) + " failed: " + describeException(error));
            stop();
        }
    });
}

void ProxyServer::Impl::run() {
    logLine("link " + describe(m_options.link) + "; seed " + std::to_string(m_seed));
    spawn(acceptLoop(), "accept");
    spawn(signalLoop(), "signals");
    spawn(dropLoop(), "link drops");
    m_io.run();
    logLine("stopped");
}

asio::awaitable<void> ProxyServer::Impl::acceptLoop() {
    asio::steady_timer pause(m_io);
    while (!m_stopped) {
        auto [ec, socket] = co_await m_acceptor.async_accept(kAwait);
        if (m_stopped || ec == asio::error::operation_aborted) {
            co_return;
        }
        if (ec) {
            // For example out of file descriptors: say so and let connections end before trying again.
            logLine("accept: " + ec.message());
            pause.expires_after(std::chrono::milliseconds(100));
            co_await pause.async_wait(kAwait);
            continue;
        }
        const std::uint64_t id = ++m_nextId;
        auto connection = std::make_shared<Connection>(*this, id, std::move(socket));
        m_connections.emplace(id, connection);
        connection->start();
    }
}

asio::awaitable<void> ProxyServer::Impl::signalLoop() {
    while (!m_stopped) {
        const auto [ec, signal] = co_await m_signals.async_wait(kAwait);
        if (ec) {
            co_return;
        }
        if (signal == SIGUSR1) {
            dropAll("link drop (SIGUSR1)");
            continue;
        }
        logLine(std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
        stop();
    }
}

asio::awaitable<void> ProxyServer::Impl::dropLoop() {
    while (!m_stopped) {
        const auto delay = m_dropSchedule.next();
        if (!delay) {
            co_return;
        }
        m_dropTimer.expires_after(*delay);
        const auto [ec] = co_await m_dropTimer.async_wait(kAwait);
        if (ec || m_stopped) {
            co_return;
        }
        dropAll("link drop after " + std::to_string(delay->count()) + " ms");
    }
}

void ProxyServer::Impl::dropAll(const std::string& why) {
    logLine(why + ": dropping " + std::to_string(m_connections.size()) + " connection(s)");
    const auto connections = m_connections; // dropping one removes it from the map
    for (const auto& [id, connection] : connections) {
        connection->drop(why);
    }
}

void ProxyServer::Impl::stop() {
    if (m_stopped) {
        return;
    }
    m_stopped = true;
    error_code ignored;
    m_acceptor.close(ignored);
    m_signals.cancel(ignored);
    m_dropTimer.cancel();
    const auto connections = m_connections;
    for (const auto& [id, connection] : connections) {
        connection->close("proxy stopping", false);
    }
}

ProxyServer::ProxyServer(ProxyOptions options, std::uint64_t seed, std::ostream& log)
    : m_impl(std::make_unique<Impl>(std::move(options), seed, log)) {}

ProxyServer::~ProxyServer() = default;

Result<common::HostPort> ProxyServer::listen() {
    return m_impl->listen();
}

void ProxyServer::run() {
    m_impl->run();
}

} // namespace fieldkit::netfault
