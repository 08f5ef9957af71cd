#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <string_view>
#include <vector>

namespace fieldkit::core {

/**
 * Where a case is in its lifecycle (after the municipal case standard). Clear metadata, never personal.
 *
 * The numeric values are persisted and sent on the wire: never renumber, only append.
 */
enum class CaseStatus : std::uint8_t {
    Opened = 0,
    Informed = 1,
    Decided = 2,
    Ordered = 3,
    Done = 4,
    Closed = 5,
    Referred = 6,
    Withdrawn = 7,
};

inline constexpr std::array<CaseStatus, 8> kAllCaseStatuses{
    CaseStatus::Opened, CaseStatus::Informed, CaseStatus::Decided,  CaseStatus::Ordered,
    CaseStatus::Done,   CaseStatus::Closed,   CaseStatus::Referred, CaseStatus::Withdrawn,
};

/** The stable lowercase code: "opened", "informed", ..., "withdrawn". */
[[nodiscard]] std::string_view toString(CaseStatus status);

/** Parses a lowercase code; error `unknown_case_status` otherwise. */
[[nodiscard]] Result<CaseStatus> caseStatusFromString(std::string_view code);

/** Closed and withdrawn end a case: nothing follows them. */
[[nodiscard]] bool isFinal(CaseStatus status);

/**
 * Whether a case may go from `from` to `to`.
 *
 * Rules (decided here, see also allowedNextStatuses):
 * - main line `opened -> informed -> decided -> ordered -> done`: any step forward is allowed, skipping
 *   included, because many cases do not need every step (guidance goes opened -> done, a certificate
 *   issued on the spot needs no "ordered");
 * - `closed` only follows `done` or `referred`: closing archives finished work, abandoned work is
 *   `withdrawn` instead, so statistics stay honest;
 * - `referred` and `withdrawn` follow any non-final status (a referred case can still be withdrawn);
 * - `referred` leads only to `closed` or `withdrawn`: the other authority owns the work now;
 * - never backwards, never to the same status, nothing after `closed` or `withdrawn`.
 *
 * Error codes: `status_unchanged`, `status_final`, `status_backwards`, `status_close_before_done`,
 * `status_after_referral`; the message names both statuses.
 */
[[nodiscard]] Status checkTransition(CaseStatus from, CaseStatus to);

/** Every status checkTransition accepts from `from`, in lifecycle order (for the app's status menu). */
[[nodiscard]] std::vector<CaseStatus> allowedNextStatuses(CaseStatus from);

} // namespace fieldkit::core
