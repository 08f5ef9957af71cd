#pragma once

#include <fieldkit/center/http_exchange.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
} // namespace boost::asio

namespace fieldkit::center {

/** HTTPS for the console (Boost.Beast over asio::ssl): one coroutine per connection, a deadline on every read
 *  and write, bounded headers and bodies. It turns requests into `Request`, asks the handler, and adds the
 *  security headers to every answer; it logs no URL query, cookie or body. The only Beast translation unit.
 */
class ConsoleServer {
public:
    using Handler = std::function<Response(const Request&)>;
    using Log = std::function<void(const std::string&)>;

    ConsoleServer(boost::asio::io_context& io, boost::asio::ssl::context& tls, Handler handler, Log log);
    ~ConsoleServer();
    ConsoleServer(const ConsoleServer&) = delete;
    ConsoleServer& operator=(const ConsoleServer&) = delete;

    /** Binds; answers the address actually bound (port 0 asks the OS for one). */
    [[nodiscard]] Result<common::HostPort> listen(const common::HostPort& where);
    void start();
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldkit::center
