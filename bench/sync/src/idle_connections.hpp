#pragma once

#include <chrono>
#include <cstddef>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/host_port.hpp>
#include <memory>
#include <string>
#include <vector>

namespace fieldkit::bench {

/** How a set of idle devices fared: each opened its connection (mutual TLS 1.3 + WebSocket), ran one empty
 *  round (hello + empty push, welcome + reply) and then stayed connected without a word. */
struct IdleOutcome {
    std::size_t ready = 0;     // finished their round and are holding the connection
    std::size_t failed = 0;    // could not connect or finish the round
    std::size_t lost = 0;      // were connected, then lost the connection
    double connectSeconds = 0; // until every device of the batch was ready or had failed
};

/** Holds connections for many devices from one process (one thread, one coroutine per device), the way a
 *  fleet of quiet fieldkit-syncd daemons would look to the hub: connections open, keep-alive pings answered.
 */
class IdleFleet {
public:
    explicit IdleFleet(common::HostPort hub);
    ~IdleFleet();
    IdleFleet(const IdleFleet&) = delete;
    IdleFleet& operator=(const IdleFleet&) = delete;

    /** Connects `devices` (at most `parallel` handshakes at a time) and returns once each is ready or failed.
     */
    IdleOutcome connect(const std::vector<common::DeviceSyncConfig>& devices, std::size_t parallel);
    /** Lets the connections sit for `duration` (pings answered), then reports how many are still open. */
    IdleOutcome idle(std::chrono::milliseconds duration);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/** What a hostile client achieved. */
struct HostileOutcome {
    std::size_t attempts = 0;    // connections that got as far as sending their frame
    std::size_t closedByHub = 0; // ...and were closed by the hub
    std::size_t failed = 0;      // could not connect
};

/** A push frame of `bytes` bytes holding nothing but empty operations (the field test's hostile push). */
[[nodiscard]] std::string hostilePushFrame(std::size_t bytes);

/** Opens `connections` connections at once as `device`, each sending hostile pushes connection after
 *  connection until `duration` has passed. */
[[nodiscard]] HostileOutcome attackHub(const common::DeviceSyncConfig& device, const common::HostPort& hub,
                                       std::size_t connections, std::chrono::milliseconds duration);

} // namespace fieldkit::bench
