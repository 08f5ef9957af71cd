#pragma once

#include <cstdint>
#include <optional>

namespace fieldkit::common {

/** Bytes a TCP socket carried, as the kernel counts them: everything on the wire above TCP (TLS records,
 *  WebSocket framing, protobuf), so a benchmark measures what a link really carries. */
struct TcpCounters {
    std::uint64_t sent = 0;     // bytes the peer acknowledged
    std::uint64_t received = 0; // bytes received in order
};

/** The counters of a connected socket; nothing when the kernel cannot tell (not TCP, closed). */
[[nodiscard]] std::optional<TcpCounters> tcpCounters(int socketFd);

} // namespace fieldkit::common
