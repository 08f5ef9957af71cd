// Accounts, login, sessions, CSRF, roles and the audit chain, through ConsoleAuth and ConsoleApp on a real
// SQLite center store with a fake clock and a deterministic random source.
#include "center_store_fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fieldkit/center/center_audit_log.hpp>
#include <fieldkit/center/center_operations.hpp>
#include <fieldkit/center/console_app.hpp>
#include <fieldkit/center/console_auth.hpp>
#include <fieldkit/center/totp.hpp>

using namespace fieldkit;
using namespace fieldkit::center;
using fieldkit::hub::testing::TempStore;

namespace {

/** Bytes from a counter: reproducible, never repeating within a test. */
class CountingRandom final : public crypto::RandomSource {
public:
    void fill(std::span<std::uint8_t> out) override {
        for (auto& b : out) {
            b = static_cast<std::uint8_t>(++m_next * 131 + 7);
        }
    }

private:
    std::uint64_t m_next = 0;
};

std::vector<std::uint8_t> base32Decode(const std::string& text) {
    static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::vector<std::uint8_t> out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        buffer = (buffer << 5) | static_cast<std::uint32_t>(kAlphabet.find(c));
        bits += 5;
        if (bits >= 8) {
            out.push_back(static_cast<std::uint8_t>((buffer >> (bits - 8)) & 0xff));
            bits -= 8;
        }
    }
    return out;
}

/** Records what the console asked of the fleet; the real actions are tested in the hub and end to end. */
class FakeFleet final : public FleetActions {
public:
    Result<EnrolmentInvite> createEnrolmentCode(const std::string& unit,
                                                std::chrono::seconds validFor) override {
        calls.push_back("code:" + unit + ":" + std::to_string(validFor.count()));
        return EnrolmentInvite{unit, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", 1'800'000'000'000};
    }
    Status revoke(const std::string& deviceId) override {
        calls.push_back("revoke:" + deviceId);
        return {};
    }
    Status orderWipe(const std::string& deviceId) override {
        calls.push_back("wipe:" + deviceId);
        return {};
    }
    std::string hubAddress() const override { return "hub.example:8443"; }

    std::vector<std::string> calls;
};

struct Console {
    TempStore t;
    std::int64_t now = 1'800'000'000'000;
    CountingRandom random;
    crypto::BoxKeyPair centerKey = crypto::BoxKeyPair::generate();
    CenterAuditLog audit{t.store->audit(), crypto::AuditMac::forCenter(centerKey.secret()),
                         [this] { return now; }};
    LocalPasswords passwords;
    ConsoleAuth auth{t.store->accounts(),    centerKey, audit,           passwords,
                     [this] { return now; }, random,    SessionLimits{}, crypto::PasswordCost{1, 8192}};
    FakeFleet fleet;
    ConsoleApp app{*t.store, centerKey,
                   auth,     audit,
                   fleet,    std::filesystem::temp_directory_path(),
                   random,   [this] { return now; }};

    std::string addUser(const std::string& name, const std::string& role) {
        auto created = auth.addUser(name, role, name + "-password-long");
        REQUIRE(created.ok());
        return created->totpBase32;
    }
    std::string code(const std::string& secret, std::int64_t stepOffset = 0) {
        return totpCode(base32Decode(secret), totpStep(now / 1000) + stepOffset);
    }
    /** A finished login; answers the cookie value. */
    std::string login(const std::string& name, const std::string& secret) {
        auto cookie = auth.loginFirstFactor(name, name + "-password-long");
        REQUIRE(cookie.ok());
        REQUIRE(auth.loginSecondFactor(*cookie, code(secret)).ok());
        return *cookie;
    }
    Response get(const std::string& path, const std::string& cookie) {
        Request r{"GET", path, {}, {}, {{kSessionCookie, cookie}}, ""};
        return app.handle(r);
    }
    Response post(const std::string& path, const std::string& cookie,
                  std::map<std::string, std::string> form) {
        Request r{"POST", path, {}, std::move(form), {{kSessionCookie, cookie}}, ""};
        return app.handle(r);
    }
};

std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
        if (k == name) {
            return v;
        }
    }
    return "";
}

} // namespace

TEST_CASE("a login takes the password, then a fresh TOTP code, and a used code is refused") {
    Console c;
    const auto secret = c.addUser("anna", "caseworker");
    CHECK(c.auth.addUser("anna", "caseworker", "another-long-password").error().code == "user_exists");
    CHECK(c.auth.addUser("x", "root", "another-long-password").error().code == "bad_role");
    CHECK(c.auth.addUser("y", "admin", "short").error().code == "weak_password");
    CHECK(c.auth.loginFirstFactor("anna", "wrong").error().code == "bad_login");
    CHECK(c.auth.loginFirstFactor("nobody", "wrong").error().code == "bad_login");

    auto cookie = c.auth.loginFirstFactor("anna", "anna-password-long");
    REQUIRE(cookie.ok());
    CHECK(cookie->size() == 64);
    CHECK_FALSE(c.auth.session(*cookie)->secondFactorDone);
    CHECK(c.auth.loginSecondFactor(*cookie, "000000").error().code == "bad_code");
    const auto code = c.code(secret, -1); // the step before: still accepted (clock drift)
    REQUIRE(c.auth.loginSecondFactor(*cookie, code).ok());
    CHECK(c.auth.session(*cookie)->secondFactorDone);

    auto again = c.auth.loginFirstFactor("anna", "anna-password-long");
    REQUIRE(again.ok());
    CHECK(c.auth.loginSecondFactor(*again, code).error().code == "bad_code");
    CHECK(c.auth.loginSecondFactor(*again, c.code(secret, 2)).error().code == "bad_code");
    // The stored session is only the hash of the cookie value.
    CHECK(c.t.store->accounts().session(sessionHash(*cookie))->has_value());
    CHECK_FALSE(c.t.store->accounts()
                    .session(std::vector<std::uint8_t>(cookie->begin(), cookie->end()))
                    ->has_value());
}

TEST_CASE("five failed logins lock the account, the lock is audited and ends after the back-off") {
    Console c;
    const auto secret = c.addUser("bo", "caseworker");
    for (int i = 0; i < 5; ++i) {
        CHECK(c.auth.loginFirstFactor("bo", "wrong").error().code == "bad_login");
    }
    CHECK(c.auth.loginFirstFactor("bo", "bo-password-long").error().code == "locked");
    bool lockoutAudited = false;
    const auto entries = c.t.store->audit().entries(1);
    REQUIRE(entries.ok());
    for (const auto& e : *entries) {
        lockoutAudited = lockoutAudited || (e.action == "lockout" && e.user == "bo");
    }
    CHECK(lockoutAudited);
    c.now += 5 * 60 * 1000 + 1;
    CHECK_FALSE(c.login("bo", secret).empty());
    CHECK((*c.t.store->accounts().user("bo"))->failedLogins == 0);
}

TEST_CASE("sessions end after 15 idle minutes and after 8 hours whatever happens") {
    Console c;
    const auto secret = c.addUser("anna", "caseworker");
    auto cookie = c.login("anna", secret);
    c.now += 14 * 60 * 1000;
    CHECK(c.auth.session(cookie).ok());
    c.now += 16 * 60 * 1000;
    CHECK(c.auth.session(cookie).error().code == "no_session");

    cookie = c.login("anna", secret);
    for (int i = 0; i < 40; ++i) { // used every 14 minutes for more than 8 hours
        c.now += 14 * 60 * 1000;
        (void)c.auth.session(cookie);
    }
    CHECK(c.auth.session(cookie).error().code == "no_session");
}

TEST_CASE("no page without a session, no POST without the CSRF token, no administration for a caseworker") {
    Console c;
    const auto annaSecret = c.addUser("anna", "caseworker");
    const auto idaSecret = c.addUser("ida", "admin");
    for (const auto* path : {"/inbox", "/admin/audit", "/case/00112233445566778899aabbccddeeff", "/"}) {
        const auto r = c.get(path, "");
        CHECK(r.status == 303);
        CHECK(header(r, "Location") == "/login");
    }
    const auto anna = c.login("anna", annaSecret);
    CHECK(c.get("/inbox", anna).status == 200);
    CHECK(c.get("/inbox", anna).personalData);
    CHECK(c.get("/admin/audit", anna).status == 403);
    CHECK(c.post("/logout", anna, {}).status == 403);
    CHECK(c.post("/logout", anna, {{"csrf", "00"}}).status == 403);
    const auto csrf = c.auth.session(anna)->csrfToken;
    CHECK(c.post("/case/00112233445566778899aabbccddeeff/reveal", anna, {{"csrf", csrf}}).status == 404);
    CHECK(c.get("/case/00112233445566778899aabbccddeeff", anna).status == 404);
    CHECK(c.post("/logout", anna, {{"csrf", csrf}}).status == 303);
    CHECK(c.get("/inbox", anna).status == 303);

    const auto ida = c.login("ida", idaSecret);
    CHECK(c.get("/admin/audit", ida).status == 200);
    CHECK(c.get("/inbox", ida).status == 403);
    // Static files need no session but cannot leave the static folder.
    CHECK(c.get("/static/../etc/passwd", "").status == 404);
}

TEST_CASE("the fleet is for administrators: codes with a QR code, revocation and wipe after a confirmation") {
    Console c;
    const std::string device = "00112233445566778899aabbccddeeff";
    REQUIRE(c.t.store->devices().registerDevice(device, "bike-07").ok());
    // The console's own authoring identity for the unit is no tablet: not listed, not revocable.
    REQUIRE(c.t.store->devices().registerDevice(consoleDeviceId("bike-07"), "bike-07").ok());
    const auto annaSecret = c.addUser("anna", "caseworker");
    const auto idaSecret = c.addUser("ida", "admin");
    const auto anna = c.login("anna", annaSecret);
    const auto annaCsrf = c.auth.session(anna)->csrfToken;
    CHECK(c.get("/fleet", anna).status == 403);
    CHECK(c.get("/fleet/device/" + device + "/wipe", anna).status == 403);
    CHECK(c.post("/fleet/enrol", anna, {{"csrf", annaCsrf}, {"unit", "bike-07"}}).status == 403);
    CHECK(c.post("/fleet/device/" + device + "/revoke", anna, {{"csrf", annaCsrf}}).status == 403);

    const auto ida = c.login("ida", idaSecret);
    const auto csrf = c.auth.session(ida)->csrfToken;
    const auto fleet = c.get("/fleet", ida);
    CHECK(fleet.status == 200);
    CHECK(fleet.body.find("00112233") != std::string::npos);
    CHECK(fleet.body.find("Afventer første kontakt") != std::string::npos);
    CHECK(fleet.body.find("href=\"/fleet\"") != std::string::npos); // in the navigation
    CHECK(fleet.body.find(consoleDeviceId("bike-07").substr(0, 8)) == std::string::npos);
    CHECK(c.get("/fleet/device/" + consoleDeviceId("bike-07") + "/revoke", ida).status == 404);

    // No POST without the token, and none of them reached the fleet.
    CHECK(c.post("/fleet/enrol", ida, {{"unit", "bike-07"}}).status == 403);
    CHECK(c.post("/fleet/device/" + device + "/wipe", ida, {}).status == 403);
    CHECK(c.fleet.calls.empty());

    CHECK(c.post("/fleet/enrol", ida, {{"csrf", csrf}, {"unit", "no-such-unit"}}).status == 400);
    const auto code = c.post("/fleet/enrol", ida, {{"csrf", csrf}, {"unit", "bike-07"}, {"valid", "3600"}});
    CHECK(code.status == 200);
    CHECK(code.personalData); // no-store: the code is shown once
    CHECK(code.body.find("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345") != std::string::npos);
    CHECK(code.body.find("<svg ") != std::string::npos);
    CHECK(code.body.find("<script") == std::string::npos);
    CHECK(c.fleet.calls == std::vector<std::string>{"code:bike-07:3600"});

    const auto confirm = c.get("/fleet/device/" + device + "/revoke", ida);
    CHECK(confirm.status == 200);
    CHECK(confirm.body.find(device) != std::string::npos);
    CHECK(c.fleet.calls.size() == 1); // asking is not doing
    const auto revoked = c.post("/fleet/device/" + device + "/revoke", ida, {{"csrf", csrf}});
    CHECK(revoked.status == 303);
    CHECK(header(revoked, "Location") == "/fleet?done=revoked");
    CHECK(c.fleet.calls.back() == "revoke:" + device);
    const auto wiped = c.post("/fleet/device/" + device + "/wipe", ida, {{"csrf", csrf}});
    CHECK(wiped.status == 303);
    CHECK(c.fleet.calls.back() == "wipe:" + device);
    CHECK(c.get("/fleet/device/ffffffffffffffffffffffffffffffff/wipe", ida).status == 404);
    CHECK(c.get("/fleet/device/not-a-device/wipe", ida).status == 404);

    // Every administrative action is in the center audit log, with the device or unit it concerned.
    std::vector<std::string> actions;
    const auto entries = c.t.store->audit().entries(1);
    REQUIRE(entries.ok());
    for (const auto& e : *entries) {
        actions.push_back(e.action);
    }
    CHECK(std::count(actions.begin(), actions.end(), "create_enrolment_code:bike-07") == 1);
    CHECK(std::count(actions.begin(), actions.end(), "revoke_device:" + device) == 1);
    CHECK(std::count(actions.begin(), actions.end(), "order_wipe:" + device) == 1);
}

TEST_CASE("the login form refuses a POST whose token does not match its cookie") {
    Console c;
    (void)c.addUser("anna", "caseworker");
    const auto form = c.app.handle(Request{"GET", "/login", {}, {}, {}, ""});
    const auto cookie = header(form, "Set-Cookie");
    REQUIRE(cookie.rfind("__Host-fkpre=", 0) == 0);
    CHECK(cookie.find("Secure; HttpOnly; SameSite=Strict; Path=/") != std::string::npos);
    const auto token = cookie.substr(13, 64);
    Request post{"POST",
                 "/login",
                 {},
                 {{"name", "anna"}, {"password", "anna-password-long"}},
                 {{kPreLoginCookie, token}},
                 ""};
    CHECK(c.app.handle(post).status == 403);
    post.form["csrf"] = token;
    const auto ok = c.app.handle(post);
    CHECK(ok.status == 303);
    CHECK(header(ok, "Location") == "/login/totp");
}

TEST_CASE("the center audit log is a MAC chain: an entry written without the key breaks it") {
    Console c;
    REQUIRE(c.audit.record("anna", "view_case", "ab", "casework").ok());
    REQUIRE(c.audit.record("anna", "reveal_cpr", "ab", "casework").ok());
    CHECK(*c.audit.verify());
    REQUIRE(c.t.store->audit()
                .append(hub::CenterAuditEntry{3, c.now, "mallory", "view_case", "ab", "casework",
                                              std::vector<std::uint8_t>(32, 0)})
                .ok());
    CHECK_FALSE(*c.audit.verify());
}
