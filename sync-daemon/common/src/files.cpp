#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fieldkit/common/files.hpp>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fieldkit::common {

Result<std::string> readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return makeError("missing_file", "Cannot read " + path.string() + ".");
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

Status writeFileAtomic(const std::filesystem::path& path, std::string_view content, bool privateFile) {
    const std::filesystem::path tmp = path.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, privateFile ? 0600 : 0644);
    if (fd < 0) {
        return makeError("write_failed", "Cannot write " + path.string() + ": " + std::strerror(errno) + ".");
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return makeError("write_failed",
                             "Cannot write " + path.string() + ": " + std::strerror(err) + ".");
        }
        done += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        return makeError("write_failed", "Cannot store " + path.string() + ".");
    }
    return {};
}

} // namespace fieldkit::common
