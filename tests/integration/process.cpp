#include "process.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace fieldkit::testing {

TempDir::TempDir() {
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    for (;;) {
        m_path = base / ("fieldkit-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(m_path)) {
            break;
        }
    }
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

ChildProcess::ChildProcess(std::vector<std::string> argv, std::vector<std::string> extraEnv) {
    static int counter = 0;
    m_errFile = std::filesystem::temp_directory_path() /
                ("fieldkit-child-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".err");
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        std::abort();
    }
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        env.emplace_back(*e);
    }
    env.insert(env.end(), extraEnv.begin(), extraEnv.end());
    m_pid = ::fork();
    if (m_pid == 0) {
        ::dup2(pipeFds[1], STDOUT_FILENO);
        const int errFd = ::open(m_errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(errFd, STDERR_FILENO);
        ::setpgid(0, 0);
        std::vector<char*> args;
        for (auto& a : argv) {
            args.push_back(a.data());
        }
        args.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& e : env) {
            envp.push_back(e.data());
        }
        envp.push_back(nullptr);
        ::execve(args[0], args.data(), envp.data());
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    m_outFd = pipeFds[0];
}

ChildProcess::~ChildProcess() {
    terminate();
    if (m_outFd >= 0) {
        ::close(m_outFd);
    }
    std::error_code ec;
    std::filesystem::remove(m_errFile, ec);
}

void ChildProcess::drain(std::chrono::milliseconds timeout) {
    if (m_outFd < 0) {
        std::this_thread::sleep_for(timeout);
        return;
    }
    pollfd p{m_outFd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(timeout.count())) > 0) {
        char buffer[4096];
        const ssize_t n = ::read(m_outFd, buffer, sizeof buffer);
        if (n > 0) {
            m_out.append(buffer, static_cast<std::size_t>(n));
        } else if (n == 0) {
            ::close(m_outFd);
            m_outFd = -1;
        }
    }
}

std::optional<std::string> ChildProcess::waitForLine(const std::string& prefix,
                                                     std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        for (;;) {
            const auto end = m_out.find('\n', m_consumed);
            if (end == std::string::npos) {
                break;
            }
            std::string line = m_out.substr(m_consumed, end - m_consumed);
            m_consumed = end + 1;
            if (line.rfind(prefix, 0) == 0) {
                return line;
            }
        }
        if (m_outFd < 0 && !running()) {
            return std::nullopt;
        }
        drain(std::chrono::milliseconds(50));
    }
    return std::nullopt;
}

bool ChildProcess::running() {
    if (m_reaped || m_pid <= 0) {
        return false;
    }
    int status = 0;
    if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_reaped = true;
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    return true;
}

int ChildProcess::wait(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            kill9();
            break;
        }
        drain(std::chrono::milliseconds(20));
    }
    while (m_outFd >= 0) {
        drain(std::chrono::milliseconds(20));
    }
    return m_status;
}

int ChildProcess::terminate() {
    if (running()) {
        ::kill(m_pid, SIGTERM);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (running() && std::chrono::steady_clock::now() < deadline) {
            drain(std::chrono::milliseconds(20));
        }
        if (running()) {
            kill9();
        }
    }
    return m_status;
}

void ChildProcess::kill9() {
    if (running()) {
        ::kill(m_pid, SIGKILL);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_reaped = true;
        m_status = 128 + SIGKILL;
    }
}

std::string ChildProcess::err() const {
    std::ifstream in(m_errFile);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Finished runProcess(std::vector<std::string> argv, std::chrono::milliseconds timeout,
                    std::vector<std::string> extraEnv) {
    ChildProcess child(std::move(argv), std::move(extraEnv));
    Finished result;
    result.exitCode = child.wait(timeout);
    result.out = child.out();
    result.err = child.err();
    return result;
}

std::string httpGet(int port, const std::string& path) {
    return httpExchange(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
}

std::string httpExchange(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return {};
    }
    (void)::write(fd, request.data(), request.size());
    std::string response;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        response.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return response;
}

int portOf(const std::string& listeningLine) {
    const auto colon = listeningLine.rfind(':');
    return colon == std::string::npos ? -1 : std::atoi(listeningLine.c_str() + colon + 1);
}

} // namespace fieldkit::testing
