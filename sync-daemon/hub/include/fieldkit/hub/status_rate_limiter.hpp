#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace fieldkit::hub {

/**
 * Limits on wrong look-ups at the public status page (issue 18), per client address and per reference, with
 * exponential back-off. A pure decision over the times it is given, so tests drive it with a fake clock.
 *
 * - Per address: `freePerAddress` failures, then each further one locks the address for 1 s, 2 s, 4 s ... up
 *   to `maxLockMs`. 10,000 guesses from 100 addresses then get a few hundred code checks in an hour.
 * - Per reference: `freePerReference` failures, then back-off the same way; but the lock applies only to
 *   addresses that have failed before. A clean address (the citizen on their phone) still gets its one check,
 *   so attackers guessing at a citizen's reference cannot lock the citizen out, and a botnet gains only its
 *   addresses x `freePerAddress` guesses: against 2^80 codes that is nothing.
 * - Failures are forgotten `forgetMs` after the last one; a success does not clear the reference's count
 *   (else an attacker could reset it with the citizen's own look-ups).
 * - At most `maxTracked` entries per map: beyond, the oldest-failed are dropped first (memory stays bounded
 *   under a flood of fresh addresses).
 */
class StatusRateLimiter {
public:
    struct Limits {
        int freePerAddress = 10;
        int freePerReference = 20;
        std::int64_t firstLockMs = 1000;
        std::int64_t maxLockMs = 60LL * 60 * 1000;
        std::int64_t forgetMs = 24LL * 60 * 60 * 1000;
        std::size_t maxTracked = 100000;
    };

    explicit StatusRateLimiter(Limits limits);
    StatusRateLimiter()
        : StatusRateLimiter(Limits{}) {}

    /** 0 when a look-up may go ahead now, else how many milliseconds to wait (429 + Retry-After). */
    [[nodiscard]] std::int64_t waitMs(const std::string& address, const std::string& reference,
                                      std::int64_t nowMs);
    /** A look-up that did not open a view (unknown reference or wrong code: counted alike). */
    void failed(const std::string& address, const std::string& reference, std::int64_t nowMs);

    [[nodiscard]] std::size_t trackedAddresses() const;

private:
    struct Entry {
        int failures = 0;
        std::int64_t lastFailureMs = 0;
        std::int64_t lockedUntilMs = 0;
    };
    using Map = std::unordered_map<std::string, Entry>;

    void note(Map& map, const std::string& key, int free, std::int64_t nowMs);
    [[nodiscard]] const Entry* current(const Map& map, const std::string& key, std::int64_t nowMs) const;
    void trim(Map& map, std::int64_t nowMs);

    Limits m_limits;
    mutable std::mutex m_lock;
    Map m_addresses;
    Map m_references;
};

} // namespace fieldkit::hub
