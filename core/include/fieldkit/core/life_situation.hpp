#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/core/localized_text.hpp>
#include <fieldkit/core/result.hpp>
#include <span>
#include <string_view>

namespace fieldkit::core {

/** A life situation that triggers proactive service: tell the citizen everything at once (DOMAIN.md). */
enum class LifeSituation : std::uint8_t {
    Moving = 0,
    NewChild = 1,
    Retirement = 2,
};

inline constexpr std::array<LifeSituation, 3> kAllLifeSituations{
    LifeSituation::Moving,
    LifeSituation::NewChild,
    LifeSituation::Retirement,
};

/**
 * One point of a proactive checklist. The citizen still chooses what to apply for, so a step informs;
 * `serviceCode` (empty when none) lets the app offer the matching service from the catalogue.
 * `id` is stable within its situation and never reused.
 */
struct LifeSituationStep {
    std::uint16_t id = 0;
    LocalizedText text;
    std::string_view serviceCode;
};

/** Stable codes: "moving", "new-child", "retirement". */
[[nodiscard]] std::string_view toString(LifeSituation situation);
/** Error `unknown_life_situation` for anything but the exact codes. */
[[nodiscard]] Result<LifeSituation> lifeSituationFromString(std::string_view code);

/** The situation's name as shown to staff. */
[[nodiscard]] LocalizedText lifeSituationName(LifeSituation situation);

/** The proactive checklist, in the order it is talked through. */
[[nodiscard]] std::span<const LifeSituationStep> lifeSituationSteps(LifeSituation situation);

} // namespace fieldkit::core
