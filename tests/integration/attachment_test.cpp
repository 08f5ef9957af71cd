// The attachment lane end to end with real processes: a 5 MB attachment crosses a link that keeps dropping,
// with sync-once retried until it succeeds. The center must end with every chunk and the operation that was
// held back for them, and the chunks it received may exceed the chunk count by at most one per drop.
#include "fixtures.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::string kNetfault = FIELDKIT_NETFAULT_BIN;
const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};
constexpr std::size_t kFileBytes = 5'000'000;
constexpr long long kChunks = (kFileBytes + 256 * 1024 - 1) / (256 * 1024); // 20

/** A PNG-typed file of random content (the store checks only the signature bytes). */
void writeBigPng(const std::filesystem::path& file) {
    std::string bytes = "\x89PNG\r\n\x1a\n";
    std::mt19937 random(7);
    while (bytes.size() < kFileBytes) {
        bytes.push_back(static_cast<char>(random() & 0xff)); // incompressible, like a photo
    }
    std::ofstream(file, std::ios::binary) << bytes;
}

/** Drops the proxy made while at least one connection was open (those can cut a transfer). */
long long dropsThatHit(const std::string& proxyLog) {
    const std::string marker = "dropping ";
    long long hits = 0;
    std::istringstream in(proxyLog);
    for (std::string line; std::getline(in, line);) {
        const auto at = line.find(marker);
        if (at != std::string::npos && line.find(" connection", at) != std::string::npos) {
            hits += std::atoll(line.c_str() + at + marker.size()) > 0 ? 1 : 0;
        }
    }
    return hits;
}

/** Bytes the emulated link carried from the device to the hub, over every connection of the run. */
long long bytesUp(const std::string& proxyLog) {
    const std::string marker = " close (";
    long long total = 0;
    std::istringstream in(proxyLog);
    for (std::string line; std::getline(in, line);) {
        const auto at = line.find(marker);
        const auto up = at == std::string::npos ? std::string::npos : line.find("): up ", at);
        if (up != std::string::npos) {
            total += std::atoll(line.c_str() + up + 6);
        }
    }
    return total;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) {
        ++n;
    }
    return n;
}

/** One device, one case with a 5 MB attachment, synced through fieldkit-netfault with `link` options. */
void attachmentOverFaultyLink(const std::vector<std::string>& link, std::chrono::seconds attemptLimit,
                              int maxAttempts, CenterBackend backend = CenterBackend::Sqlite) {
    CenterFixture center(backend);
    TempDir data;
    center.provision(data.path().string());
    RunningHub hub(center.center());
    const auto ctl = [&](std::vector<std::string> words) {
        std::vector<std::string> argv = {kCtl, "--data", data.path().string()};
        argv.insert(argv.end(), words.begin(), words.end());
        return runProcess(argv, std::chrono::seconds(120), kPin);
    };
    const auto syncOnce = [&](const std::string& address, std::chrono::seconds limit) {
        return runProcess({kSyncd, "sync-once", "--data", data.path().string(), "--hub", address}, limit);
    };
    REQUIRE(syncOnce(hub.address(), std::chrono::seconds(60)).exitCode == 0); // files the enrolment keys

    auto made = ctl({"case", "generate", "--count", "1", "--seed", "11"});
    REQUIRE_MESSAGE(made.exitCode == 0, made.err);
    const std::string caseId = made.out.substr(0, 32);
    writeBigPng(data / "photo.png");
    auto attached = ctl({"case", "attach", caseId, "--file", (data / "photo.png").string(), "--type",
                         "image/png", "--name", "photo"});
    REQUIRE_MESSAGE(attached.exitCode == 0, attached.err);
    const std::string attachmentId = attached.out.substr(0, 32);

    std::vector<std::string> proxyArgv = {kNetfault, "--listen", "127.0.0.1:0", "--target", hub.address(),
                                          "--seed",  "5"};
    proxyArgv.insert(proxyArgv.end(), link.begin(), link.end());
    ChildProcess proxy(proxyArgv);
    const auto proxyLine = proxy.waitForLine("listening on ", std::chrono::seconds(20));
    REQUIRE(proxyLine.has_value());
    const std::string viaProxy = "127.0.0.1:" + std::to_string(portOf(*proxyLine));

    Finished last;
    int attempts = 0;
    while (attempts < maxAttempts) {
        ++attempts;
        last = syncOnce(viaProxy, attemptLimit);
        MESSAGE("attempt " << attempts << ": exit " << last.exitCode << " " << last.out << last.err);
        if (last.exitCode == 0) {
            break;
        }
    }
    REQUIRE_MESSAGE(last.exitCode == 0, "no success after " << attempts << " attempts: " << last.err);
    proxy.terminate();
    const long long drops = dropsThatHit(proxy.err());
    MESSAGE(attempts << " attempts, " << drops << " drops hit an open connection");
    // On the wire, a drop may cost the chunk it cut and a connection's set-up, never a restart: the bytes up
    // stay within the ciphertext (plus 1 % for TLS records and frames), one chunk per drop and 16 KiB of
    // handshakes, hello and offers per attempt.
    const long long cipher = static_cast<long long>(kFileBytes) + kChunks * 17;
    const long long budget = cipher + cipher / 100 + drops * (256 * 1024 + 17) + attempts * 16 * 1024;
    const long long wire = bytesUp(proxy.err());
    MESSAGE(wire << " bytes up over the link, budget " << budget);
    CHECK(wire >= cipher);
    CHECK(wire <= budget);

    // The center holds every chunk, the attachment is complete, and the held-back operation arrived.
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.find("\"id\":\"" + attachmentId + "\"") != std::string::npos);
    CHECK(exported.out.find("\"chunks\":" + std::to_string(kChunks) + ",\"chunks_held\":" +
                            std::to_string(kChunks) + ",\"complete\":true") != std::string::npos);
    CHECK(count(exported.out, "\"attachment\":[") == 1); // the append that references it
    CHECK(exported.out.find("\"problems\"") == std::string::npos);
    auto stats = runProcess({kHub, "stats", "--dir", center.center(), "--json"});
    CHECK(stats.out.find("\"attachment_chunks\":" + std::to_string(kChunks)) != std::string::npos);
    auto status = runProcess({kCtl, "--data", data.path().string(), "sync-status"});
    CHECK(status.out.find("\"pending_ops\":0") != std::string::npos);

    // A drop costs at most the chunk in flight.
    const auto metrics = hub.metrics();
    const long long received = metricValue(metrics, "fieldkit_attachment_chunks_received_total");
    CHECK(metricValue(metrics, "fieldkit_attachment_chunks_stored_total") == kChunks);
    CHECK(metricValue(metrics, "fieldkit_attachment_chunks_refused_total") == 0);
    MESSAGE(received << " chunks received for " << kChunks << ", "
                     << metricValue(metrics, "fieldkit_attachment_chunks_duplicate_total") << " duplicates");
    CHECK(received >= kChunks);
    CHECK_MESSAGE(received <= kChunks + drops, received << " chunks received, " << drops << " drops");

    // The partner tablet of the unit fetches the attachment from the center, chunk by chunk, and opens it
    // with the unit's key: the same bytes as the original.
    TempDir partner;
    center.provision(partner.path().string());
    auto fetched =
        runProcess({kSyncd, "sync-once", "--data", partner.path().string(), "--hub", hub.address()},
                   std::chrono::seconds(120));
    REQUIRE_MESSAGE(fetched.exitCode == 0, fetched.out << fetched.err);
    CHECK(fetched.out.find("attachments from the unit: " + std::to_string(kChunks) +
                           " chunks received, 1 "
                           "complete here") != std::string::npos);
    auto opened = runProcess({kCtl, "--data", partner.path().string(), "case", "attachment", caseId,
                              attachmentId, "--out", (partner / "photo.png").string()},
                             std::chrono::seconds(120), kPin);
    REQUIRE_MESSAGE(opened.exitCode == 0, opened.err);
    std::ifstream original(data / "photo.png", std::ios::binary);
    std::ifstream copy(partner / "photo.png", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(original), {}) ==
          std::string(std::istreambuf_iterator<char>(copy), {}));
    // Whole chunks, except those a fresh link's small pace asked for in slices (its first, say).
    const auto served = hub.metrics();
    const long long whole = metricValue(served, "fieldkit_attachment_chunks_served_total");
    const long long slices = metricValue(served, "fieldkit_attachment_chunk_slices_served_total");
    CHECK(whole <= kChunks);
    CHECK((whole == kChunks || slices >= 2)); // a chunk not served whole came in two slices at least
    // Asked again, nothing more comes: it is whole here.
    auto again = runProcess({kSyncd, "sync-once", "--data", partner.path().string(), "--hub", hub.address()},
                            std::chrono::seconds(60));
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("attachments from the unit") == std::string::npos);
}

} // namespace

TEST_CASE_TEMPLATE(
    "a 5 MB attachment crosses a dropping link: complete at the center, at most one chunk again per drop",
    Backend, SqliteCenter, PostgresCenter) {
    // A 2G-like link with a faster pipe and shorter latency (and no store-and-forward), so CI takes seconds
    // instead of a quarter of an hour; the drops come as often relative to the transfer (several per
    // attachment). FIELDKIT_SLOW_TESTS=1 also runs the real 2G below.
    attachmentOverFaultyLink({"--profile", "none", "--latency-ms", "50", "--bandwidth-kbit", "4000",
                              "--drop-every-ms", "4000-7000"},
                             std::chrono::seconds(120), 60, Backend::kBackend);
}

TEST_CASE("a 5 MB attachment crosses real 2G (80 kbit/s) with drops (FIELDKIT_SLOW_TESTS=1, ~20 minutes)") {
    if (std::getenv("FIELDKIT_SLOW_TESTS") == nullptr) { // NOLINT(concurrency-mt-unsafe)
        MESSAGE("skipped: set FIELDKIT_SLOW_TESTS=1 to run the real 2G transfer");
        return;
    }
    attachmentOverFaultyLink({"--profile", "2g", "--drop-every-ms", "60000-120000"},
                             std::chrono::seconds(1800), 40);
}
