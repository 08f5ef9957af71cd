#pragma once

#include <cstdint>
#include <fieldkit/core/citizen_view.hpp>
#include <fieldkit/core/localized_text.hpp>
#include <string>
#include <string_view>

namespace fieldkit::hub {

/** What the look-up form says above itself. */
enum class StatusFormNotice {
    None,
    NotFound,    // unknown reference and wrong code alike: the same words, the same page
    Malformed,   // the reference or code does not have the receipt's shape
    TooMany,     // 429
    Unavailable, // the store failed
};

/** The public status page's HTML (Borgerblikket, issue 18): server-rendered, Det Fælles Designsystem's
 *  classes, no inline script or style, Danish first. Only the look-up form's small script (status.js, which
 *  moves a QR link's fragment into the form) is referenced. Pure functions of their inputs. */
[[nodiscard]] std::string renderStatusForm(core::Language language, StatusFormNotice notice,
                                           std::int64_t retryAfterSeconds = 0);
/** The case as the citizen sees it: service, status timeline, what is missing, the next step, the
 *  responsible authority, and Min log. The reference is shown as printed on the receipt; the code never. */
[[nodiscard]] std::string renderStatusResult(core::Language language, std::string_view reference,
                                             const core::CitizenView& view);

/** Danish unless the client asks for English (form field or query lang=en, or Accept-Language en first). */
[[nodiscard]] core::Language statusLanguage(std::string_view langField, std::string_view acceptLanguage);

} // namespace fieldkit::hub
