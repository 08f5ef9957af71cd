#pragma once

#include <cstdint>
#include <fieldkit/core/case_status.hpp>
#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::core {

/** One step of the case's status timeline as the citizen sees it. */
struct CitizenStatusStep {
    CaseStatus status = CaseStatus::Opened;
    std::int64_t atMs = 0;

    friend bool operator==(const CitizenStatusStep&, const CitizenStatusStep&) = default;
};

/** One look at the case by staff (Min log): when, why (the purpose code), and which unit. Never a name. */
struct CitizenLookup {
    std::int64_t atMs = 0;
    std::string purpose; // a purpose code ("case-page", "find-citizen", ...), worded by the page
    std::string unit;    // the unit (bike-07) or "center"

    friend bool operator==(const CitizenLookup&, const CitizenLookup&) = default;
};

/**
 * What the citizen sees on the status page about one case (issue 18): the service, the status timeline, the
 * checklist items still missing, and Min log. Names of services, authorities, checklist items and next steps
 * come from the catalogue when the page is drawn, so the view holds codes and numbers only — and never a
 * caseworker's name. It travels and is stored only sealed under the citizen's code (crypto/citizen_access).
 */
struct CitizenView {
    std::string service; // catalogue code
    std::vector<CitizenStatusStep> timeline;
    std::vector<std::uint16_t> missingItems; // checklist item ids of the service not yet ticked
    std::vector<CitizenLookup> lookups;      // newest last; at most kMaxCitizenLookups

    friend bool operator==(const CitizenView&, const CitizenView&) = default;
};

/** Min log keeps the newest this many look-ups (a case looked at daily for a year still fits a view). */
inline constexpr std::size_t kMaxCitizenLookups = 400;

/** The current status: the last step of the timeline (Opened for an empty one). */
[[nodiscard]] CaseStatus currentStatus(const CitizenView& view);

/** A line format ("v1", then one "key<TAB>value..." line per item): small, versioned, no JSON library in
 *  core. Values with a tab or a newline are refused by the encoder's caller (codes only travel here). */
[[nodiscard]] std::string encodeCitizenView(const CitizenView& view);
/** Code "malformed_view" for anything encodeCitizenView does not write; unknown keys are skipped (a newer
 *  device may add lines). */
[[nodiscard]] Result<CitizenView> decodeCitizenView(std::string_view text);

/** How long after a case is closed (or withdrawn, referred) its receipt still opens the status page: 90
 *  days, so the citizen can check the outcome and Min log, after which the server deletes the view. */
inline constexpr std::int64_t kCitizenViewRetentionMs = 90LL * 24 * 60 * 60 * 1000;

} // namespace fieldkit::core
