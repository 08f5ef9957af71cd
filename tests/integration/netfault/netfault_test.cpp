// fieldkit-netfault as a real process between a test client and an echo server, all on loopback.
#include "process.hpp"

#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <random>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace fieldkit::testing;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kNetfault = FIELDKIT_NETFAULT_BIN;

/** A TCP echo server in threads of this process; counts the bytes each connection brought in. */
class EchoServer {
public:
    EchoServer() {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&address), length) == 0);
        REQUIRE(::listen(m_fd, 16) == 0);
        REQUIRE(::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        m_port = ntohs(address.sin_port);
        m_acceptor = std::thread([this] { acceptLoop(); });
    }

    ~EchoServer() {
        m_stop = true;
        m_acceptor.join();
        for (auto& t : m_workers) {
            t.join();
        }
        ::close(m_fd);
    }

    EchoServer(const EchoServer&) = delete;
    EchoServer& operator=(const EchoServer&) = delete;

    [[nodiscard]] int port() const { return m_port; }

    /** Bytes received by connection `index` (in accept order) and whether it has ended. */
    [[nodiscard]] std::pair<std::size_t, bool> connection(std::size_t index) {
        std::lock_guard lock(m_mutex);
        if (index >= m_received.size()) {
            return {0, false};
        }
        return {m_received[index], m_ended[index]};
    }

    /** Waits until connection `index` has ended; returns the bytes it received. */
    std::size_t waitEnded(std::size_t index, std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (Clock::now() < deadline && !connection(index).second) {
            std::this_thread::sleep_for(10ms);
        }
        return connection(index).first;
    }

private:
    void acceptLoop() {
        while (!m_stop) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) {
                continue;
            }
            const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) {
                continue;
            }
            std::lock_guard lock(m_mutex);
            const std::size_t index = m_received.size();
            m_received.push_back(0);
            m_ended.push_back(false);
            m_workers.emplace_back([this, client, index] { echo(client, index); });
        }
    }

    void echo(int fd, std::size_t index) {
        char buffer[8192];
        while (!m_stop) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) {
                continue;
            }
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            {
                std::lock_guard lock(m_mutex);
                m_received[index] += static_cast<std::size_t>(n);
            }
            if (!sendAll(fd, buffer, static_cast<std::size_t>(n))) {
                break;
            }
        }
        ::close(fd);
        std::lock_guard lock(m_mutex);
        m_ended[index] = true;
    }

    static bool sendAll(int fd, const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            data += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }

    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_acceptor;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::vector<std::size_t> m_received;
    std::vector<bool> m_ended;
};

/** A running fieldkit-netfault in front of `targetPort`. */
struct Proxy {
    ChildProcess process;
    int port = -1;

    Proxy(int targetPort, std::vector<std::string> options)
        : process(command(targetPort, std::move(options))) {
        const auto line = process.waitForLine("listening on ", 20s);
        REQUIRE_MESSAGE(line.has_value(), process.err());
        port = portOf(*line);
        REQUIRE(port > 0);
    }

    static std::vector<std::string> command(int targetPort, std::vector<std::string> options) {
        std::vector<std::string> argv{
            kNetfault, "--listen", "127.0.0.1:0", "--target", "127.0.0.1:" + std::to_string(targetPort),
            "--seed",  "7"};
        argv.insert(argv.end(), options.begin(), options.end());
        return argv;
    }
};

/** A plain blocking TCP client socket. */
class Client {
public:
    explicit Client(int port) {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        REQUIRE(::connect(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~Client() { ::close(m_fd); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    [[nodiscard]] int fd() const { return m_fd; }

    void send(const std::string& data) {
        REQUIRE(::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(data.size()));
    }

    /** Reads until `size` bytes came, the connection ended or the time ran out. */
    std::string receive(std::size_t size, std::chrono::milliseconds timeout) {
        std::string out;
        const auto deadline = Clock::now() + timeout;
        while (out.size() < size && Clock::now() < deadline) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, 10) <= 0) {
                continue;
            }
            char buffer[8192];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                m_ended = true;
                break;
            }
            out.append(buffer, static_cast<std::size_t>(n));
        }
        return out;
    }

    /** True once the peer closed or reset the connection (within `timeout`). */
    bool waitEnded(std::chrono::milliseconds timeout) {
        const auto deadline = Clock::now() + timeout;
        while (!m_ended && Clock::now() < deadline) {
            receive(SIZE_MAX, 10ms);
        }
        return m_ended;
    }

private:
    int m_fd = -1;
    bool m_ended = false;
};

/** What came back when `data` was sent through an echo, while reading concurrently, then half-closed. */
struct Exchange {
    std::string received;
    bool ended = false;
    Clock::duration elapsed{};
};

Exchange exchange(int port, const std::string& data, std::chrono::milliseconds timeout) {
    Client client(port);
    ::fcntl(client.fd(), F_SETFL, ::fcntl(client.fd(), F_GETFL) | O_NONBLOCK);
    Exchange result;
    const auto start = Clock::now();
    std::size_t sent = 0;
    bool shut = false;
    while (Clock::now() - start < timeout) {
        pollfd p{client.fd(), static_cast<short>(POLLIN | (sent < data.size() ? POLLOUT : 0)), 0};
        if (::poll(&p, 1, 10) <= 0) {
            continue;
        }
        if (sent < data.size() && (p.revents & POLLOUT) != 0) {
            const ssize_t n = ::send(client.fd(), data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n > 0) {
                sent += static_cast<std::size_t>(n);
            }
        }
        if (sent == data.size() && !shut) {
            ::shutdown(client.fd(), SHUT_WR);
            shut = true;
        }
        if ((p.revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            char buffer[16384];
            const ssize_t n = ::recv(client.fd(), buffer, sizeof buffer, 0);
            if (n > 0) {
                result.received.append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                result.ended = true;
                break;
            }
        }
    }
    result.elapsed = Clock::now() - start;
    return result;
}

std::string randomBytes(std::size_t size) {
    std::mt19937_64 random(size);
    std::string data(size, '\0');
    for (auto& c : data) {
        c = static_cast<char>(random());
    }
    return data;
}

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

} // namespace

TEST_CASE("bytes arrive intact through the none profile, and the end of stream too") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--profile", "none"});
    const auto data = randomBytes(512 * 1024);
    const auto r = exchange(proxy.port, data, 20s);
    CHECK(r.ended); // our FIN reached the echo, which closed, and its FIN came back
    CHECK(r.received.size() == data.size());
    CHECK(r.received == data);
    CHECK(echo.waitEnded(0, 5s) == data.size());

    CHECK(proxy.process.terminate() == 0);
    const auto log = proxy.process.err();
    CHECK(log.find("conn 1 open 127.0.0.1:") != std::string::npos);
    CHECK(log.find("conn 1 close (both ends closed): up 524288 bytes, down 524288 bytes") !=
          std::string::npos);
}

TEST_CASE("tiny segments, latency and jitter keep every byte in order") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--latency-ms", "5", "--jitter-ms", "20", "--segment-bytes", "7"});
    const auto data = randomBytes(20 * 1024);
    const auto r = exchange(proxy.port, data, 20s);
    CHECK(r.ended);
    CHECK(r.received == data);
    // Two round trips at least: the handshake and the echo.
    CHECK(seconds(r.elapsed) >= 0.019);
}

TEST_CASE("the bandwidth cap makes 100 KB take about a second at 800 kbit/s") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--bandwidth-kbit", "800"});
    const auto data = randomBytes(100'000);
    const auto r = exchange(proxy.port, data, 20s);
    CHECK(r.received == data);
    // 800 kbit/s = 100 kB/s in each direction; the echo overlaps both directions.
    CHECK(seconds(r.elapsed) >= 0.95);
    CHECK(seconds(r.elapsed) < 3.0);
}

TEST_CASE("drop after 1000 bytes closes the connection after exactly 1000 bytes") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--drop-after-bytes", "1000"});
    Client client(proxy.port);
    client.send(randomBytes(5000));
    const auto back = client.receive(5000, 5s);
    CHECK(client.waitEnded(5s));
    CHECK(back.size() <= 1000);
    CHECK(echo.waitEnded(0, 5s) == 1000);
    CHECK(proxy.process.terminate() == 0);
    CHECK(proxy.process.err().find("conn 1 fault: drop after 1000 bytes up") != std::string::npos);
}

TEST_CASE("SIGUSR1 drops open connections while new ones still work") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--latency-ms", "2"});
    Client first(proxy.port);
    Client second(proxy.port);
    first.send("ping");
    second.send("pong");
    CHECK(first.receive(4, 5s) == "ping");
    CHECK(second.receive(4, 5s) == "pong");

    REQUIRE(::kill(proxy.process.pid(), SIGUSR1) == 0);
    CHECK(first.waitEnded(5s));
    CHECK(second.waitEnded(5s));

    Client third(proxy.port);
    third.send("after the drop");
    CHECK(third.receive(14, 5s) == "after the drop");
    CHECK(proxy.process.running());
    CHECK(proxy.process.terminate() == 0);
    const auto log = proxy.process.err();
    CHECK(log.find("link drop (SIGUSR1): dropping 2 connection(s)") != std::string::npos);
    CHECK(log.find("conn 1 close (dropped): up 4 bytes, down 4 bytes") != std::string::npos);
}

TEST_CASE("the whole link drops on schedule, as on flaky") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--profile", "flaky", "--drop-every-ms", "300-400"});
    Client client(proxy.port);
    client.send("hello");
    CHECK(client.receive(5, 5s) == "hello");
    const auto start = Clock::now();
    CHECK(client.waitEnded(5s));
    CHECK(seconds(Clock::now() - start) < 1.0);
    CHECK(proxy.process.terminate() == 0);
    CHECK(proxy.process.err().find("link drop after 3") != std::string::npos);
}

TEST_CASE("a certain reset resets the connection and is logged") {
    EchoServer echo;
    Proxy proxy(echo.port(), {"--reset-probability", "1"});
    Client client(proxy.port);
    client.send("doomed");
    CHECK(client.receive(6, 5s).empty());
    CHECK(client.waitEnded(5s));
    CHECK(proxy.process.terminate() == 0);
    CHECK(proxy.process.err().find("conn 1 fault: reset up") != std::string::npos);
}

TEST_CASE("an unreachable target closes the client and the proxy keeps serving") {
    int unused = -1;
    {
        EchoServer gone; // bind a port, then free it again
        unused = gone.port();
    }
    Proxy proxy(unused, {});
    Client client(proxy.port);
    CHECK(client.waitEnded(5s));
    CHECK(proxy.process.running());
    CHECK(proxy.process.terminate() == 0);
    CHECK(proxy.process.err().find("cannot reach the target") != std::string::npos);
}

TEST_CASE("bad options exit with a clear message") {
    const auto r =
        runProcess({kNetfault, "--listen", "127.0.0.1:0", "--target", "127.0.0.1:1", "--profile", "5g"}, 10s);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("Unknown link profile \"5g\"") != std::string::npos);
    const auto help = runProcess({kNetfault, "--help"}, 10s);
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("--drop-after-bytes") != std::string::npos);
}
