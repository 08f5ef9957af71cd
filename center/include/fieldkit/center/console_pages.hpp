#pragma once
// The console's HTML, server-rendered with Det Fælles Designsystem's classes; no inline script or style.

#include <cstdint>
#include <fieldkit/center/case_view.hpp>
#include <fieldkit/center/console_texts.hpp>
#include <fieldkit/hub/center_audit.hpp>
#include <fieldkit/hub/center_records.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::center {

/** HTML-escapes text for element content and quoted attributes. */
[[nodiscard]] std::string escapeHtml(std::string_view text);

/** "2026-12-07 04:05 UTC" */
[[nodiscard]] std::string formatTime(std::int64_t ms);

/** What every page's frame needs. */
struct PageFrame {
    Language language = Language::Danish;
    std::string title;
    std::string userName;  // empty before login: no navigation
    std::string csrfToken; // for the logout form
    bool showAdmin = false;
    bool showCaseWork = false;
    std::string languageSwitchHref; // the same page in the other language
};

[[nodiscard]] std::string renderPage(const PageFrame& frame, const std::string& main);

/** "?lang=en" style suffix pieces: "" for Danish, "lang=en" for English. */
[[nodiscard]] std::string langParam(Language language);

[[nodiscard]] std::string loginForm(Language language, const std::string& preToken,
                                    std::string_view errorKey);
[[nodiscard]] std::string totpForm(Language language, const std::string& csrfToken,
                                   std::string_view errorKey);

/** The inbox's filters as given in the query, echoed back into the form and links. */
struct InboxFilters {
    std::string unit, service, status, conflicted, age, sort;
    int page = 1;
};

[[nodiscard]] std::string inboxContent(Language language, const InboxFilters& filters,
                                       const std::vector<std::string>& units, const hub::InboxPage& page,
                                       int pageSize);

[[nodiscard]] std::string caseContent(Language language, const CaseView& view, bool cprRevealed,
                                      const std::string& csrfToken,
                                      const std::vector<hub::CenterAuditEntry>& audit);

[[nodiscard]] std::string auditContent(Language language, const std::vector<hub::CenterAuditEntry>& entries,
                                       bool chainIntact);

[[nodiscard]] std::string errorContent(Language language, std::string_view messageKey);

} // namespace fieldkit::center
