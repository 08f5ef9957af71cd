// Issue 15, finding 1: no program that can hold a key or a decrypted value leaves it in a core file.
#include "fixtures.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace fieldkit::testing;

namespace {

const std::string kProfilesDir =
    std::string("FIELDKIT_PROFILES_DIR=") + FIELDKIT_SOURCE_DIR + "/hw-profiles/profiles";

/** A value that appears in the program's memory (its environment) and nowhere else. */
std::string makeCanary() {
    std::random_device rd;
    return "CANARY" + std::to_string(rd()) + std::to_string(rd()) + "YRANAC";
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string shellQuote(const std::string& word) {
    std::string out = "'";
    for (char c : word) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

/** Runs `argv` with its working folder in `cwd` (where core_pattern "core" puts a core), core files allowed
 *  as far as the shell can raise the limit, and ASan not disabling core files on its own. */
std::vector<std::string> crashable(const std::filesystem::path& cwd, const std::vector<std::string>& argv,
                                   const std::string& stdinFifo = "") {
    std::string command = (stdinFifo.empty() ? "" : "exec 0<>" + shellQuote(stdinFifo) + "; ") + "cd " +
                          shellQuote(cwd.string()) +
                          " && ulimit -c unlimited 2>/dev/null; "
                          "export ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}disable_coredump=0\"; exec";
    for (const auto& a : argv) {
        command += " " + shellQuote(a);
    }
    return {"/bin/sh", "-c", command};
}

/** The soft and hard core size limits in /proc/PID/limits ("0 0" once hardened), or "" when unreadable. */
std::string coreLimits(int pid) {
    std::istringstream in(readText("/proc/" + std::to_string(pid) + "/limits"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Max core file size", 0) == 0) {
            std::istringstream fields(line.substr(std::string("Max core file size").size()));
            std::string soft;
            std::string hard;
            fields >> soft >> hard;
            return soft + " " + hard;
        }
    }
    return "";
}

bool isExecOf(int pid, const std::string& program) {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec);
    return !ec && std::filesystem::equivalent(exe, program, ec);
}

/** Waits until the child has become `program` and has had time to run its first line of main; returns the
 * core limits it then shows. */
std::string limitsOnceStarted(ChildProcess& child, const std::string& program) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline && child.running()) {
        if (isExecOf(child.pid(), program) && coreLimits(child.pid()) == "0 0") {
            return "0 0";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return child.running() ? coreLimits(child.pid()) : "exited";
}

/** Checks one running program: core files off for good, then a SIGABRT with every limit lifted from outside
 *  (as far as this test may) leaves no core file and no canary in its folder. */
void checkNoCore(ChildProcess& child, const std::string& program, const std::filesystem::path& cwd,
                 const std::string& canary) {
    CAPTURE(program);
    REQUIRE_MESSAGE(limitsOnceStarted(child, program) == "0 0", child.err());
    // Lift the limit again from outside (root may; otherwise the hard limit 0 holds): only the non-dumpable
    // mark now stands between a crash and a core file.
    const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
    const bool lifted = ::prlimit(child.pid(), RLIMIT_CORE, &unlimited, nullptr) == 0;
    if (lifted) {
        CHECK(coreLimits(child.pid()) == "unlimited unlimited");
    } else {
        MESSAGE(
            "this test may not raise another process's core limit (no CAP_SYS_RESOURCE): the non-dumpable "
            "mark is checked through /proc ownership only when the test does not run as root");
    }
    // The kernel gives /proc/PID of a non-dumpable process to root: visible whenever the program is not root.
    struct stat proc {};
    REQUIRE(::stat(("/proc/" + std::to_string(child.pid())).c_str(), &proc) == 0);
    if (::geteuid() != 0) {
        CHECK(proc.st_uid == 0);
    }
    ::kill(child.pid(), SIGABRT);
    const int code = child.wait(std::chrono::seconds(30));
    CHECK(code == 128 + SIGABRT);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(cwd)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        CHECK_MESSAGE(entry.path().filename().string().rfind("core", 0) != 0, entry.path().string());
        CHECK_MESSAGE(readText(entry.path()).find(canary) == std::string::npos, entry.path().string());
    }
}

} // namespace

TEST_CASE("the core-file check would see a core of a dumpable process (the test can fail)") {
    // A plain program under the same wrapper leaves a core with the canary: so the checks below mean
    // something.
    TempDir cwd;
    const auto canary = makeCanary();
    ChildProcess child(crashable(cwd.path(), {"/bin/sleep", "60"}), {"FIELDKIT_CANARY=" + canary});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    rlimit limit{};
    if (::prlimit(child.pid(), RLIMIT_CORE, nullptr, &limit) != 0 || limit.rlim_cur == 0) {
        MESSAGE("core files cannot be enabled here; the core checks only see the limits");
        return;
    }
    ::kill(child.pid(), SIGABRT);
    CHECK(child.wait(std::chrono::seconds(30)) == 128 + SIGABRT);
    bool found = false;
    for (const auto& entry : std::filesystem::directory_iterator(cwd.path())) {
        found = found || readText(entry.path()).find(canary) != std::string::npos;
    }
    if (!found) {
        MESSAGE("the kernel writes cores elsewhere (core_pattern); the core checks only see the limits");
    }
}

TEST_CASE("fieldkit-hub serve makes itself non-dumpable: a crash leaves no core and no key on disk") {
    CenterFixture center;
    TempDir cwd;
    const auto canary = makeCanary();
    ChildProcess hub(crashable(cwd.path(), {kHub, "serve", "--dir", center.center(), "--listen",
                                            "127.0.0.1:0", "--ops-listen", "127.0.0.1:0"}),
                     {"FIELDKIT_CANARY=" + canary});
    REQUIRE_MESSAGE(hub.waitForLine("listening on ", std::chrono::seconds(30)).has_value(), hub.err());
    checkNoCore(hub, kHub, cwd.path(), canary);
}

TEST_CASE("fieldkit-syncd run makes itself non-dumpable: a crash leaves no core and no key on disk") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    TempDir cwd;
    const auto canary = makeCanary();
    // No hub listens on port 1: the daemon stays up, backing off, with its keys loaded.
    ChildProcess daemon(
        crashable(cwd.path(), {kSyncd, "run", "--data", device.path().string(), "--hub", "127.0.0.1:1"}),
        {"FIELDKIT_CANARY=" + canary, kProfilesDir, "FIELDKIT_PROFILE=desktop-dev"});
    checkNoCore(daemon, kSyncd, cwd.path(), canary);
}

TEST_CASE("fieldkit-ctl holding an unlocked session makes itself non-dumpable: a crash leaves no core") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    TempDir cwd;
    const auto canary = makeCanary();
    // Unlocked (the data key in memory), then waiting for the case on a standard input that never ends.
    TempDir fifoDir;
    const auto fifo = fifoDir / "input.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    ChildProcess ctl(crashable(cwd.path(),
                               {kCtl, "--data", device.path().string(), "case", "create", "--json", "-"},
                               fifo.string()),
                     {"FIELDKIT_CANARY=" + canary, "FIELDKIT_PIN=2468"});
    checkNoCore(ctl, kCtl, cwd.path(), canary);
}

#ifdef FIELDKIT_APP_BIN
TEST_CASE("the fieldkit app makes itself non-dumpable: a crash leaves no core and no value on disk") {
    if (!std::filesystem::exists(FIELDKIT_APP_BIN)) {
        WARN_MESSAGE(false, "the app is not built; build the fieldkit target to check it");
        return;
    }
    TempDir cwd;
    TempDir runtime;
    const auto canary = makeCanary();
    ChildProcess app(crashable(cwd.path(), {FIELDKIT_APP_BIN, "--demo"}),
                     {"FIELDKIT_CANARY=" + canary, "QT_QPA_PLATFORM=offscreen",
                      "XDG_RUNTIME_DIR=" + runtime.path().string(), kProfilesDir,
                      "FIELDKIT_PROFILE=desktop-dev"});
    checkNoCore(app, FIELDKIT_APP_BIN, cwd.path(), canary);
}
#endif

namespace {

/** Restores the test process's umask (children inherit it) when the test ends. */
struct ScopedUmask {
    explicit ScopedUmask(mode_t mask)
        : previous(::umask(mask)) {}
    ~ScopedUmask() { ::umask(previous); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;
    mode_t previous;
};

unsigned modeOf(const std::filesystem::path& path) {
    return static_cast<unsigned>(std::filesystem::symlink_status(path).permissions() &
                                 std::filesystem::perms::mask);
}

} // namespace

TEST_CASE("under umask 000 the center's database, the device's pin and status are still 0600") {
    const ScopedUmask anyone(0);
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub{center.center()};
    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()});
    REQUIRE_MESSAGE(sync.exitCode == 0, sync.err);
    std::vector<std::filesystem::path> files = {device / "store.db", device / "sync" / "hub.pin",
                                                device / "sync" / "device.key",
                                                device / "sync" / "status.json"};
    // The hub holds its database open: its -wal and -shm exist while it serves.
    for (const auto& entry : std::filesystem::directory_iterator(center.center())) {
        if (entry.path().filename().string().rfind("center.db", 0) == 0) {
            files.push_back(entry.path());
        }
    }
    CHECK(files.size() >= 5);
    for (const auto& file : files) {
        CAPTURE(file);
        REQUIRE(std::filesystem::exists(file));
        CHECK(modeOf(file) == 0600);
    }
}
