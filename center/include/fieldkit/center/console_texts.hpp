#pragma once

#include <fieldkit/core/localized_text.hpp>
#include <string_view>

namespace fieldkit::center {

using core::Language;

/** Pure: the page language. `?lang=da|en` wins; otherwise the first of da/en in Accept-Language; Danish when
 *  neither says. */
[[nodiscard]] Language chooseLanguage(std::string_view langParameter, std::string_view acceptLanguage);

/** The console's UI text for `key` (Danish first, English second); the key itself when unknown, so a missing
 *  text shows up in tests instead of an empty label. */
[[nodiscard]] std::string_view text(Language language, std::string_view key);

/** The status code's name ("opened" → "Oprettet" / "Opened"). */
[[nodiscard]] std::string_view statusName(Language language, std::string_view code);

/** The service code's name from the catalogue, or the code itself for a service this version lacks. */
[[nodiscard]] std::string_view serviceName(Language language, std::string_view code);

} // namespace fieldkit::center
