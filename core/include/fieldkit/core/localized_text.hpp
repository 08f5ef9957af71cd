#pragma once

#include <string_view>

namespace fieldkit::core {

/** The UI languages: Danish first (staff speak Danish), English second. */
enum class Language { Danish, English };

/**
 * A Danish and an English text of built-in reference data (catalogue, checklists).
 *
 * Views into static storage: core's reference data is compiled in, so nothing here owns memory. UI string
 * types stay out of core on purpose.
 */
struct LocalizedText {
    std::string_view da;
    std::string_view en;

    [[nodiscard]] constexpr std::string_view in(Language language) const {
        return language == Language::Danish ? da : en;
    }
};

} // namespace fieldkit::core
