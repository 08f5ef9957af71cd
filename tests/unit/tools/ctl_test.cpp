// fieldkit-ctl commands run in-process against a real store in a temporary folder.
#include <algorithm>
#include <doctest/doctest.h>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/ctl/ctl_commands.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <sys/stat.h>

using namespace fieldkit;

namespace {

struct CtlRun {
    int status = 0;
    std::string out;
    std::string err;
};

struct CtlFixture {
    std::filesystem::path dir;

    CtlFixture() {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("fieldkit-ctl-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~CtlFixture() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    /** The program's environment (PINs). */
    std::map<std::string, std::string> environment{{"FIELDKIT_PIN", "1234"}};
    /** What `wipe --confirm` uses to tell the center; unset, the center is not told. */
    std::function<Status(const std::filesystem::path&, const std::optional<std::string>&)> retire;

    /** `fieldkit-ctl --data DIR words...` */
    CtlRun run(std::vector<std::string> words, const std::string& input = {}) const {
        words.insert(words.begin(), {"--data", (dir / "data").string()});
        return runAsTyped(std::move(words), input);
    }

    /** `fieldkit-ctl words...` */
    CtlRun runAsTyped(std::vector<std::string> words, const std::string& input = {}) const {
        words.insert(words.begin(), "fieldkit-ctl");
        std::vector<const char*> argv;
        for (const auto& w : words) {
            argv.push_back(w.c_str());
        }
        std::istringstream in(input);
        std::ostringstream out;
        std::ostringstream err;
        ctl::CtlEnvironment env{in, out, err,
                                [this](const char* name) -> std::optional<std::string> {
                                    const auto it = environment.find(name);
                                    return it == environment.end() ? std::nullopt
                                                                   : std::optional<std::string>(it->second);
                                },
                                retire};
        const int status = ctl::runCtlCommand(static_cast<int>(argv.size()), argv.data(), env);
        return {status, out.str(), err.str()};
    }

    std::filesystem::path write(const std::string& name, const std::string& content) const {
        std::ofstream(dir / name, std::ios::binary) << content;
        return dir / name;
    }
};

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) {
        s.pop_back();
    }
    return s;
}

} // namespace

TEST_CASE("ctl attaches a file to a case and writes it back out decrypted") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    auto created = f.run({"case", "create", "--json", "-"},
                         R"({"service": "passport", "channel": "bike", "citizen": {"cpr": "0707614285"}})");
    REQUIRE_MESSAGE(created.status == 0, created.err);
    const std::string caseId = trimmed(created.out);

    std::string pdf = "%PDF-1.4\n";
    for (int i = 0; i < 70000; ++i) {
        pdf += "line " + std::to_string(i) + "\n"; // several chunks
    }
    const auto source = f.write("brev.pdf", pdf);
    auto attached = f.run({"case", "attach", caseId, "--file", source.string(), "--type", "application/pdf"});
    REQUIRE_MESSAGE(attached.status == 0, attached.err);
    const std::string attachmentId = trimmed(attached.out);
    CHECK(attachmentId.size() == 32);

    const auto target = f.dir / "out.pdf";
    auto read =
        f.run({"case", "attachment", caseId, attachmentId, "--out", target.string(), "--purpose", "test"});
    REQUIRE_MESSAGE(read.status == 0, read.err);
    std::ifstream in(target, std::ios::binary);
    std::ostringstream back;
    back << in.rdbuf();
    CHECK(back.str() == pdf);
    CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);

    auto shown = f.run({"case", "show", caseId, "--json"});
    REQUIRE(shown.status == 0);
    CHECK(shown.out.find("\"name\":\"brev.pdf\"") != std::string::npos);

    auto wrongType = f.run({"case", "attach", caseId, "--file", source.string(), "--type", "image/png"});
    CHECK(wrongType.status == 1);
    CHECK(wrongType.err.find("is not image/png") != std::string::npos);
    CHECK(std::count(wrongType.err.begin(), wrongType.err.end(), '\n') == 1);
}

TEST_CASE("ctl wipe needs --confirm, then leaves nothing to open") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    auto refused = f.run({"wipe"});
    CHECK(refused.status == 1);
    CHECK(refused.err.find("--confirm") != std::string::npos);
    CHECK(std::filesystem::exists(f.dir / "data" / "store.db"));

    auto wiped = f.run({"wipe", "--confirm"});
    REQUIRE_MESSAGE(wiped.status == 0, wiped.err);
    CHECK_FALSE(std::filesystem::exists(f.dir / "data" / "store.db"));
    CHECK(f.run({"case", "list", "--json"}).status == 1);
    CHECK(f.run({"wipe", "--confirm"}).status == 0);
}

namespace {

/** The permission bits of a file (not following a symlink). */
unsigned modeOf(const std::filesystem::path& path) {
    return static_cast<unsigned>(std::filesystem::symlink_status(path).permissions() &
                                 std::filesystem::perms::mask);
}

/** Sets the process umask for one scope (the ctl commands run in this process). */
struct ScopedUmask {
    explicit ScopedUmask(mode_t mask)
        : previous(::umask(mask)) {}
    ~ScopedUmask() { ::umask(previous); }
    ScopedUmask(const ScopedUmask&) = delete;
    ScopedUmask& operator=(const ScopedUmask&) = delete;
    mode_t previous;
};

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE(
    "ctl attachment --out writes a fresh 0600 file: a prepared file or symlink beside it is never used") {
    CtlFixture f;
    const ScopedUmask anyone(0);
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    auto created = f.run({"case", "create", "--json", "-"},
                         R"({"service": "passport", "channel": "bike", "citizen": {"cpr": "0707614285"}})");
    REQUIRE_MESSAGE(created.status == 0, created.err);
    const std::string caseId = trimmed(created.out);
    const auto source = f.write("brev.pdf", "%PDF-1.4\nsecret letter\n");
    auto attached = f.run({"case", "attach", caseId, "--file", source.string(), "--type", "application/pdf"});
    REQUIRE_MESSAGE(attached.status == 0, attached.err);

    // Someone else prepared the names a careless writer would use: a symlink to a file they can read.
    const auto victim = f.write("theirs.txt", "theirs");
    const auto target = f.dir / "out.pdf";
    for (const char* suffix : {".part", ".tmp"}) {
        std::filesystem::create_symlink(victim, target.string() + suffix);
    }
    auto read = f.run({"case", "attachment", caseId, trimmed(attached.out), "--out", target.string()});
    REQUIRE_MESSAGE(read.status == 0, read.err);
    CHECK(slurp(victim) == "theirs");
    CHECK(slurp(target) == "%PDF-1.4\nsecret letter\n");
    CHECK_FALSE(std::filesystem::is_symlink(target));
    CHECK(modeOf(target) == 0600);
}

TEST_CASE("the store and its -wal and -shm are 0600 even under umask 000") {
    CtlFixture f;
    const ScopedUmask anyone(0);
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    const auto file = f.dir / "data" / "store.db";
    CHECK(modeOf(file) == 0600);
    // While a connection is open the WAL and the shared-memory index exist too.
    auto store = store::DeviceStore::open(file);
    REQUIRE(store.ok());
    REQUIRE((*store)->staff().ok());
    for (const auto& path : {file, std::filesystem::path(file.string() + "-wal"),
                             std::filesystem::path(file.string() + "-shm")}) {
        CAPTURE(path);
        REQUIRE(std::filesystem::exists(path));
        CHECK(modeOf(path) == 0600);
    }
}

TEST_CASE(
    "ctl wipe --confirm tells the center first, while the identity exists, and wipes whatever it answers") {
    for (const bool reachable : {true, false}) {
        CAPTURE(reachable);
        CtlFixture f;
        REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
        const auto sync = f.dir / "data" / "sync";
        common::DeviceSyncConfig enrolled;
        enrolled.deviceId = "dev-7";
        enrolled.unit = "bike-07";
        enrolled.keyPem = "key";
        enrolled.certPem = "certificate";
        enrolled.hubKeyPin = "pin";
        enrolled.hubAddress = "hub:7443";
        REQUIRE(common::saveDeviceSyncConfig(f.dir / "data", enrolled).ok());
        bool identityWhenAsked = false;
        f.retire = [&](const std::filesystem::path& data, const std::optional<std::string>&) -> Status {
            identityWhenAsked = std::filesystem::exists(data / "sync" / "device.key") &&
                                std::filesystem::exists(data / "store.db");
            return reachable ? Status() : makeError("offline", "No contact with the center.");
        };
        auto wiped = f.run({"wipe", "--confirm"});
        REQUIRE_MESSAGE(wiped.status == 0, wiped.err);
        CAPTURE(wiped.out);
        CHECK(identityWhenAsked);
        CHECK_FALSE(std::filesystem::exists(f.dir / "data" / "store.db"));
        CHECK_FALSE(std::filesystem::exists(sync / "device.key"));
        if (reachable) {
            CHECK(wiped.out.find("the center revoked device dev-7") != std::string::npos);
        } else {
            CHECK(wiped.out.find("could not be told (No contact with the center.); ask IT to revoke device "
                                 "dev-7") != std::string::npos);
        }
    }
}

TEST_CASE("ctl wipe --confirm deletes the sync identity too") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    const auto sync = f.dir / "data" / "sync";
    std::filesystem::create_directories(sync);
    for (const char* name : {"device.key", "device.crt", "hub.pin", "unit.sealed", "status.json"}) {
        std::ofstream(sync / name) << "identity " << name;
    }
    auto wiped = f.run({"wipe", "--confirm"});
    REQUIRE_MESSAGE(wiped.status == 0, wiped.err);
    CHECK_FALSE(std::filesystem::exists(f.dir / "data" / "store.db"));
    for (const char* name : {"device.key", "device.crt", "hub.pin", "unit.sealed", "status.json"}) {
        CHECK_MESSAGE(!std::filesystem::exists(sync / name), name);
    }
}

TEST_CASE("ctl staff pin replaces a PIN: the old one opens nothing, the new one does, and it is audited") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    f.environment["FIELDKIT_NEW_PIN"] = "8642";
    auto changed = f.run({"staff", "pin", "--kdf-ms", "1"});
    REQUIRE_MESSAGE(changed.status == 0, changed.err);
    CHECK(changed.out == "PIN changed\n");
    CHECK(f.run({"case", "list"}).status == 1); // FIELDKIT_PIN is still the old one
    f.environment["FIELDKIT_PIN"] = "8642";
    CHECK(f.run({"case", "list"}).status == 0);

    auto store = store::DeviceStore::open(f.dir / "data" / "store.db");
    REQUIRE(store.ok());
    auto session = (*store)->unlock("anna", "8642");
    REQUIRE(session.ok());
    auto log = (*session)->auditLog();
    REQUIRE(log.ok());
    CHECK(std::ranges::any_of(*log, [](const store::AuditEntry& e) {
        return e.action == "pin_changed" && e.staff == "anna" && e.purpose == "administration";
    }));
}

TEST_CASE("ctl staff remove takes a colleague's key away, audited, and never the last key") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    f.environment["FIELDKIT_NEW_PIN"] = "9753";
    REQUIRE(f.run({"staff", "add", "--name", "bo", "--kdf-ms", "1"}).status == 0);

    auto removed = f.run({"staff", "remove", "bo", "--staff", "anna"});
    REQUIRE_MESSAGE(removed.status == 0, removed.err);
    CHECK(f.run({"staff", "list"}).out == "anna\n");
    auto store = store::DeviceStore::open(f.dir / "data" / "store.db");
    REQUIRE(store.ok());
    CHECK_FALSE((*store)->unlock("bo", "9753").ok());
    {
        auto session = (*store)->unlock("anna", "1234");
        REQUIRE(session.ok());
        auto log = (*session)->auditLog();
        REQUIRE(log.ok());
        CHECK(std::ranges::any_of(*log,
                                  [](const store::AuditEntry& e) { return e.action == "staff_removed:bo"; }));
    }

    auto last = f.run({"staff", "remove", "anna"});
    CHECK(last.status == 1);
    CHECK(last.err.find("last working staff key") != std::string::npos);
    CHECK(f.run({"staff", "remove", "nobody"}).err.find("No staff member named nobody") != std::string::npos);
    CHECK(f.run({"staff", "remove"}).status == 1);
}

TEST_CASE("ctl refuses a malformed command line with exit 2 and one line naming the option and its range") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    const auto refused = [&](std::vector<std::string> words, const std::string& expected) {
        CAPTURE(expected);
        const auto r = f.run(std::move(words));
        CAPTURE(r.err);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find(expected) != std::string::npos);
        CHECK(r.err.find("--help") != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    };
    for (const char* bad : {"abc", "0", "1000001", "1.5", "10s", "", "99999999999999999999"}) {
        refused({"case", "list", "--limit", bad}, "--limit: must be a whole number from 1 to 1000000");
    }
    refused({"case", "generate", "--seed", "-1"},
            "--seed: must be a whole number from 0 to 9223372036854775807");
    refused({"init", "--staff", "bo", "--kdf-ms", "60001"},
            "--kdf-ms: must be a whole number from 1 to 60000");
    for (const char* bad : {"nan", "inf", "-1", "1e300", "x"}) {
        refused({"purge", "--older-than", bad}, "--older-than: must be a number from 0 to 878400");
    }
    refused({"case", "list", "--bogus"}, "--bogus");
    refused({"case", "show"}, "ID is required");
    refused({"case", "show", "a", "0101011234"},
            "one word more than the command takes"); // never the word itself
    refused({"case", "frobnicate"}, "A subcommand is required (see fieldkit-ctl case --help)");
    refused({"case"}, "A subcommand is required");
    refused({"purge"}, "--older-than is required");
    refused({"case", "list", "--limit"}, "--limit");
    // Nothing was generated by any of them.
    CHECK(f.run({"case", "list", "--json"}).out == "[]\n");
}

TEST_CASE("ctl refuses text that is not UTF-8, naming the option, before doing anything") {
    CtlFixture f;
    const auto value = f.run({"init", "--staff", "Anna \xff", "--standalone", "--kdf-ms", "1"});
    CHECK(value.status == 2);
    CHECK(value.err == "fieldkit-ctl: The value of --staff is not valid UTF-8 text.\n");
    CHECK_FALSE(std::filesystem::exists(f.dir / "data"));
    const auto joined = f.run({"case", "set", "0", "--name=\xc3\x28"});
    CHECK(joined.err == "fieldkit-ctl: The value of --name is not valid UTF-8 text.\n");
    const auto word = f.runAsTyped({"staff", "remove", "\xff"});
    CHECK(word.status == 2);
    CHECK(word.err == "fieldkit-ctl: Argument 3 is not valid UTF-8 text.\n");
}

TEST_CASE("ctl --help and --version print on standard output and exit 0, for every command") {
    CtlFixture f;
    const auto help = f.run({"--help"});
    CHECK(help.status == 0);
    CHECK(help.err.empty());
    for (const char* command : {"init", "staff", "case", "contact", "verify", "wipe", "purge", "device-id",
                                "device-info", "sync-status", "profile"}) {
        CHECK_MESSAGE(help.out.find(std::string("  ") + command + " ") != std::string::npos, command);
    }
    const auto list = f.run({"case", "list", "--help"});
    CHECK(list.status == 0);
    CHECK(list.out.find("--limit") != std::string::npos);
    CHECK(list.out.find("1 to 1000000") != std::string::npos);
    const auto create = f.run({"case", "create", "--help"});
    CHECK(create.out.find("--json") != std::string::npos);
    const auto version = f.run({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.starts_with("fieldkit-ctl "));
}

TEST_CASE("ctl takes --data before or after the command, and case create --json reads a file or -") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    const auto file = f.write("case.json", R"({"service": "passport", "channel": "bike"})");
    REQUIRE(f.run({"case", "create", "--json", file.string()}).status == 0);
    REQUIRE(f.run({"case", "create"}, R"({"service": "passport", "channel": "bike"})").status == 0);
    const auto list = f.runAsTyped({"case", "list", "--data", (f.dir / "data").string()});
    CHECK(list.status == 0);
    CHECK(std::count(list.out.begin(), list.out.end(), '{') >= 2);
}
