// linux/tcp.h has the byte counters of TCP_INFO but clashes with netinet/tcp.h, so it stays alone in this
// unit.
#include <cstddef>
#include <fieldkit/common/tcp_counters.hpp>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace fieldkit::common {

std::optional<TcpCounters> tcpCounters(int socketFd) {
    tcp_info info{};
    socklen_t length = sizeof info;
    if (::getsockopt(socketFd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0 ||
        length < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received) {
        return std::nullopt;
    }
    return TcpCounters{info.tcpi_bytes_acked, info.tcpi_bytes_received};
}

} // namespace fieldkit::common
