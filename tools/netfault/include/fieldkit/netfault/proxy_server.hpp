#pragma once

#include <cstdint>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/netfault/proxy_options.hpp>
#include <memory>
#include <ostream>

namespace fieldkit::netfault {

/** The proxy: accepts connections, connects each to the target and moves the bytes as LinkShaper plans
 * them. Single-threaded; all Asio lives behind this class, in one translation unit. */
class ProxyServer {
public:
    /** `seed` drives every random decision; `log` gets one line per connection event and fault. */
    ProxyServer(ProxyOptions options, std::uint64_t seed, std::ostream& log);
    ~ProxyServer();
    ProxyServer(const ProxyServer&) = delete;
    ProxyServer& operator=(const ProxyServer&) = delete;

    /** Resolves the target and binds the listener; returns the address actually bound (port 0 → a free one).
     */
    [[nodiscard]] Result<common::HostPort> listen();

    /** Serves until SIGINT or SIGTERM; SIGUSR1 resets every open connection (the link went down) and keeps
     * accepting new ones. Returns once every connection is closed. */
    void run();

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldkit::netfault
