#include <cstddef>
#include <doctest/doctest.h>
#include <fieldkit/common/service_notify.hpp>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace fieldkit;

namespace {

/** A datagram socket bound where a service manager would listen. */
struct FakeServiceManager {
    std::string path;
    int fd = -1;

    explicit FakeServiceManager(std::string at)
        : path(std::move(at)) {
        fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path.copy(address.sun_path, path.size());
        if (path[0] == '@') {
            address.sun_path[0] = '\0';
        }
        const auto length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size());
        REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), length) == 0);
    }
    ~FakeServiceManager() {
        ::close(fd);
        if (path[0] == '/') {
            std::filesystem::remove(path);
        }
    }
    std::string received() const {
        char buffer[256];
        const auto n = ::recv(fd, buffer, sizeof(buffer), MSG_DONTWAIT);
        return n < 0 ? std::string() : std::string(buffer, static_cast<std::size_t>(n));
    }
};

} // namespace

TEST_CASE("readiness reaches the service manager's socket, named by path or abstract") {
    const auto file = std::filesystem::temp_directory_path() / ("fk-notify-" + std::to_string(::getpid()));
    FakeServiceManager byPath(file.string());
    REQUIRE(common::notifyServiceManager(byPath.path, "READY=1").ok());
    CHECK(byPath.received() == "READY=1");

    FakeServiceManager abstract("@fk-notify-" + std::to_string(::getpid()));
    REQUIRE(common::notifyServiceManager(abstract.path, "STOPPING=1").ok());
    CHECK(abstract.received() == "STOPPING=1");
}

TEST_CASE("without a service manager nothing is sent, and a bad socket name is a clear error") {
    CHECK(common::notifyServiceManager("", "READY=1").ok());
    CHECK(common::notifyServiceManager("relative/path", "READY=1").error().code == "bad_notify_socket");
    CHECK(common::notifyServiceManager("/nonexistent/fieldkit/notify", "READY=1").error().code ==
          "notify_failed");
}
