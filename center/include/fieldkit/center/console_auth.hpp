#pragma once

#include <cstdint>
#include <fieldkit/center/access_policy.hpp>
#include <fieldkit/center/center_audit_log.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/password_hash.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/hub/center_accounts.hpp>
#include <functional>
#include <string>

namespace fieldkit::center {

/** The first factor of a console login: who the person claims to be, checked. Today that is the local
 *  Argon2id password (LocalPasswords below). This is the seam for the municipality's single sign-on: an OIDC
 *  implementation (authorization code flow with PKCE against the municipality's identity provider) would
 *  answer with the user name from the verified ID token instead, and the console keeps doing everything after
 *  it the same way — the account's role, the TOTP second factor (or the IdP's own MFA claim, `amr`), lockout,
 *  sessions and the audit log. */
class FirstFactor {
public:
    virtual ~FirstFactor() = default;
    /** True when `secret` proves `user`'s identity. */
    [[nodiscard]] virtual bool verify(const hub::ConsoleUser& user, const std::string& secret) = 0;
};

/** Local passwords, Argon2id through libsodium. */
class LocalPasswords final : public FirstFactor {
public:
    bool verify(const hub::ConsoleUser& user, const std::string& secret) override {
        return crypto::verifyPassword(user.passwordHash, secret);
    }
};

/** Session lifetimes: idle and absolute. */
struct SessionLimits {
    std::int64_t idleMs = 15LL * 60 * 1000;
    std::int64_t absoluteMs = 8LL * 60 * 60 * 1000;
    std::int64_t pendingSecondFactorMs = 5LL * 60 * 1000; // between the password and the TOTP code
};

/** A session the console recognised from its cookie. */
struct ActiveSession {
    std::string cookieValue;
    std::string userName;
    Role role = Role::Caseworker;
    std::string csrfToken; // hex; every POST form carries it
    bool secondFactorDone = false;
};

/** What `user add` shows once. */
struct NewUser {
    std::string otpauthUri;
    std::string totpBase32;
};

/** Accounts, the two-step login (first factor, then TOTP), lockout, and sessions stored by the hash of their
 *  random 256-bit cookie value. Clock and randomness are seams. */
class ConsoleAuth {
public:
    ConsoleAuth(hub::CenterAccounts& accounts, const crypto::BoxKeyPair& centerKey, CenterAuditLog& audit,
                FirstFactor& firstFactor, std::function<std::int64_t()> nowMs, crypto::RandomSource& random,
                SessionLimits limits = {}, crypto::PasswordCost cost = {});

    /** Creates an account; the TOTP secret is sealed to the center key. Codes: bad_role, weak_password,
     *  user_exists. */
    [[nodiscard]] Result<NewUser> addUser(const std::string& name, const std::string& role,
                                          const std::string& password);

    /** Step one. Answers a new session's cookie value (second factor pending). Codes: bad_login (unknown user
     *  or wrong password: the same answer), locked. */
    [[nodiscard]] Result<std::string> loginFirstFactor(const std::string& name, const std::string& secret);
    /** Step two: the TOTP code for the session's account; ±1 step, a used step is refused. Codes: no_session,
     *  bad_code, locked. */
    [[nodiscard]] Status loginSecondFactor(const std::string& cookieValue, const std::string& code);

    /** The live session behind a cookie value, touched; code no_session when missing or expired. */
    [[nodiscard]] Result<ActiveSession> session(const std::string& cookieValue);
    [[nodiscard]] Status logout(const std::string& cookieValue);

    /** Constant-time comparison of a submitted CSRF token with the session's. */
    [[nodiscard]] static bool csrfMatches(const ActiveSession& session, const std::string& submitted);

private:
    [[nodiscard]] Status failed(const hub::ConsoleUser& user, const char* what);
    [[nodiscard]] std::string randomHex(std::size_t bytes);

    hub::CenterAccounts& m_accounts;
    const crypto::BoxKeyPair& m_centerKey;
    CenterAuditLog& m_audit;
    FirstFactor& m_firstFactor;
    std::function<std::int64_t()> m_nowMs;
    crypto::RandomSource& m_random;
    SessionLimits m_limits;
    crypto::PasswordCost m_cost;
};

/** The hash a session is stored under (BLAKE2b-256 of the cookie value). */
[[nodiscard]] std::vector<std::uint8_t> sessionHash(const std::string& cookieValue);

} // namespace fieldkit::center
