#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::testing {

/** A private temporary folder, removed with everything in it when the test ends. */
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

/** Outcome of a process that ran to completion. */
struct Finished {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/** A real child process with captured output. Always stopped when destroyed, also when a test fails. */
class ChildProcess {
public:
    ChildProcess(std::vector<std::string> argv, std::vector<std::string> extraEnv = {});
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /** Reads stdout until a line starting with `prefix` appears; returns that line, or nullopt on
     * timeout/exit. */
    [[nodiscard]] std::optional<std::string> waitForLine(const std::string& prefix,
                                                         std::chrono::milliseconds timeout);
    /** Waits for exit; kills the process if it outlives `timeout`. Returns the exit code (128+signal if
     * killed). */
    int wait(std::chrono::milliseconds timeout);
    /** SIGTERM, then SIGKILL after a grace period; returns the exit code. */
    int terminate();
    void kill9();

    [[nodiscard]] bool running();
    [[nodiscard]] int pid() const { return m_pid; }
    [[nodiscard]] const std::string& out() const { return m_out; }
    [[nodiscard]] std::string err() const;

private:
    void drain(std::chrono::milliseconds timeout);
    int m_pid = -1;
    int m_outFd = -1;
    int m_status = -1;
    bool m_reaped = false;
    std::string m_out;
    std::size_t m_consumed = 0;
    std::filesystem::path m_errFile;
};

/** Runs a program to completion (killed after `timeout`). */
Finished runProcess(std::vector<std::string> argv,
                    std::chrono::milliseconds timeout = std::chrono::seconds(60),
                    std::vector<std::string> extraEnv = {});

/** A plain HTTP GET on loopback (the hub's ops listener); the whole response, or "" when nothing answers. */
[[nodiscard]] std::string httpGet(int port, const std::string& path);
/** Sends `request` as it is and returns everything the server answers before it closes. */
[[nodiscard]] std::string httpExchange(int port, const std::string& request);

/** The port in a "listening on HOST:PORT" line. */
[[nodiscard]] int portOf(const std::string& listeningLine);

} // namespace fieldkit::testing
