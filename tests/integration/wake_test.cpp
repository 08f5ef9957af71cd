// A colleague's save reaches the partner tablet at once: the hub tells a connected, idle device that its unit
// has changes (ChangesWaiting), whichever hub the save went through. The partner's daemon runs with the bike
// profile, whose next scheduled sync is five minutes away, so only the wake-up can bring the case in time.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <memory>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

/** The partner's daemon (`run`, bike profile) on `partnerHub`; the colleague saves a case and syncs it once
 *  through `authorHub`; the case must be in the partner's store within seconds. */
void partnerSeesTheSave(const CenterFixture& center, const std::string& authorHub,
                        const std::string& partnerHub) {
    TempDir author;
    TempDir partner;
    center.provision(author.path().string());
    center.provision(partner.path().string());
    ChildProcess daemon(
        {kSyncd, "run", "--data", partner.path().string(), "--hub", partnerHub, "--profile", "bike-tablet"},
        {"FIELDKIT_PROFILES_DIR=" + std::string(FIELDKIT_SOURCE_DIR) + "/hw-profiles/profiles"});
    const auto status = partner.path() / "sync" / "status.json";
    // Its first sync is due at start; after it the bike profile waits 300 s.
    REQUIRE(eventually(
        [&] {
            const auto text = readAll(status);
            return text.find("\"state\":\"ok\"") != std::string::npos &&
                   text.find("\"connected\":true") != std::string::npos;
        },
        20));

    // The first contact installs the unit key the author's cases are sealed with.
    auto enrolled = runProcess({kSyncd, "sync-once", "--data", author.path().string(), "--hub", authorHub},
                               std::chrono::seconds(60));
    REQUIRE_MESSAGE(enrolled.exitCode == 0, enrolled.err);
    auto created = runProcess({kCtl, "--data", author.path().string(), "case", "generate", "--count", "1"},
                              std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(created.exitCode == 0, created.err);
    const std::string caseId = created.out.substr(0, 32);
    auto pushed = runProcess({kSyncd, "sync-once", "--data", author.path().string(), "--hub", authorHub},
                             std::chrono::seconds(60));
    REQUIRE_MESSAGE(pushed.exitCode == 0, pushed.err);

    const auto partnerHas = [&] {
        auto list = runProcess({kCtl, "--data", partner.path().string(), "case", "list", "--json"},
                               std::chrono::seconds(30), kPin);
        return list.out.find(caseId) != std::string::npos;
    };
    CHECK_MESSAGE(eventually(partnerHas, 15), "the partner tablet did not get the case within 15 s");
}

} // namespace

TEST_CASE("a save wakes the partner tablet's daemon through the same hub (SQLite center)") {
    CenterFixture center;
    RunningHub hub(center.center());
    partnerSeesTheSave(center, hub.address(), hub.address());
}

TEST_CASE("a save through one hub wakes a partner tablet connected to another hub on the same PostgreSQL "
          "center") {
    CenterFixture center(CenterBackend::Postgres);
    RunningHub one(center.center());
    RunningHub other(center.center());
    partnerSeesTheSave(center, one.address(), other.address());
}
