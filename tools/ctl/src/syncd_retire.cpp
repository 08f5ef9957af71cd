#include <array>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <fieldkit/ctl/syncd_retire.hpp>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ; // NOLINT(readability-redundant-declaration): POSIX declares it nowhere else

namespace fieldkit::ctl {

namespace {

/** The daemon's last line on stderr, without its "fieldkit-syncd: " prefix. */
std::string lastLine(std::string text) {
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    text = text.substr(text.rfind('\n') + 1);
    const std::string prefix = "fieldkit-syncd: ";
    return text.starts_with(prefix) ? text.substr(prefix.size()) : text;
}

} // namespace

std::filesystem::path syncdBeside(const std::filesystem::path& selfExe, const char* override) {
    if (override != nullptr && *override != '\0') {
        return override;
    }
    return selfExe.parent_path() / "fieldkit-syncd";
}

Status retireThroughSyncd(const std::filesystem::path& daemon, const std::filesystem::path& dataDir,
                          const std::optional<std::string>& hub, std::chrono::seconds limit) {
    if (::access(daemon.c_str(), X_OK) != 0) {
        return makeError("no_daemon", "fieldkit-syncd was not found at " + daemon.string() + ".");
    }
    std::array<int, 2> pipe{};
    if (::pipe2(pipe.data(), O_CLOEXEC) != 0) {
        return makeError("no_daemon", "Could not start fieldkit-syncd.");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    const std::string data = dataDir.string();
    std::vector<std::string> words = {daemon.string(), "retire", "--data", data};
    if (hub) {
        words.insert(words.end(), {"--hub", *hub});
    }
    std::vector<char*> argv;
    for (auto& word : words) {
        argv.push_back(word.data());
    }
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, daemon.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe[1]);
    if (spawned != 0) {
        ::close(pipe[0]);
        return makeError("no_daemon", "Could not start fieldkit-syncd.");
    }
    // Read what it says until it ends or the limit passes; a wipe never waits longer on the network.
    std::string said;
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(pid, SIGKILL);
            break;
        }
        pollfd readable{pipe[0], POLLIN, 0};
        if (::poll(&readable, 1, static_cast<int>(left.count())) <= 0) {
            continue;
        }
        std::array<char, 512> buffer{};
        const ssize_t n = ::read(pipe[0], buffer.data(), buffer.size());
        if (n <= 0) {
            break; // the daemon closed its stderr: it has ended
        }
        said.append(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(pipe[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        return {};
    }
    if (WIFSIGNALED(status)) {
        return makeError("not_retired",
                         "The center did not answer within " + std::to_string(limit.count()) + " s.");
    }
    return makeError("not_retired", said.empty() ? "fieldkit-syncd failed." : lastLine(said));
}

} // namespace fieldkit::ctl
