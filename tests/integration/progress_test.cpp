// Sync that always makes progress, with real processes through the netfault proxy: a backlog over a 2G link
// that is slower than its nominal rate, a link cut every 1-4 s, saves too large for a frame, a refused
// attachment, and a wipe order for a device whose outbox cannot be delivered.
#include "fixtures.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

using namespace fieldkit::testing;

namespace {

const std::string kNetfault = FIELDKIT_NETFAULT_BIN;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}
const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

/** One provisioned device of a center. */
struct Device {
    TempDir data;
    std::string id;

    explicit Device(const CenterFixture& center) { id = center.provision(data.path().string()); }

    Finished ctl(std::vector<std::string> words) const {
        std::vector<std::string> argv = {kCtl, "--data", data.path().string()};
        argv.insert(argv.end(), words.begin(), words.end());
        return runProcess(argv, std::chrono::seconds(300), kPin);
    }
    Finished syncOnce(const std::string& hub, std::chrono::seconds limit = std::chrono::seconds(120)) const {
        return runProcess({kSyncd, "sync-once", "--data", data.path().string(), "--hub", hub}, limit);
    }
    Finished status() const {
        return runProcess({kSyncd, "status", "--data", data.path().string(), "--json"});
    }
    /** Changes the store file directly, as damage (or an older version) could have left it. */
    void tamper(const std::string& sql) const {
        auto r = runProcess({"/usr/bin/sqlite3", (data / "store.db").string(), sql});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
    std::set<std::string> generate(int count, int seed) const {
        auto r = ctl({"case", "generate", "--count", std::to_string(count), "--seed", std::to_string(seed)});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        std::set<std::string> ids;
        std::istringstream in(r.out);
        for (std::string line; std::getline(in, line);) {
            if (line.size() == 32) {
                ids.insert(line);
            }
        }
        REQUIRE(ids.size() == static_cast<std::size_t>(count));
        return ids;
    }
};

/** Case ids in the center's export, each as often as it appears. */
std::multiset<std::string> centerCases(const CenterFixture& center) {
    auto r = runProcess({kHub, "export", "--dir", center.center(), "--json"}, std::chrono::seconds(300));
    REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    std::multiset<std::string> ids;
    const std::string key = "{\"id\":\"";
    for (auto at = r.out.find(key); at != std::string::npos; at = r.out.find(key, at + 1)) {
        ids.insert(r.out.substr(at + key.size(), 32));
    }
    return ids;
}

/** A netfault proxy in front of the hub. */
struct Proxy {
    ChildProcess process;
    std::string address;

    Proxy(const RunningHub& hub, const std::vector<std::string>& link)
        : process(command(hub, link)) {
        auto line = process.waitForLine("listening on ", std::chrono::seconds(20));
        REQUIRE(line.has_value());
        address = "127.0.0.1:" + std::to_string(portOf(*line));
    }

    /** Bytes the link carried up (device to hub) over every connection so far, from the proxy's log (each
     *  connection's line comes when it closes, so this waits a little for the last one). */
    [[nodiscard]] std::uint64_t bytesUp() const {
        std::uint64_t total = 0;
        for (int attempt = 0; attempt < 40; ++attempt) {
            std::istringstream err(process.err());
            total = 0;
            int opened = 0;
            int closed = 0;
            for (std::string line; std::getline(err, line);) {
                opened += contains(line, " open ") ? 1 : 0;
                const auto up = line.find("): up ");
                if (contains(line, " close (") && up != std::string::npos) {
                    ++closed;
                    total += std::strtoull(line.c_str() + up + 6, nullptr, 10);
                }
            }
            if (closed >= opened) {
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return total;
    }

private:
    static std::vector<std::string> command(const RunningHub& hub, const std::vector<std::string>& link) {
        std::vector<std::string> argv = {kNetfault, "--listen", "127.0.0.1:0", "--target", hub.address()};
        argv.insert(argv.end(), link.begin(), link.end());
        return argv;
    }
};

} // namespace

TEST_CASE("a backlog of 1,000 cases crosses a 2G link in one sync, where one push could not") {
    CenterFixture center;
    Device device(center);
    RunningHub hub(center.center());
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0); // files away the enrolment keys
    const auto created = device.generate(1000, 11);
    Proxy link(hub, {"--profile", "2g", "--seed", "1"});

    // About 600 KB up at some 5.8 KB/s: far beyond the fixed 60 s deadline the daemon used to have.
    auto r = device.syncOnce(link.address, std::chrono::seconds(600));
    REQUIRE_MESSAGE(r.exitCode == 0, r.out << r.err);
    CHECK(contains(r.out, "1000 sent (0 refused)"));
    const auto held = centerCases(center);
    CHECK(held.size() == 1000);
    CHECK(std::set<std::string>(held.begin(), held.end()) == created);
}

TEST_CASE("200 cases cross a link cut every 1-4 s: each exactly once, and little of what crossed is wasted") {
    CenterFixture center;
    Device device(center);
    Device reference(center);
    RunningHub hub(center.center());
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0);
    REQUIRE(reference.syncOnce(hub.address()).exitCode == 0);
    const auto created = device.generate(200, 7);

    // What the same transfer carries up over the same link without its cuts.
    (void)reference.generate(200, 7);
    Proxy clean(hub, {"--profile", "cut", "--drop-every-ms", "0", "--seed", "2"});
    REQUIRE(reference.syncOnce(clean.address).exitCode == 0);
    const auto cleanUp = clean.bytesUp();

    Proxy cut(hub, {"--profile", "cut", "--seed", "3"});
    int tries = 0;
    int exit = -1;
    while (exit != 0 && tries < 150) {
        ++tries;
        exit = device.syncOnce(cut.address, std::chrono::seconds(60)).exitCode;
    }
    INFO("tries: " << tries << ", carried up " << cut.bytesUp() << " B, clean " << cleanUp << " B");
    REQUIRE(exit == 0);
    const auto held = centerCases(center);
    std::multiset<std::string> ours;
    for (const auto& id : held) {
        if (created.contains(id)) {
            ours.insert(id);
        }
    }
    CHECK(ours.size() == 200); // every case, none twice
    CHECK(std::set<std::string>(ours.begin(), ours.end()) == created);
    // Goodput: what the transfer needs, over what the link carried. Each try spends its first few hundred
    // milliseconds on TCP, TLS and the hello, so even perfect pacing stays below 1; the benchmark reports
    // the figure (target 0.6), this guards against pacing that wastes most of each piece of link.
    const double goodput = static_cast<double>(cleanUp) / static_cast<double>(cut.bytesUp());
    CHECK(goodput > 0.45);
}

TEST_CASE("an attachment larger than what a link carries between cuts reaches the center in slices") {
    CenterFixture center;
    Device device(center);
    RunningHub hub(center.center());
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0);
    const std::string caseId = *device.generate(1, 11).begin();
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0);
    // A signature-sized scan: ~300 KB is two chunks, each ten times what one try of the link carries.
    const auto scan = device.data / "scan.png";
    {
        std::ofstream out(scan, std::ios::binary);
        out << "\x89PNG\r\n\x1a\n";
        std::uint32_t x = 12345;
        for (int i = 0; i < 300 * 1024; ++i) {
            x = x * 1103515245u + 12345u; // incompressible, as an image is
            out << static_cast<char>(x >> 24);
        }
    }
    auto attach = device.ctl({"case", "attach", caseId, "--file", scan.string(), "--type", "image/png"});
    REQUIRE_MESSAGE(attach.exitCode == 0, attach.err);

    Proxy cut(hub, {"--profile", "cut", "--seed", "5"});
    int tries = 0;
    int exit = -1;
    while (exit != 0 && tries < 200) {
        ++tries;
        exit = device.syncOnce(cut.address, std::chrono::seconds(60)).exitCode;
    }
    INFO("tries: " << tries << ", carried up " << cut.bytesUp() << " B");
    REQUIRE(exit == 0);
    const auto metrics = hub.metrics();
    CHECK(metricValue(metrics, "fieldkit_attachment_chunks_stored_total") == 2);
    CHECK(metricValue(metrics, "fieldkit_attachment_chunk_slices_held_total") > 10); // it went in slices
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE(exported.exitCode == 0);
    CHECK(contains(exported.out, "\"chunks\":2,\"chunks_held\":2,\"complete\":true"));
    // Little was sent twice: what crossed is at most twice the attachment (TLS, hellos and cut slices).
    CHECK(cut.bytesUp() < 2 * 300 * 1024 + tries * 8 * 1024);
}

TEST_CASE("the partner tablet fetches an attachment in slices over a link cut every few seconds") {
    CenterFixture center;
    Device maker(center);
    Device partner(center);
    RunningHub hub(center.center());
    REQUIRE(maker.syncOnce(hub.address()).exitCode == 0);
    REQUIRE(partner.syncOnce(hub.address()).exitCode == 0); // enrolled earlier in the day
    const std::string caseId = *maker.generate(1, 12).begin();
    const auto scan = maker.data / "scan.png";
    std::string original = "\x89PNG\r\n\x1a\n";
    std::uint32_t x = 54321;
    while (original.size() < 120 * 1024) { // one chunk, six times what one try of the link carries
        x = x * 1103515245u + 12345u;      // incompressible, as an image is
        original.push_back(static_cast<char>(x >> 24));
    }
    std::ofstream(scan, std::ios::binary) << original;
    auto attach = maker.ctl({"case", "attach", caseId, "--file", scan.string(), "--type", "image/png"});
    REQUIRE_MESSAGE(attach.exitCode == 0, attach.err);
    const std::string attachmentId = attach.out.substr(0, 32);
    REQUIRE(maker.syncOnce(hub.address()).exitCode == 0); // the center holds it whole

    // Each try of the partner gets 2-20 KB of slices down before its cut (the hello and the pull go first).
    Proxy cut(hub, {"--profile", "cut", "--seed", "9"});
    int tries = 0;
    Finished last;
    while (last.exitCode != 0 && tries < 200) {
        ++tries;
        last = partner.syncOnce(cut.address, std::chrono::seconds(60));
        if (tries <= 5 || tries % 20 == 0) {
            MESSAGE("try " << tries << ": " << last.out << last.err);
        }
    }
    const int exit = last.exitCode;
    MESSAGE("the partner fetched 120 KB over the cut link in " << tries << " tries");
    INFO("tries: " << tries << ", last: " << last.out << last.err << ", status: " << partner.status().out);
    REQUIRE(exit == 0);
    const auto metrics = hub.metrics();
    CHECK(metricValue(metrics, "fieldkit_attachment_chunk_slices_served_total") > 10); // it came in slices
    auto opened = partner.ctl(
        {"case", "attachment", caseId, attachmentId, "--out", (partner.data / "copy.png").string()});
    REQUIRE_MESSAGE(opened.exitCode == 0, opened.err);
    std::ifstream copy(partner.data / "copy.png", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(copy), {}) == original);
    auto parts = runProcess({"/usr/bin/sqlite3", (partner.data / "store.db").string(),
                             "SELECT count(*) FROM attachment_chunk_parts"});
    CHECK(parts.out == "0\n"); // nothing half-fetched is left behind
}

TEST_CASE("saves too large for a frame are refused where they are made, and one that slipped through is "
          "set aside without blocking the rest") {
    CenterFixture center;
    Device device(center);
    RunningHub hub(center.center());
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0);
    const auto ids = device.generate(2, 5);
    const std::string first = *ids.begin();

    auto note = device.ctl({"case", "note", first, "--text", std::string(20 * 1024, 'x')});
    CHECK(note.exitCode != 0);
    CHECK(contains(note.err, "at most 16384 bytes"));
    const auto file = device.data / "huge.json";
    std::ofstream(file)
        << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285"},"notes":[")"
        << std::string(7 * 1024 * 1024, 'n') << R"("]})";
    auto huge = device.ctl({"case", "create", "--json", file.string()});
    CHECK(huge.exitCode != 0);
    CHECK(contains(huge.err, "attachment"));

    // An operation already in the outbox that no frame could carry (written by an older version): it is set
    // aside with a reason, and the operation after it still goes.
    device.tamper(
        "UPDATE operations SET ciphertext = zeroblob(700000) WHERE device_seq = (SELECT min(device_seq) "
        "FROM outbox)");
    auto r = device.syncOnce(hub.address());
    CHECK(r.exitCode == 3); // synced, but something was refused
    CHECK(contains(r.out, "1 sent (1 refused)"));
    CHECK(centerCases(center).size() == 1);
    auto status = device.status();
    CHECK(contains(status.out, "\"needs_attention\":1"));
    CHECK(contains(status.out, "too large to send"));
    CHECK(contains(status.out, "\"pending_ops\":0"));
}

TEST_CASE("an attachment the center refuses is set aside, and the saves after it still reach the center") {
    CenterFixture center;
    Device device(center);
    RunningHub hub(center.center());
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0);
    const std::string caseId = *device.generate(1, 3).begin();
    const auto photo = device.data / "photo.png";
    {
        std::ofstream out(photo, std::ios::binary);
        out << "\x89PNG\r\n\x1a\n" << std::string(300 * 1024, 'p');
    }
    auto attach = device.ctl({"case", "attach", caseId, "--file", photo.string(), "--type", "image/png"});
    REQUIRE_MESSAGE(attach.exitCode == 0, attach.err);
    // Damage the attachment so the center refuses its offer (a stream header of the wrong length).
    device.tamper("UPDATE attachments SET header = x'00'");
    const auto later = device.generate(3, 4);

    auto r = device.syncOnce(hub.address());
    CHECK(r.exitCode == 3);
    auto second = device.syncOnce(hub.address()); // nothing is left: the refusal stays visible, set aside
    const auto held = centerCases(center);
    for (const auto& id : later) {
        CHECK(held.count(id) == 1);
    }
    CHECK(held.count(caseId) == 1);
    auto status = device.status();
    CHECK(contains(status.out, "\"needs_attention\":1"));
    CHECK(contains(status.out, "refused the attachment"));
    CHECK(contains(status.out, "\"pending_ops\":0"));
    CHECK(second.exitCode == 0); // refused in an earlier round: shown, but nothing waits for it
}

TEST_CASE("a wipe order reaches a device whose outbox cannot be delivered") {
    CenterFixture center;
    Device device(center);
    RunningHub hub(center.center());
    REQUIRE(device.syncOnce(hub.address()).exitCode == 0);
    (void)device.generate(3, 9);
    // A damaged outbox: no push can even be built from it.
    device.tamper("UPDATE operations SET field_refs = x'ffffffff' WHERE device_seq = (SELECT min(device_seq) "
                  "FROM outbox)");
    auto stuck = device.syncOnce(hub.address());
    CHECK(stuck.exitCode == 1);
    CHECK(centerCases(center).empty());

    auto order = runProcess({kHub, "wipe", "--dir", center.center(), device.id});
    REQUIRE_MESSAGE(order.exitCode == 0, order.err);
    auto wiped = device.syncOnce(hub.address());
    CHECK_MESSAGE(wiped.exitCode == 4, wiped.out << wiped.err);
    CHECK_FALSE(std::filesystem::exists(device.data / "store.db"));
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    CHECK(contains(exported.out, "\"state\":\"confirmed\""));
}

TEST_CASE("20 hostile connections of one enrolled device do not keep 3 honest devices from syncing") {
    CenterFixture center;
    std::vector<std::unique_ptr<Device>> honest;
    for (int i = 0; i < 3; ++i) {
        honest.push_back(std::make_unique<Device>(center));
    }
    RunningHub hub(center.center());
    std::set<std::string> created;
    for (int i = 0; i < 3; ++i) {
        REQUIRE(honest[static_cast<std::size_t>(i)]->syncOnce(hub.address()).exitCode == 0);
        const auto ids = honest[static_cast<std::size_t>(i)]->generate(30, 20 + i);
        created.insert(ids.begin(), ids.end());
    }
    ChildProcess attacker({FIELDKIT_BENCH_IDLE_BIN, "--center", center.center(), "--hub", hub.address(),
                           "--hub-pid", std::to_string(hub.process.pid()), "--unit", center.unit, "--hostile",
                           "20", "--seconds", "12"});
    std::this_thread::sleep_for(std::chrono::seconds(2));
    for (const auto& device : honest) {
        auto r = device->syncOnce(hub.address(), std::chrono::seconds(60));
        CHECK_MESSAGE(r.exitCode == 0, r.out << r.err);
    }
    attacker.wait(std::chrono::seconds(60));
    CHECK_MESSAGE(contains(attacker.out(), "hostile pushes sent"), attacker.out() << attacker.err());
    CHECK(hub.process.running());
    CHECK(contains(httpGet(hub.opsPort, "/healthz"), "ok"));
    const auto held = centerCases(center);
    CHECK(held.size() == 90);
    CHECK(std::set<std::string>(held.begin(), held.end()) == created);
    const auto metrics = hub.metrics();
    // Each hostile push was refused on the wire, or its connection was replaced by the device's next one
    // before the hub read it.
    const auto rejected = metricValue(metrics, "fieldkit_hub_frames_rejected_total");
    const auto replaced = metricValue(metrics, "fieldkit_hub_connections_replaced_total");
    CHECK(rejected >= 1);
    CHECK(replaced > 0);
    CHECK(rejected + replaced >= 20);
}
