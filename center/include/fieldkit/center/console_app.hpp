#pragma once

#include <cstdint>
#include <fieldkit/center/center_audit_log.hpp>
#include <fieldkit/center/console_auth.hpp>
#include <fieldkit/center/fleet_actions.hpp>
#include <fieldkit/center/http_exchange.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <filesystem>
#include <functional>

namespace fieldkit::center {

/** The console's routes: login (first factor, then TOTP), inbox, case page, CPR reveal, the audit log and the
 *  fleet (enrolment codes, revocation, wipe orders) for administrators, and static files (Det Fælles
 * Designsystem). Every page needs a session, every POST a CSRF token, every route a role allowed by
 * access_policy; every view of decrypted data is audited first. */
class ConsoleApp {
public:
    ConsoleApp(hub::CenterStore& store, const crypto::BoxKeyPair& centerKey, ConsoleAuth& auth,
               CenterAuditLog& audit, FleetActions& fleet, std::filesystem::path staticDir,
               crypto::RandomSource& random, std::function<std::int64_t()> nowMs);

    [[nodiscard]] Response handle(const Request& request);

private:
    Response login(const Request& r);
    Response loginPost(const Request& r);
    Response totp(const Request& r);
    Response totpPost(const Request& r);
    Response logoutPost(const Request& r, const ActiveSession& s);
    Response inbox(const Request& r, const ActiveSession& s);
    Response casePage(const Request& r, const ActiveSession& s, const std::string& hex, bool reveal);
    Response statusPost(const Request& r, const ActiveSession& s, const std::string& hex);
    Response auditPage(const Request& r, const ActiveSession& s);
    Response fleetRoute(const Request& r, const ActiveSession& s);
    Response fleetPage(const Request& r, const ActiveSession& s);
    Response enrolPost(const Request& r, const ActiveSession& s);
    Response deviceAction(const Request& r, const ActiveSession& s, const std::string& deviceId, bool wipe);
    Response staticFile(const std::string& path) const;

    hub::CenterStore& m_store;
    const crypto::BoxKeyPair& m_centerKey;
    ConsoleAuth& m_auth;
    CenterAuditLog& m_audit;
    FleetActions& m_fleet;
    std::filesystem::path m_staticDir;
    crypto::RandomSource& m_random;
    std::function<std::int64_t()> m_nowMs;
};

/** The session cookie's and the pre-login token cookie's names (the __Host- prefix pins them to this origin,
 *  Secure, Path=/). */
inline constexpr const char* kSessionCookie = "__Host-fksession";
inline constexpr const char* kPreLoginCookie = "__Host-fkpre";

} // namespace fieldkit::center
