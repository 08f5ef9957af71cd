// The center console end to end with real processes: a device creates a case with fieldkit-ctl, a real
// fieldkit-syncd ships it through a real fieldkit-hub, and a real fieldkit-center serves it over HTTPS to
// Debian's Chromium driven by playwright-core (browser/console_browser.mjs: login with TOTP, inbox, case
// page, audit, axe-core, the security checks, and IT's fleet page: enrolment codes, a real enrolment, a
// wipe and a revocation). Also: the hub process never has the center secret key open, and it does not need
// it: it starts and serves sync, enrolment and the wipe order with center.key and center.sign moved out of
// its folder.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <optional>
#include <sstream>

using namespace fieldkit::testing;

namespace {

const std::string kCenterBin = FIELDKIT_CENTER_BIN;
const std::vector<std::string> kPin = {"FIELDKIT_PIN=2468"};

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/** Every file a running process has open or mapped. */
std::vector<std::string> openFilesOf(int pid) {
    std::vector<std::string> files;
    const auto proc = std::filesystem::path("/proc") / std::to_string(pid);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(proc / "fd", ec)) {
        std::error_code linkError;
        const auto target = std::filesystem::read_symlink(entry.path(), linkError);
        if (!linkError) {
            files.push_back(target.string());
        }
    }
    std::istringstream maps(readAll(proc / "maps"));
    for (std::string line; std::getline(maps, line);) {
        const auto slash = line.find('/');
        if (slash != std::string::npos) {
            files.push_back(line.substr(slash));
        }
    }
    return files;
}

/** Moves the center's secret keys out of its folder for as long as it lives (and back afterwards). */
struct SecretKeysAway {
    std::filesystem::path folder;
    std::filesystem::path away;
    SecretKeysAway(const std::string& centerDir, const std::filesystem::path& awayDir)
        : folder(centerDir)
        , away(awayDir) {
        std::filesystem::create_directories(away);
        for (const auto* name : {"center.key", "center.sign"}) {
            std::filesystem::rename(folder / name, away / name);
            REQUIRE_FALSE(std::filesystem::exists(folder / name));
        }
    }
    ~SecretKeysAway() {
        for (const auto* name : {"center.key", "center.sign"}) {
            std::error_code ec;
            std::filesystem::rename(away / name, folder / name, ec);
        }
    }
    SecretKeysAway(const SecretKeysAway&) = delete;
    SecretKeysAway& operator=(const SecretKeysAway&) = delete;
};

struct ConsoleUser {
    std::string name;
    std::string role;
    std::string password;
    std::string secret;
};

} // namespace

TEST_CASE_TEMPLATE("the console shows a case synced from a device, in Chromium with TOTP login, audit, axe "
                   "and security checks",
                   Backend, SqliteCenter, PostgresCenter) {
    CenterFixture center(Backend::kBackend);
    const std::string artefacts = std::string(FIELDKIT_ARTEFACTS_DIR) +
                                  (Backend::kBackend == CenterBackend::Sqlite ? "/sqlite" : "/postgresql");
    TempDir device;
    center.provision(device.path().string());
    TempDir keysAway;
    // The hub starts with no secret key of the center in its folder, so it cannot have read one.
    std::optional<SecretKeysAway> away(std::in_place, center.center(), keysAway.path());
    RunningHub hub(center.center());
    auto sync = [&] {
        return runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()},
                          std::chrono::seconds(60));
    };
    REQUIRE(sync().exitCode == 0);
    const auto caseFile = device / "new-case.json";
    std::ofstream(caseFile) << R"({"service":"passport","channel":"bike","citizen":{"cpr":"0707614285",)"
                            << R"("name":"Karen Blixen","address":"Nørregade 1"},"notes":["første besøg"]})";
    auto created =
        runProcess({kCtl, "--data", device.path().string(), "case", "create", "--json", caseFile.string()},
                   std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(created.exitCode == 0, created.err);
    const std::string caseId = created.out.substr(0, 32);
    auto pushed = sync();
    REQUIRE_MESSAGE(pushed.exitCode == 0, pushed.err);

    // The internet-facing hub never has the center secret key open (file descriptors and mappings).
    for (const auto& file : openFilesOf(hub.process.pid())) {
        const auto name = std::filesystem::path(file).filename().string();
        CHECK_MESSAGE((name != "center.key" && name != "center.sign"),
                      (std::string("the hub has a center secret key open: ") + file));
    }

    away.reset(); // the administrator's tools and the console need them
    std::vector<ConsoleUser> users = {{"anna", "caseworker", "anna-korrekt-hest-batteri", ""},
                                      {"ida", "admin", "ida-korrekt-hest-batteri", ""},
                                      {"carl", "caseworker", "carl-korrekt-hest-batteri", ""},
                                      {"bo", "caseworker", "bo-korrekt-hest-batteri-1", ""}};
    for (auto& u : users) {
        auto added = runProcess(
            {kCenterBin, "user", "add", "--dir", center.center(), "--name", u.name, "--role", u.role},
            std::chrono::seconds(60), {"FIELDKIT_PASSWORD=" + u.password});
        REQUIRE_MESSAGE(added.exitCode == 0, added.err);
        REQUIRE(added.out.rfind("otpauth://totp/fieldkit-center:" + u.name + "?secret=", 0) == 0);
        const auto newline = added.out.find('\n');
        u.secret = added.out.substr(newline + 1, added.out.find('\n', newline + 1) - newline - 1);
        REQUIRE(u.secret.size() == 32);
    }

    ChildProcess console({kCenterBin, "serve", "--dir", center.center(), "--listen", "127.0.0.1:0",
                          "--hub-address", hub.address()});
    auto listening = console.waitForLine("listening on ", std::chrono::seconds(30));
    REQUIRE_MESSAGE(listening.has_value(), console.err());
    const int port = portOf(*listening);
    // From here the keys are only in the console's memory: enrolment and the wipe order go through a hub that
    // has never had them.
    away.emplace(center.center(), keysAway.path());

    // Two device stores the administrator enrols from the browser with codes made there.
    TempDir enrolledByQr, enrolledByText;
    for (const auto* fresh : {&enrolledByQr, &enrolledByText}) {
        auto init = runProcess({kCtl, "--data", fresh->path().string(), "init", "--staff", "anna", "--unit",
                                center.unit, "--kdf-ms", "1"},
                               std::chrono::seconds(60), kPin);
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
    }

    auto user = [](const ConsoleUser& u) {
        return R"({"name":")" + u.name + R"(","password":")" + u.password + R"(","secret":")" + u.secret +
               R"("})";
    };
    const std::string usersJson = R"({"caseworker":)" + user(users[0]) + R"(,"admin":)" + user(users[1]) +
                                  R"(,"other":)" + user(users[2]) + R"(,"lockout":)" + user(users[3]) + "}";
    const std::string expect =
        R"({"service":"Pas","serviceCode":"passport","otherServiceCode":"moving","values":["Karen Blixen",)"
        R"("Nørregade 1","første besøg"],"cpr":"0707614285","cprMasked":"070761-XXXX",)"
        R"("newStatusCode":"ordered","newStatus":"Bestilt"})";
    const auto browser = runProcess(
        {"/usr/bin/node", std::string(FIELDKIT_SOURCE_DIR) + "/tests/center/browser/console_browser.mjs"},
        std::chrono::seconds(300),
        {"FIELDKIT_CONSOLE_URL=https://127.0.0.1:" + std::to_string(port),
         "FIELDKIT_CONSOLE_CERT=" + center.center() + "/console.crt",
         "FIELDKIT_CONSOLE_CA=" + center.center() + "/ca.crt",
         "FIELDKIT_WEB_DIR=" + std::string(FIELDKIT_SOURCE_DIR) + "/center/web", "FIELDKIT_CASE_ID=" + caseId,
         "FIELDKIT_USERS=" + usersJson, "FIELDKIT_EXPECT=" + expect, "FIELDKIT_ARTEFACTS=" + artefacts,
         "FIELDKIT_SYNCD=" + kSyncd, "FIELDKIT_HUB_ADDRESS=" + hub.address(),
         "FIELDKIT_NEW_DEVICES=[\"" + enrolledByQr.path().string() + "\",\"" +
             enrolledByText.path().string() + "\"]"});
    MESSAGE(browser.out);
    CHECK_MESSAGE(browser.exitCode == 0, browser.err);

    // The status the back office set reaches the device store through a real fieldkit-syncd.
    auto pulled = sync();
    REQUIRE_MESSAGE(pulled.exitCode == 0, pulled.err);
    auto shown = runProcess({kCtl, "--data", device.path().string(), "case", "show", caseId, "--json"},
                            std::chrono::seconds(60), kPin);
    REQUIRE_MESSAGE(shown.exitCode == 0, shown.err);
    CHECK_MESSAGE(shown.out.find("\"status\":\"ordered\"") != std::string::npos, shown.out);

    // The console's own log carries no personal data.
    const auto log = console.err() + console.out();
    CHECK(log.find("0707614285") == std::string::npos);
    CHECK(log.find("Karen") == std::string::npos);
}
