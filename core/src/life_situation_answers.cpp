#include <algorithm>
#include <fieldkit/core/life_situation_answers.hpp>

namespace fieldkit::core {

namespace {

constexpr std::string_view kYes = ":yes";
constexpr std::string_view kNo = ":no";

bool hasStep(LifeSituation situation, std::uint16_t stepId) {
    const auto steps = lifeSituationSteps(situation);
    return std::any_of(steps.begin(), steps.end(),
                       [&](const LifeSituationStep& s) { return s.id == stepId; });
}

} // namespace

Result<LifeSituationValue> lifeSituationStepValue(LifeSituation situation, std::uint16_t stepId, bool done) {
    const auto field = lifeSituationStepField(stepId);
    if (!field || !hasStep(situation, stepId)) {
        return makeError("unknown_life_situation_step", "Step " + std::to_string(stepId) +
                                                            " is not part of the life situation \"" +
                                                            std::string(toString(situation)) + "\".");
    }
    return LifeSituationValue{*field, std::string(toString(situation)) + std::string(done ? kYes : kNo)};
}

Result<std::vector<LifeSituationValue>> lifeSituationValues(LifeSituation situation,
                                                            const std::set<std::uint16_t>& done) {
    std::vector<LifeSituationValue> out{lifeSituationChoice(situation)};
    for (const auto stepId : done) {
        auto value = lifeSituationStepValue(situation, stepId, true);
        if (!value) {
            return value.error();
        }
        out.push_back(std::move(*value));
    }
    return out;
}

LifeSituationValue lifeSituationChoice(LifeSituation situation) {
    return {fields::kLifeSituation, std::string(toString(situation))};
}

LifeSituationProgress readLifeSituation(const std::map<std::uint32_t, std::string>& registers) {
    LifeSituationProgress out;
    const auto chosen = registers.find(fields::kLifeSituation.value);
    if (chosen == registers.end()) {
        return out;
    }
    const auto situation = lifeSituationFromString(chosen->second);
    if (!situation) {
        return out;
    }
    out.situation = *situation;
    const std::string ticked = chosen->second + std::string(kYes);
    const auto first = registers.upper_bound(fields::kLifeSituationStepFirst);
    const auto last = registers.upper_bound(fields::kLifeSituationStepLast);
    for (auto it = first; it != last; ++it) {
        const auto stepId = lifeSituationStepOf(FieldId{it->first});
        if (stepId && it->second == ticked && hasStep(*situation, *stepId)) {
            out.done.insert(*stepId);
        }
    }
    return out;
}

} // namespace fieldkit::core
