#include <algorithm>
#include <fieldkit/center/access_policy.hpp>
#include <fieldkit/center/case_view.hpp>
#include <fieldkit/center/center_operations.hpp>
#include <fieldkit/center/console_app.hpp>
#include <fieldkit/center/console_pages.hpp>
#include <fieldkit/center/fleet_pages.hpp>
#include <fieldkit/center/fleet_state.hpp>
#include <fieldkit/center/qr_svg.hpp>
#include <fieldkit/common/enrolment_link.hpp>
#include <fieldkit/common/files.hpp>
#include <fieldkit/common/url_encoding.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/hub/center_dir.hpp>

namespace fieldkit::center {
namespace {

constexpr int kPageSize = 25;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::string cookieHeader(const std::string& name, const std::string& value) {
    return name + "=" + value + "; Secure; HttpOnly; SameSite=Strict; Path=/";
}

std::string clearedCookie(const std::string& name) {
    return name + "=; Secure; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
}

Language languageOf(const Request& r) {
    const auto lang =
        r.query.count("lang") ? r.query.at("lang") : (r.form.count("lang") ? r.form.at("lang") : "");
    return chooseLanguage(lang, r.acceptLanguage);
}

std::string withLang(Language l, std::string href) {
    if (l == Language::English) {
        href += (href.find('?') == std::string::npos ? "?" : "&") + std::string("lang=en");
    }
    return href;
}

Response redirect(Language l, const std::string& to) {
    Response r;
    r.status = 303;
    r.headers.emplace_back("Location", withLang(l, to));
    return r;
}

std::string field(const std::map<std::string, std::string>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

/** The same path in the other language (the query's other parameters kept). */
std::string switchHref(const Request& r, Language l) {
    std::string q;
    for (const auto& [k, v] : r.query) {
        if (k != "lang") {
            q += (q.empty() ? "?" : "&") + common::urlEncode(k) + "=" + common::urlEncode(v);
        }
    }
    if (l == Language::Danish) {
        q += (q.empty() ? "?" : "&") + std::string("lang=en");
    }
    return (r.method == "GET" ? r.path : std::string("/inbox")) + q;
}

Response page(const Request& r, Language l, const std::string& title, const ActiveSession* s,
              const std::string& main, int status = 200) {
    PageFrame frame{l,
                    title,
                    s ? s->userName : "",
                    s ? s->csrfToken : "",
                    s && allowed(Route::AdminAudit, s->role),
                    s && allowed(Route::Inbox, s->role),
                    switchHref(r, l)};
    Response out;
    out.status = status;
    out.body = renderPage(frame, main);
    out.personalData = true;
    return out;
}

Response errorPage(const Request& r, Language l, const ActiveSession* s, int status, std::string_view key) {
    return page(r, l, std::string(text(l, "error.title")), s, errorContent(l, key), status);
}

/** The fleet without the console's own authoring identities (one per unit, center_operations.cpp): they are
 *  no tablets, and revoking one would stop the back office's changes. */
Result<std::vector<hub::FleetDevice>> tabletsOf(Result<std::vector<hub::FleetDevice>> devices) {
    if (devices) {
        std::erase_if(*devices,
                      [](const hub::FleetDevice& d) { return d.deviceId == consoleDeviceId(d.unit); });
    }
    return devices;
}

bool safeStaticPath(const std::string& p) {
    if (p.empty() || p.find("..") != std::string::npos || p.front() == '/') {
        return false;
    }
    for (char c : p) {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '-' || c == '_')) {
            return false;
        }
    }
    return true;
}

std::string contentTypeOf(const std::string& path) {
    const auto dot = path.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
    if (ext == "css") {
        return "text/css; charset=utf-8";
    }
    if (ext == "svg") {
        return "image/svg+xml";
    }
    if (ext == "png") {
        return "image/png";
    }
    if (ext == "woff") {
        return "font/woff";
    }
    if (ext == "woff2") {
        return "font/woff2";
    }
    if (ext == "ttf") {
        return "font/ttf";
    }
    return "application/octet-stream";
}

} // namespace

ConsoleApp::ConsoleApp(hub::CenterStore& store, const crypto::BoxKeyPair& centerKey, ConsoleAuth& auth,
                       CenterAuditLog& audit, FleetActions& fleet, std::filesystem::path staticDir,
                       crypto::RandomSource& random, std::function<std::int64_t()> nowMs)
    : m_store(store)
    , m_centerKey(centerKey)
    , m_auth(auth)
    , m_audit(audit)
    , m_fleet(fleet)
    , m_staticDir(std::move(staticDir))
    , m_random(random)
    , m_nowMs(std::move(nowMs)) {}

Response ConsoleApp::handle(const Request& r) {
    const auto l = languageOf(r);
    if (r.method == "GET" && r.path.rfind("/static/", 0) == 0) {
        return staticFile(r.path.substr(8));
    }
    if (r.path == "/login") {
        return r.method == "POST" ? loginPost(r) : login(r);
    }
    if (r.path == "/login/totp") {
        return r.method == "POST" ? totpPost(r) : totp(r);
    }
    // Everything else needs a finished login.
    auto session = m_auth.session(field(r.cookies, kSessionCookie));
    if (!session || !session->secondFactorDone) {
        return redirect(l, "/login");
    }
    const ActiveSession& s = *session;
    if (r.method == "POST" && !ConsoleAuth::csrfMatches(s, field(r.form, "csrf"))) {
        return errorPage(r, l, &s, 403, "error.csrf");
    }
    if (r.method != "GET" && r.method != "POST") {
        return errorPage(r, l, &s, 405, "error.notfound");
    }
    if (r.path == "/" && r.method == "GET") {
        return redirect(l, allowed(Route::Inbox, s.role) ? "/inbox" : "/admin/audit");
    }
    if (r.path == "/logout" && r.method == "POST") {
        return logoutPost(r, s);
    }
    if (r.path == "/inbox" && r.method == "GET") {
        return allowed(Route::Inbox, s.role) ? inbox(r, s) : errorPage(r, l, &s, 403, "error.forbidden");
    }
    if (r.path == "/admin/audit" && r.method == "GET") {
        return allowed(Route::AdminAudit, s.role) ? auditPage(r, s)
                                                  : errorPage(r, l, &s, 403, "error.forbidden");
    }
    if (r.path == "/fleet" || r.path.rfind("/fleet/", 0) == 0) {
        return fleetRoute(r, s);
    }
    if (r.path.rfind("/case/", 0) == 0 && r.path.size() == 6 + 32 + 7 && r.path.substr(38) == "/status" &&
        r.method == "POST") {
        if (!allowed(Route::ChangeStatus, s.role)) {
            return errorPage(r, l, &s, 403, "error.forbidden");
        }
        return statusPost(r, s, r.path.substr(6, 32));
    }
    if (r.path.rfind("/case/", 0) == 0) {
        std::string rest = r.path.substr(6);
        const bool reveal = rest.size() > 7 && rest.substr(rest.size() - 7) == "/reveal";
        if (reveal) {
            rest.resize(rest.size() - 7);
        }
        if (rest.size() == 32 && ((reveal && r.method == "POST") || (!reveal && r.method == "GET"))) {
            if (!allowed(reveal ? Route::RevealCpr : Route::CaseView, s.role)) {
                return errorPage(r, l, &s, 403, "error.forbidden");
            }
            return casePage(r, s, rest, reveal);
        }
    }
    return errorPage(r, l, &s, 404, "error.notfound");
}

Response ConsoleApp::login(const Request& r) {
    const auto l = languageOf(r);
    // One token per browser until it logs in: a second GET (another tab, the favicon's redirect) must not
    // invalidate the form already shown.
    auto token = field(r.cookies, kPreLoginCookie);
    if (token.size() != 64 || !crypto::fromHex(token)) {
        std::vector<std::uint8_t> raw(32);
        m_random.fill(raw);
        token = crypto::toHex(raw);
    }
    auto out = page(r, l, std::string(text(l, "login.title")), nullptr, loginForm(l, token, ""));
    out.headers.emplace_back("Set-Cookie", cookieHeader(kPreLoginCookie, token));
    return out;
}

Response ConsoleApp::loginPost(const Request& r) {
    const auto l = languageOf(r);
    const auto pre = field(r.cookies, kPreLoginCookie);
    if (pre.size() != 64 ||
        !crypto::constantTimeEqual(crypto::asBytes(pre), crypto::asBytes(field(r.form, "csrf")))) {
        return errorPage(r, l, nullptr, 403, "error.csrf");
    }
    auto cookie = m_auth.loginFirstFactor(field(r.form, "name"), field(r.form, "password"));
    if (!cookie) {
        const bool locked = cookie.error().code == "locked";
        if (!locked && cookie.error().code != "bad_login") {
            return errorPage(r, l, nullptr, 500, "error.internal");
        }
        auto out = page(r, l, std::string(text(l, "login.title")), nullptr,
                        loginForm(l, pre, locked ? "login.locked" : "login.failed"), locked ? 429 : 401);
        return out;
    }
    auto out = redirect(l, "/login/totp");
    out.headers.emplace_back("Set-Cookie", cookieHeader(kSessionCookie, *cookie));
    out.headers.emplace_back("Set-Cookie", clearedCookie(kPreLoginCookie));
    return out;
}

Response ConsoleApp::totp(const Request& r) {
    const auto l = languageOf(r);
    auto s = m_auth.session(field(r.cookies, kSessionCookie));
    if (!s) {
        return redirect(l, "/login");
    }
    if (s->secondFactorDone) {
        return redirect(l, "/inbox");
    }
    return page(r, l, std::string(text(l, "totp.title")), nullptr, totpForm(l, s->csrfToken, ""));
}

Response ConsoleApp::totpPost(const Request& r) {
    const auto l = languageOf(r);
    const auto cookie = field(r.cookies, kSessionCookie);
    auto s = m_auth.session(cookie);
    if (!s) {
        return redirect(l, "/login");
    }
    if (!ConsoleAuth::csrfMatches(*s, field(r.form, "csrf"))) {
        return errorPage(r, l, nullptr, 403, "error.csrf");
    }
    auto st = m_auth.loginSecondFactor(cookie, field(r.form, "code"));
    if (!st) {
        if (st.error().code == "bad_code") {
            return page(r, l, std::string(text(l, "totp.title")), nullptr,
                        totpForm(l, s->csrfToken, "totp.failed"), 401);
        }
        if (st.error().code == "locked") {
            return page(r, l, std::string(text(l, "login.title")), nullptr, errorContent(l, "login.locked"),
                        429);
        }
        return redirect(l, "/login");
    }
    return redirect(l, "/");
}

Response ConsoleApp::logoutPost(const Request& r, const ActiveSession& s) {
    (void)m_auth.logout(s.cookieValue);
    auto out = redirect(languageOf(r), "/login");
    out.headers.emplace_back("Set-Cookie", clearedCookie(kSessionCookie));
    return out;
}

Response ConsoleApp::inbox(const Request& r, const ActiveSession& s) {
    const auto l = languageOf(r);
    InboxFilters f{field(r.query, "unit"),
                   field(r.query, "service"),
                   field(r.query, "status"),
                   field(r.query, "conflicted"),
                   field(r.query, "age"),
                   field(r.query, "sort"),
                   1};
    try {
        f.page = std::max(1, std::min(100000, std::stoi(field(r.query, "page"))));
    } catch (...) {
        f.page = 1;
    }
    hub::InboxQuery q;
    q.unit = f.unit;
    q.service = f.service;
    q.status = f.status;
    q.conflicted = f.conflicted == "1" ? 1 : (f.conflicted == "0" ? 0 : -1);
    if (f.age == "1" || f.age == "7" || f.age == "30") {
        q.createdBeforeMs = m_nowMs() - std::stoi(f.age) * kDayMs;
    }
    q.sort = f.sort == "oldest"    ? hub::InboxQuery::Sort::OldestFirst
             : f.sort == "unit"    ? hub::InboxQuery::Sort::Unit
             : f.sort == "service" ? hub::InboxQuery::Sort::Service
             : f.sort == "status"  ? hub::InboxQuery::Sort::Status
                                   : hub::InboxQuery::Sort::NewestFirst;
    q.limit = kPageSize;
    q.offset = (f.page - 1) * kPageSize;
    auto result = m_store.operations().inbox(q);
    auto units = m_store.units().units();
    if (!result || !units) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    return page(r, l, std::string(text(l, "inbox.title")), &s,
                inboxContent(l, f, *units, *result, kPageSize));
}

Response ConsoleApp::casePage(const Request& r, const ActiveSession& s, const std::string& hex, bool reveal) {
    const auto l = languageOf(r);
    auto id = crypto::fromHex(hex);
    if (!id) {
        return errorPage(r, l, &s, 404, "case.notfound");
    }
    auto exists = m_store.operations().caseById(*id);
    if (!exists) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    if (!*exists) {
        return errorPage(r, l, &s, 404, "case.notfound");
    }
    // Audited before anything is decrypted: no record, no view.
    if (auto st = m_audit.record(s.userName, reveal ? "reveal_cpr" : "view_case", hex, "casework"); !st) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    auto view = openCaseView(m_store, m_centerKey, *id);
    if (!view) {
        return errorPage(r, l, &s, view.error().code == "unreadable_case" ? 500 : 404,
                         view.error().code == "unreadable_case" ? "case.unreadable" : "case.notfound");
    }
    auto audit = m_store.audit().caseEntries(hex);
    if (!audit) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    return page(r, l, std::string(text(l, "case.title")) + " " + hex.substr(0, 8), &s,
                caseContent(l, *view, reveal, s.csrfToken, *audit));
}

Response ConsoleApp::statusPost(const Request& r, const ActiveSession& s, const std::string& hex) {
    const auto l = languageOf(r);
    auto id = crypto::fromHex(hex);
    if (!id) {
        return errorPage(r, l, &s, 404, "case.notfound");
    }
    const auto status = field(r.form, "status");
    auto applied = changeStatusAtCenter(m_store, m_centerKey, *id, status, s.userName, m_nowMs());
    if (!applied) {
        if (applied.error().code == "unknown_case") {
            return errorPage(r, l, &s, 404, "case.notfound");
        }
        if (applied.error().code.rfind("status_", 0) == 0) {
            return errorPage(r, l, &s, 409, "case.status.refused");
        }
        return errorPage(r, l, &s, 500, "error.internal");
    }
    if (auto st = m_audit.record(s.userName, "change_status", hex, "casework"); !st) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    return redirect(l, "/case/" + hex);
}

Response ConsoleApp::auditPage(const Request& r, const ActiveSession& s) {
    const auto l = languageOf(r);
    auto entries = m_store.audit().entries(1);
    auto intact = m_audit.verify();
    if (!entries || !intact) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    return page(r, l, std::string(text(l, "audit.title")), &s, auditContent(l, *entries, *intact));
}

Response ConsoleApp::fleetRoute(const Request& r, const ActiveSession& s) {
    const auto l = languageOf(r);
    const auto forbidden = [&] { return errorPage(r, l, &s, 403, "error.forbidden"); };
    if (r.path == "/fleet" && r.method == "GET") {
        return allowed(Route::Fleet, s.role) ? fleetPage(r, s) : forbidden();
    }
    if (r.path == "/fleet/enrol" && r.method == "POST") {
        return allowed(Route::EnrolmentCode, s.role) ? enrolPost(r, s) : forbidden();
    }
    // /fleet/device/<32 hex>/revoke|wipe: GET asks for confirmation, POST acts.
    constexpr std::string_view kPrefix = "/fleet/device/";
    if (r.path.rfind(kPrefix, 0) == 0 && r.path.size() > kPrefix.size() + 33) {
        const std::string deviceId = r.path.substr(kPrefix.size(), 32);
        const std::string verb = r.path.substr(kPrefix.size() + 32);
        if (hub::wellFormedDeviceId(deviceId) && (verb == "/revoke" || verb == "/wipe")) {
            const bool wipe = verb == "/wipe";
            return allowed(wipe ? Route::WipeDevice : Route::RevokeDevice, s.role)
                       ? deviceAction(r, s, deviceId, wipe)
                       : forbidden();
        }
    }
    return errorPage(r, l, &s, 404, "error.notfound");
}

Response ConsoleApp::fleetPage(const Request& r, const ActiveSession& s) {
    const auto l = languageOf(r);
    auto units = m_store.units().units();
    auto devices = tabletsOf(m_store.devices().fleet());
    if (!units || !devices) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    const auto done = field(r.query, "done");
    const std::string notice =
        done == "revoked" ? "fleet.revoked" : (done == "wipe" ? "fleet.wipe_ordered" : "");
    return page(r, l, std::string(text(l, "fleet.title")), &s,
                fleetContent(l, *units, *devices, s.csrfToken, notice));
}

Response ConsoleApp::enrolPost(const Request& r, const ActiveSession& s) {
    const auto l = languageOf(r);
    const auto unit = field(r.form, "unit");
    const auto valid = field(r.form, "valid");
    const std::chrono::seconds validFor(valid == "3600" ? 3600 : (valid == "604800" ? 604800 : 86400));
    auto units = m_store.units().units();
    if (!units) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    if (std::find(units->begin(), units->end(), unit) == units->end()) {
        return errorPage(r, l, &s, 400, "fleet.code.badunit");
    }
    // Audited before the code exists: no record, no code.
    if (auto st = m_audit.record(s.userName, "create_enrolment_code:" + unit, "", "fleet"); !st) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    auto invite = m_fleet.createEnrolmentCode(unit, validFor);
    if (!invite) {
        return errorPage(r, l, &s, invite.error().code == "unknown_unit" ? 400 : 500,
                         invite.error().code == "unknown_unit" ? "fleet.code.badunit" : "error.internal");
    }
    const auto hubAddress = m_fleet.hubAddress();
    std::string qr;
    if (!hubAddress.empty()) {
        auto svg =
            qrSvg(common::formatEnrolmentLink({hubAddress, invite->code}), text(l, "fleet.code.qralt"));
        if (!svg) {
            return errorPage(r, l, &s, 500, "error.internal");
        }
        qr = std::move(*svg);
    }
    return page(r, l, std::string(text(l, "fleet.code.title")), &s,
                enrolmentCodeContent(l, *invite, hubAddress, qr));
}

Response ConsoleApp::deviceAction(const Request& r, const ActiveSession& s, const std::string& deviceId,
                                  bool wipe) {
    const auto l = languageOf(r);
    auto devices = tabletsOf(m_store.devices().fleet());
    if (!devices) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    const auto it = std::find_if(devices->begin(), devices->end(),
                                 [&](const hub::FleetDevice& d) { return d.deviceId == deviceId; });
    if (it == devices->end()) {
        return errorPage(r, l, &s, 404, "fleet.device.notfound");
    }
    const auto state = deviceState(*it);
    if (!(wipe ? mayOrderWipe(state) : mayRevoke(state))) {
        return errorPage(r, l, &s, 409, "fleet.notallowed");
    }
    if (r.method == "GET") {
        return page(r, l, std::string(text(l, wipe ? "fleet.wipe.title" : "fleet.revoke.title")), &s,
                    confirmContent(l, *it, wipe, s.csrfToken));
    }
    if (r.method != "POST") {
        return errorPage(r, l, &s, 405, "error.notfound");
    }
    if (auto st =
            m_audit.record(s.userName, (wipe ? "order_wipe:" : "revoke_device:") + deviceId, "", "fleet");
        !st) {
        return errorPage(r, l, &s, 500, "error.internal");
    }
    auto done = wipe ? m_fleet.orderWipe(deviceId) : m_fleet.revoke(deviceId);
    if (!done) {
        return done.error().code == "unknown_device" ? errorPage(r, l, &s, 404, "fleet.device.notfound")
               : done.error().code == "wipe_ordered" ? errorPage(r, l, &s, 409, "fleet.notallowed")
                                                     : errorPage(r, l, &s, 500, "error.internal");
    }
    return redirect(l, wipe ? "/fleet?done=wipe" : "/fleet?done=revoked");
}

Response ConsoleApp::staticFile(const std::string& path) const {
    Response out;
    if (!safeStaticPath(path)) {
        out.status = 404;
        out.contentType = "text/plain; charset=utf-8";
        out.body = "not found";
        return out;
    }
    auto content = common::readFile(m_staticDir / path);
    if (!content) {
        out.status = 404;
        out.contentType = "text/plain; charset=utf-8";
        out.body = "not found";
        return out;
    }
    out.body = std::move(*content);
    out.contentType = contentTypeOf(path);
    out.staticFile = true;
    return out;
}

} // namespace fieldkit::center
