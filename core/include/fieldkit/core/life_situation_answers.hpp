#pragma once

#include <cstdint>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/life_situation.hpp>
#include <fieldkit/core/result.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::core {

/** What a case holds about its life situation: the situation talked through and the steps ticked for it. */
struct LifeSituationProgress {
    std::optional<LifeSituation> situation; // none chosen (or one only a newer version knows)
    std::set<std::uint16_t> done;           // step ids of that situation that are ticked

    friend bool operator==(const LifeSituationProgress&, const LifeSituationProgress&) = default;
};

/** One field value to write: (field, plaintext), encrypted by the store with the rest of the save. */
using LifeSituationValue = std::pair<FieldId, std::string>;

/**
 * The value of step `stepId` of `situation`: "<situation code>:yes" or ":no". The value carries the
 * situation so a tick made for another one (before the case's situation changed, perhaps on the partner's
 * tablet) is never read as a tick of the current one. Error `unknown_life_situation_step` for a step the
 * situation does not have.
 */
[[nodiscard]] Result<LifeSituationValue> lifeSituationStepValue(LifeSituation situation, std::uint16_t stepId,
                                                                bool done);

/** The values that record `situation` with the steps `done` ticked (a new case): the situation field and
 *  one value per ticked step. Fails like lifeSituationStepValue. */
[[nodiscard]] Result<std::vector<LifeSituationValue>>
lifeSituationValues(LifeSituation situation, const std::set<std::uint16_t>& done);

/** The value of the situation field: its code. */
[[nodiscard]] LifeSituationValue lifeSituationChoice(LifeSituation situation);

/**
 * Reads the progress from the register values in force (field id -> value; where a field has several
 * versions in force the caller passes the one it shows). Steps of another situation, step ids the situation
 * lacks and malformed values are not ticks. A pure function: the case page and the list read it alike.
 */
[[nodiscard]] LifeSituationProgress readLifeSituation(const std::map<std::uint32_t, std::string>& registers);

} // namespace fieldkit::core
