// Borgerblikket end to end with real processes (issue 18): a device creates a case with fieldkit-ctl (canary
// personal data in every field), a real fieldkit-syncd ships it and its sealed citizen view through a real
// fieldkit-hub, whose status listener serves the citizen over HTTPS to Debian's Chromium
// (browser/status_browser.mjs). Then 10,000 wrong codes from 100 loopback addresses while the real citizen is
// served (browser/status_bruteforce.mjs), and a scan of the hub's database and logs for the canaries.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

std::string fileBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string jsonField(const std::string& json, const std::string& name) {
    const auto at = json.find("\"" + name + "\":\"");
    REQUIRE(at != std::string::npos);
    const auto start = at + name.size() + 4;
    return json.substr(start, json.find('"', start) - start);
}

} // namespace

TEST_CASE("the citizen sees their case on Borgerblikket from the receipt, brute force gets nowhere, and the "
          "hub keeps no personal data in clear") {
    CenterFixture center;
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center(), {"--status-listen", "127.0.0.1:0"});
    const auto statusLine = hub.process.out().find("status on ");
    REQUIRE_MESSAGE(statusLine != std::string::npos, hub.process.err());
    const int statusPort =
        portOf(hub.process.out().substr(statusLine, hub.process.out().find('\n', statusLine) - statusLine));
    const std::string statusUrl = "https://127.0.0.1:" + std::to_string(statusPort);
    auto sync = [&] {
        return runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()},
                          std::chrono::seconds(60));
    };
    REQUIRE(sync().exitCode == 0);

    // Canaries: personal data that must never reach the hub in clear.
    const std::vector<std::string> canaries = {"Kanariefugl Mortensen", "0707614285", "Kanarievej 17",
                                               "kanarie-note-hemmelig", "+45 87654321"};
    const auto caseFile = device / "new-case.json";
    std::ofstream(caseFile)
        << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285",)"
        << R"("name":"Kanariefugl Mortensen","address":"Kanarievej 17","phone":"+45 87654321"},)"
        << R"("notes":["kanarie-note-hemmelig"],"checklist":{"foto":"yes"}})";
    auto created =
        runProcess({kCtl, "--data", device.path().string(), "case", "create", "--json", caseFile.string()},
                   std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(created.exitCode == 0, created.err);
    const std::string caseId = created.out.substr(0, 32);
    auto pushed = sync();
    REQUIRE_MESSAGE(pushed.exitCode == 0, pushed.err);
    auto receipt = runProcess({kCtl, "--data", device.path().string(), "case", "receipt", caseId},
                              std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(receipt.exitCode == 0, receipt.err);
    const std::string receiptJson = receipt.out.substr(0, receipt.out.find('\n'));
    const std::string code = jsonField(receiptJson, "code");
    std::string codeNormalised;
    for (const char c : code) {
        if (c != '-') {
            codeNormalised += c;
        }
    }

    std::string canaryJson = "[";
    for (const auto& c : canaries) {
        canaryJson += (canaryJson.size() > 1 ? ",\"" : "\"") + c + "\"";
    }
    canaryJson += "]";
    const std::string web = std::string(FIELDKIT_SOURCE_DIR) + "/center/web";
    const auto browser = runProcess(
        {"/usr/bin/node", std::string(FIELDKIT_SOURCE_DIR) + "/tests/status/browser/status_browser.mjs"},
        std::chrono::seconds(400),
        {"FIELDKIT_STATUS_URL=" + statusUrl, "FIELDKIT_STATUS_CERT=" + center.center() + "/status.crt",
         "FIELDKIT_WEB_DIR=" + web, "FIELDKIT_RECEIPT=" + receiptJson,
         "FIELDKIT_ARTEFACTS=" + std::string(FIELDKIT_ARTEFACTS_DIR),
         "FIELDKIT_DEVICE=" + device.path().string(), "FIELDKIT_CASE_ID=" + caseId,
         "FIELDKIT_CANARIES=" + canaryJson, "FIELDKIT_CTL=" + kCtl, "FIELDKIT_SYNCD=" + kSyncd,
         "FIELDKIT_HUB_ADDRESS=" + hub.address(), "FIELDKIT_PIN=2468"});
    MESSAGE(browser.out);
    CHECK_MESSAGE(browser.exitCode == 0, browser.err);

    const auto brute = runProcess(
        {"/usr/bin/node", std::string(FIELDKIT_SOURCE_DIR) + "/tests/status/browser/status_bruteforce.mjs"},
        std::chrono::seconds(600),
        {"FIELDKIT_STATUS_URL=" + statusUrl, "FIELDKIT_STATUS_CA=" + center.center() + "/ca.crt",
         "FIELDKIT_RECEIPT=" + receiptJson});
    MESSAGE(brute.out);
    CHECK_MESSAGE(brute.exitCode == 0, brute.err);

    // The canary scan: the center's database (with its WAL) and the hub's own output after everything above.
    const std::string hubLog = hub.process.out() + hub.process.err();
    std::string database;
    for (const auto* name : {"center.db", "center.db-wal"}) {
        database += fileBytes(std::filesystem::path(center.center()) / name);
    }
    REQUIRE(database.size() > 10000);
    REQUIRE(database.find(jsonField(receiptJson, "fragment").substr(3, 10)) !=
            std::string::npos); // the reference is there
    for (const auto& canary : canaries) {
        CHECK_MESSAGE(database.find(canary) == std::string::npos,
                      (std::string("center database holds ") + canary));
        CHECK_MESSAGE(hubLog.find(canary) == std::string::npos, (std::string("hub log holds ") + canary));
    }
    // Nor the access code: the hub keeps only its verifier.
    CHECK(database.find(codeNormalised) == std::string::npos);
    CHECK(hubLog.find(codeNormalised) == std::string::npos);
    CHECK(hubLog.find(code) == std::string::npos);
}
