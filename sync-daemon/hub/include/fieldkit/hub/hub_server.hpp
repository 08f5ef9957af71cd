#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/common/log.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/hub_metrics.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** Seams the server needs from the outside world. */
struct HubEnvironment {
    std::function<std::int64_t()> nowMs;
    common::Log log; // structured entries; callers never pass personal data
};

/** Timing limits; every wait has one. */
struct HubLimits {
    std::chrono::seconds handshake{10};
    std::chrono::seconds idle{120}; // silence after which a connection is closed; a ping goes out at half
};

/** Which devices the hub serves and how. */
struct HubPolicy {
    engine::HelloPolicy hello;
};

class EnrolmentService;

/** The center's sync listener (mutual TLS 1.3, WebSocket, protobuf; /enrol/v1 is the one endpoint open
 *  without a client certificate, served only when an EnrolmentService is given) and its plain-HTTP ops
 *  listener. */
class HubServer {
public:
    HubServer(boost::asio::io_context& io, boost::asio::ssl::context& tls, CenterStore& store,
              HubEnvironment env, HubLimits limits = {}, HubPolicy policy = {},
              EnrolmentService* enrolment = nullptr);
    ~HubServer();
    HubServer(const HubServer&) = delete;
    HubServer& operator=(const HubServer&) = delete;

    /** Binds the sync listener; port 0 picks a free one. Returns the bound endpoint. */
    [[nodiscard]] Result<boost::asio::ip::tcp::endpoint> listen(const common::HostPort& where);
    /** Binds the ops listener (/healthz, /metrics). */
    [[nodiscard]] Result<boost::asio::ip::tcp::endpoint> listenOps(const common::HostPort& where);

    /** Starts accepting on the bound listeners. */
    void start();
    /** Closes the listeners and every open connection. */
    void stop();

    [[nodiscard]] const HubMetrics& metrics() const;

    /** Called from any thread with the units a ChangeFeed reported changed (commits of any hub sharing the
     *  center's PostgreSQL database): the devices of those units connected here get a ChangesWaiting. */
    void noteUnitsChanged(std::vector<std::string> units);
    /** A ChangeFeed reports this hub's own commits too: from now on they wake devices through it only. */
    void useChangeFeed();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldkit::hub
