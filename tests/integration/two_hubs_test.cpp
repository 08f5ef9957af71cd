// Two hub processes on one PostgreSQL database, devices of one unit syncing through either, daemons and hubs
// killed with -9 at random moments. After healing, the center must hold exactly what the devices created
// (nothing lost, nothing twice), every device the same, and the concurrent edits of one field show as one
// conflict at the center and on every device alike. Seeded; a failure names its seed.
#include "fixtures.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};
constexpr int kDevices = 4;

std::set<std::string> ids(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.size() == 32) {
            out.insert(line);
        }
    }
    return out;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

/** One hub process on a fixed port, so a restarted hub is found where the devices look for it. */
class HubOnPort {
public:
    HubOnPort(std::string centerDir, int port)
        : m_centerDir(std::move(centerDir))
        , m_port(port) {
        restart();
    }
    void restart() {
        m_process.reset();
        for (int attempt = 0; attempt < 50 && !m_process; ++attempt) {
            auto hub = std::make_unique<ChildProcess>(std::vector<std::string>{
                kHub, "serve", "--dir", m_centerDir, "--listen", address(), "--ops-listen", "127.0.0.1:0"});
            if (hub->waitForLine("listening on ", std::chrono::seconds(20))) {
                m_process = std::move(hub);
            } else {
                std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the port may be in TIME_WAIT
            }
        }
        REQUIRE(m_process);
    }
    void kill9() { m_process->kill9(); }
    [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }

private:
    std::string m_centerDir;
    int m_port;
    std::unique_ptr<ChildProcess> m_process;
};

int freePort(const CenterFixture& center) {
    RunningHub probe(center.center());
    return probe.port;
}

void twoHubRun(std::uint32_t seed) {
    INFO("seed " << seed << " (replay: FIELDKIT_TWO_HUB_SEED=" << seed << ")");
    std::mt19937 random(seed);
    CenterFixture center(CenterBackend::Postgres);
    std::vector<std::unique_ptr<TempDir>> devices;
    for (int i = 0; i < kDevices; ++i) {
        devices.push_back(std::make_unique<TempDir>());
        center.provision(devices.back()->path().string());
    }
    const int portA = freePort(center);
    const int portB = freePort(center);
    std::vector<std::unique_ptr<HubOnPort>> hubs;
    hubs.push_back(std::make_unique<HubOnPort>(center.center(), portA));
    hubs.push_back(std::make_unique<HubOnPort>(center.center(), portB));

    const auto data = [&](int d) { return devices[static_cast<std::size_t>(d)]->path().string(); };
    const auto ctl = [&](int d, std::vector<std::string> words) {
        std::vector<std::string> argv = {kCtl, "--data", data(d)};
        argv.insert(argv.end(), words.begin(), words.end());
        return runProcess(argv, std::chrono::seconds(60), kPin);
    };
    const auto syncOnce = [&](int d, int hub) {
        return runProcess(
            {kSyncd, "sync-once", "--data", data(d), "--hub", hubs[static_cast<std::size_t>(hub)]->address()},
            std::chrono::seconds(60));
    };
    for (int d = 0; d < kDevices; ++d) {
        auto first = syncOnce(d, d % 2);
        REQUIRE_MESSAGE(first.exitCode == 0, first.err);
    }

    std::set<std::string> created;
    std::string shared; // a case devices on both hubs edit concurrently
    {
        auto first = ctl(0, {"case", "generate", "--count", "1", "--seed", std::to_string(seed)});
        REQUIRE(first.exitCode == 0);
        shared = *ids(first.out).begin();
        created.insert(shared);
        REQUIRE(syncOnce(0, 0).exitCode == 0);
        for (int d = 1; d < kDevices; ++d) {
            REQUIRE(syncOnce(d, d % 2).exitCode == 0);
        }
    }
    std::uniform_int_distribution<int> device(0, kDevices - 1);
    std::uniform_int_distribution<int> action(0, 5);
    std::uniform_int_distribution<int> pause(50, 600);
    for (int step = 0; step < 10; ++step) {
        const int d = device(random);
        switch (action(random)) {
        case 0:
        case 1: { // staff on every device create cases
            for (int e = 0; e < kDevices; ++e) {
                auto r = ctl(e, {"case", "generate", "--count", std::to_string(1 + random() % 4), "--seed",
                                 std::to_string(seed * 1000 + static_cast<std::uint32_t>(step * 10 + e))});
                REQUIRE_MESSAGE(r.exitCode == 0, r.err);
                const auto made = ids(r.out);
                created.insert(made.begin(), made.end());
            }
            break;
        }
        case 2: { // devices on different hubs edit the same field without seeing each other
            const int other = (d + 1) % kDevices;
            REQUIRE(ctl(d, {"case", "set", shared, "--phone", "+45 1" + std::to_string(step)}).exitCode == 0);
            REQUIRE(ctl(other, {"case", "set", shared, "--phone", "+45 2" + std::to_string(step)}).exitCode ==
                    0);
            break;
        }
        default: { // every daemon runs at once, each against a hub of its own choice; one hub is killed
            std::vector<std::unique_ptr<ChildProcess>> daemons;
            for (int e = 0; e < kDevices; ++e) {
                daemons.push_back(std::make_unique<ChildProcess>(
                    std::vector<std::string>{kSyncd, "run", "--data", data(e), "--hub",
                                             hubs[static_cast<std::size_t>(random() % 2)]->address()}));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
            const auto victim = static_cast<std::size_t>(random() % 2);
            hubs[victim]->kill9();
            std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
            for (auto& daemon : daemons) {
                daemon->kill9();
            }
            hubs[victim]->restart();
            break;
        }
        }
    }

    // Heal: every device until its outbox is empty and it reached the head, through hub A and then hub B,
    // so each device also meets the other hub's connections.
    for (int round = 0; round < 2; ++round) {
        for (int d = 0; d < kDevices; ++d) {
            Finished r;
            for (int attempt = 0; attempt < 5; ++attempt) {
                r = syncOnce(d, round);
                if (r.exitCode == 0) {
                    break;
                }
            }
            REQUIRE_MESSAGE(r.exitCode == 0, "device " << d << ": " << r.err << r.out);
        }
    }
    // Once more, so every device pulls the last round's changes of the devices after it.
    for (int d = 0; d < kDevices; ++d) {
        REQUIRE(syncOnce(d, d % 2).exitCode == 0);
    }

    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE_MESSAGE(exported.exitCode == 0, exported.err);
    CHECK(count(exported.out, "\"id\":\"") == created.size());
    for (const auto& id : created) {
        CHECK_MESSAGE(count(exported.out, "\"id\":\"" + id + "\"") == 1, "case " << id);
    }
    CHECK(exported.out.find("\"problems\"") == std::string::npos);
    const bool hubConflicted = exported.out.find("\"conflicted\":true") != std::string::npos;
    for (int d = 0; d < kDevices; ++d) {
        auto list = ctl(d, {"case", "list", "--json", "--limit", "100000"});
        CHECK(count(list.out, "\"id\":\"") == created.size());
        CHECK((list.out.find("\"conflicted\":true") != std::string::npos) == hubConflicted);
        auto status = runProcess({kCtl, "--data", data(d), "sync-status"});
        CHECK(status.out.find("\"pending_ops\":0") != std::string::npos);
        auto verify = ctl(d, {"verify"});
        CHECK_MESSAGE(verify.exitCode == 0, verify.err);
    }
}

} // namespace

TEST_CASE(
    "two hubs on one PostgreSQL database, devices on either, kill -9: exactly what the devices created") {
    if (const char* seed = std::getenv("FIELDKIT_TWO_HUB_SEED")) { // NOLINT(concurrency-mt-unsafe)
        twoHubRun(static_cast<std::uint32_t>(std::stoul(seed)));
        return;
    }
    for (const std::uint32_t seed : {11U, 12U}) {
        twoHubRun(seed);
    }
}
