#pragma once

#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/status_service.hpp>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
} // namespace boost::asio

namespace fieldkit::hub {

/** The public status listener (`fieldkit-hub serve --status-listen`): HTTPS on Boost.Beast over asio::ssl,
 *  one coroutine per connection on a strand of its own (the io_context may run on several threads, so the
 *  Argon2id derivations of concurrent look-ups overlap), a deadline on every read and write, small header
 *  and body limits. It hands each request with the client's address to StatusService and logs nothing of
 *  it. The hub's only Beast HTTP unit besides hub_server.cpp. */
class StatusServer {
public:
    using Log = std::function<void(const std::string&)>;

    StatusServer(boost::asio::io_context& io, boost::asio::ssl::context& tls, StatusService& service,
                 Log log);
    ~StatusServer();
    StatusServer(const StatusServer&) = delete;
    StatusServer& operator=(const StatusServer&) = delete;

    /** Binds; answers the address actually bound (port 0 asks the OS for one). */
    [[nodiscard]] Result<common::HostPort> listen(const common::HostPort& where);
    void start();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldkit::hub
