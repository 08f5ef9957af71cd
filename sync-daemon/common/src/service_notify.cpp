#include <cerrno>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <fieldkit/common/service_notify.hpp>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace fieldkit::common {

Status notifyServiceManager(std::string_view socketPath, std::string_view state) {
    if (socketPath.empty()) {
        return {};
    }
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (socketPath.size() >= sizeof(address.sun_path) || (socketPath[0] != '/' && socketPath[0] != '@')) {
        return makeError("bad_notify_socket", "NOTIFY_SOCKET does not name a unix socket.");
    }
    std::memcpy(address.sun_path, socketPath.data(), socketPath.size());
    if (socketPath[0] == '@') {
        address.sun_path[0] = '\0'; // an abstract socket
    }
    const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + socketPath.size());
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return makeError("notify_failed",
                         std::string("Could not tell the service manager: ") + std::strerror(errno));
    }
    const auto sent = ::sendto(fd, state.data(), state.size(), MSG_NOSIGNAL,
                               reinterpret_cast<const sockaddr*>(&address), length);
    const int error = errno;
    ::close(fd);
    if (sent != static_cast<ssize_t>(state.size())) {
        return makeError("notify_failed",
                         std::string("Could not tell the service manager: ") + std::strerror(error));
    }
    return {};
}

Status notifyServiceManager(std::string_view state) {
    const char* socketPath = std::getenv("NOTIFY_SOCKET");
    return notifyServiceManager(socketPath == nullptr ? std::string_view() : std::string_view(socketPath),
                                state);
}

} // namespace fieldkit::common
