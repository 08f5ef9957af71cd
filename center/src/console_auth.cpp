#include <fieldkit/center/console_auth.hpp>
#include <fieldkit/center/login_policy.hpp>
#include <fieldkit/center/totp.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/content_hash.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>

namespace fieldkit::center {
namespace {

constexpr std::size_t kTotpSecretBytes = 20; // RFC 4226 recommends 160 bits for HMAC-SHA1
constexpr std::size_t kMinPasswordLength = 12;

Error noSession() {
    return makeError("no_session", "There is no session, or it has expired.");
}

} // namespace

std::vector<std::uint8_t> sessionHash(const std::string& cookieValue) {
    const auto h = crypto::contentHash(crypto::asBytes(cookieValue));
    return {h.begin(), h.end()};
}

ConsoleAuth::ConsoleAuth(hub::CenterAccounts& accounts, const crypto::BoxKeyPair& centerKey,
                         CenterAuditLog& audit, FirstFactor& firstFactor, std::function<std::int64_t()> nowMs,
                         crypto::RandomSource& random, SessionLimits limits, crypto::PasswordCost cost)
    : m_accounts(accounts)
    , m_centerKey(centerKey)
    , m_audit(audit)
    , m_firstFactor(firstFactor)
    , m_nowMs(std::move(nowMs))
    , m_random(random)
    , m_limits(limits)
    , m_cost(cost) {}

std::string ConsoleAuth::randomHex(std::size_t bytes) {
    std::vector<std::uint8_t> raw(bytes);
    m_random.fill(raw);
    return crypto::toHex(raw);
}

Result<NewUser> ConsoleAuth::addUser(const std::string& name, const std::string& role,
                                     const std::string& password) {
    if (!roleFromString(role)) {
        return makeError("bad_role", "The role must be caseworker, teamlead or admin.");
    }
    if (name.empty() || name.size() > 64) {
        return makeError("bad_name", "The user name must be 1 to 64 characters.");
    }
    if (password.size() < kMinPasswordLength) {
        return makeError("weak_password", "The password must be at least 12 characters.");
    }
    auto hash = crypto::hashPassword(password, m_cost);
    if (!hash) {
        return hash.error();
    }
    crypto::SecretBytes secret(kTotpSecretBytes);
    m_random.fill(secret.span());
    const auto sealed = crypto::sealTo(m_centerKey.publicKey(), secret.view());
    hub::ConsoleUser user{name, role, *hash, sealed, 0, 0, 0, m_nowMs()};
    if (auto st = m_accounts.addUser(user); !st) {
        return st.error();
    }
    return NewUser{otpauthUri(name, secret.view()), base32(secret.view())};
}

Status ConsoleAuth::failed(const hub::ConsoleUser& user, const char* what) {
    const auto next = afterFailedLogin(user.failedLogins, m_nowMs());
    if (auto st = m_accounts.setLoginState(user.name, next.failedLogins, next.lockedUntilMs); !st) {
        return st;
    }
    if (auto st = m_audit.record(user.name, what, "", ""); !st) {
        return st;
    }
    if (next.lockedNow) {
        if (auto st = m_audit.record(user.name, "lockout", "", ""); !st) {
            return st;
        }
    }
    return Status();
}

Result<std::string> ConsoleAuth::loginFirstFactor(const std::string& name, const std::string& secret) {
    auto user = m_accounts.user(name);
    if (!user) {
        return user.error();
    }
    const auto badLogin = makeError("bad_login", "The user name or password is wrong.");
    if (!*user) {
        // Same work as for a real account, so timing does not tell which names exist.
        (void)crypto::verifyPassword("$argon2id$v=19$m=65536,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
                                     "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                     secret);
        return badLogin;
    }
    const auto& u = **user;
    if (lockedOut(u.lockedUntilMs, m_nowMs())) {
        (void)m_audit.record(u.name, "login_while_locked", "", "");
        return makeError("locked", "The account is locked for a while after too many failed attempts.");
    }
    if (!m_firstFactor.verify(u, secret)) {
        if (auto st = failed(u, "login_failed"); !st) {
            return st.error();
        }
        return badLogin;
    }
    const std::string cookie = randomHex(32);
    const auto now = m_nowMs();
    // Expired sessions go when someone logs in: no timer, and the table stays as small as the staff.
    if (auto st = m_accounts.purgeSessions(now - m_limits.idleMs, now - m_limits.absoluteMs); !st) {
        return st.error();
    }
    std::vector<std::uint8_t> csrf(32);
    m_random.fill(csrf);
    if (auto st =
            m_accounts.createSession(hub::ConsoleSession{sessionHash(cookie), u.name, csrf, false, now, now});
        !st) {
        return st.error();
    }
    return cookie;
}

Status ConsoleAuth::loginSecondFactor(const std::string& cookieValue, const std::string& code) {
    auto s = m_accounts.session(sessionHash(cookieValue));
    if (!s) {
        return s.error();
    }
    if (!*s || (*s)->secondFactorDone || m_nowMs() - (*s)->createdMs > m_limits.pendingSecondFactorMs) {
        return noSession();
    }
    auto user = m_accounts.user((*s)->userName);
    if (!user) {
        return user.error();
    }
    if (!*user) {
        return noSession();
    }
    const auto& u = **user;
    if (lockedOut(u.lockedUntilMs, m_nowMs())) {
        (void)m_accounts.deleteSession(sessionHash(cookieValue));
        return makeError("locked", "The account is locked for a while after too many failed attempts.");
    }
    auto secret = crypto::openSealed(m_centerKey, u.totpSecretSealed);
    if (!secret) {
        return secret.error();
    }
    const auto step = matchTotp(secret->view(), code, totpStep(m_nowMs() / 1000));
    bool fresh = false;
    if (step) {
        auto used = m_accounts.useTotpStep(u.name, *step);
        if (!used) {
            return used.error();
        }
        fresh = *used;
    }
    if (!fresh) {
        if (auto st = failed(u, "totp_failed"); !st) {
            return st;
        }
        return makeError("bad_code", "The code is wrong or already used.");
    }
    if (auto st = m_accounts.setLoginState(u.name, 0, 0); !st) {
        return st;
    }
    if (auto st = m_accounts.touchSession(sessionHash(cookieValue), true, m_nowMs()); !st) {
        return st;
    }
    return m_audit.record(u.name, "login", "", "");
}

Result<ActiveSession> ConsoleAuth::session(const std::string& cookieValue) {
    if (cookieValue.size() != 64) {
        return noSession();
    }
    const auto hash = sessionHash(cookieValue);
    auto s = m_accounts.session(hash);
    if (!s) {
        return s.error();
    }
    if (!*s) {
        return noSession();
    }
    const auto now = m_nowMs();
    const auto& stored = **s;
    if (now - stored.lastSeenMs > m_limits.idleMs || now - stored.createdMs > m_limits.absoluteMs) {
        (void)m_accounts.deleteSession(hash);
        return noSession();
    }
    auto user = m_accounts.user(stored.userName);
    if (!user) {
        return user.error();
    }
    if (!*user) {
        return noSession();
    }
    const auto role = roleFromString((*user)->role);
    if (!role) {
        return noSession();
    }
    if (stored.secondFactorDone) {
        if (auto st = m_accounts.touchSession(hash, true, now); !st) {
            return st.error();
        }
    }
    return ActiveSession{cookieValue, stored.userName, *role, crypto::toHex(stored.csrfToken),
                         stored.secondFactorDone};
}

Status ConsoleAuth::logout(const std::string& cookieValue) {
    return m_accounts.deleteSession(sessionHash(cookieValue));
}

bool ConsoleAuth::csrfMatches(const ActiveSession& session, const std::string& submitted) {
    return !session.csrfToken.empty() &&
           crypto::constantTimeEqual(crypto::asBytes(session.csrfToken), crypto::asBytes(submitted));
}

} // namespace fieldkit::center
