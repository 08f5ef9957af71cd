#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fieldkit/common/files.hpp>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/stat.h>
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

namespace {

/** A temporary name beside `path` that no one can have prepared: random, and opened with O_EXCL. */
std::filesystem::path temporaryBeside(const std::filesystem::path& path) {
    static std::random_device rd;
    std::ostringstream name;
    name << path.filename().string() << ".tmp-" << std::hex << rd() << rd();
    return path.parent_path() / name.str();
}

void syncFolderOf(const std::filesystem::path& path) {
    const auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Status writeFileAtomic(const std::filesystem::path& path, std::string_view content, bool privateFile) {
    const mode_t mode = privateFile ? 0600 : 0644;
    std::filesystem::path tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 8 && fd < 0; ++attempt) {
        tmp = temporaryBeside(path);
        // Fresh: never a file, a symlink or another user's file that was already there.
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd < 0 && errno != EEXIST) {
            break;
        }
    }
    if (fd < 0) {
        return makeError("write_failed", "Cannot write " + path.string() + ": " + std::strerror(errno) + ".");
    }
    (void)::fchmod(fd, mode); // exactly this mode, whatever the umask
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
    syncFolderOf(path);
    return {};
}

} // namespace fieldkit::common
