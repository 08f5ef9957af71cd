#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** A center console account. Only the console (fieldkit-center) reads or writes these; the password is an
 *  Argon2id string and the TOTP secret is sealed to the center key, so the store alone opens neither. */
struct ConsoleUser {
    std::string name;
    std::string role; // caseworker | teamlead | admin
    std::string passwordHash;
    std::vector<std::uint8_t> totpSecretSealed;
    std::int64_t failedLogins = 0;
    std::int64_t lockedUntilMs = 0;
    std::int64_t lastTotpStep = 0; // the newest TOTP time step accepted: an older or equal one is a replay
    std::int64_t createdMs = 0;
};

/** A console session, kept by the hash of its cookie value (the value itself is never stored). */
struct ConsoleSession {
    std::vector<std::uint8_t> idHash;
    std::string userName;
    std::vector<std::uint8_t> csrfToken;
    bool secondFactorDone = false;
    std::int64_t createdMs = 0;
    std::int64_t lastSeenMs = 0;
};

/** Console accounts and sessions. Every method is one transaction. */
class CenterAccounts {
public:
    virtual ~CenterAccounts() = default;

    /** Code user_exists when the name is taken. */
    [[nodiscard]] virtual Status addUser(const ConsoleUser& user) = 0;
    /** The account, or none. */
    [[nodiscard]] virtual Result<std::optional<ConsoleUser>> user(const std::string& name) = 0;
    /** Stores the failed-login count and the lockout end after a login attempt. */
    [[nodiscard]] virtual Status setLoginState(const std::string& name, std::int64_t failedLogins,
                                               std::int64_t lockedUntilMs) = 0;
    /** Records `step` as used when it is newer than the last one used; false (nothing changed) for a replay.
     */
    [[nodiscard]] virtual Result<bool> useTotpStep(const std::string& name, std::int64_t step) = 0;

    [[nodiscard]] virtual Status createSession(const ConsoleSession& session) = 0;
    [[nodiscard]] virtual Result<std::optional<ConsoleSession>>
    session(const std::vector<std::uint8_t>& idHash) = 0;
    /** Marks the second factor done and/or the session's last use. */
    [[nodiscard]] virtual Status touchSession(const std::vector<std::uint8_t>& idHash, bool secondFactorDone,
                                              std::int64_t lastSeenMs) = 0;
    [[nodiscard]] virtual Status deleteSession(const std::vector<std::uint8_t>& idHash) = 0;
    /** Removes sessions last used before `idleBeforeMs` or created before `createdBeforeMs`. */
    [[nodiscard]] virtual Status purgeSessions(std::int64_t idleBeforeMs, std::int64_t createdBeforeMs) = 0;
};

} // namespace fieldkit::hub
