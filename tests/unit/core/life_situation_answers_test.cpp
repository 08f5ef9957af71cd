#include <doctest/doctest.h>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/life_situation_answers.hpp>

using namespace fieldkit::core;

namespace {

std::map<std::uint32_t, std::string> asRegisters(const std::vector<LifeSituationValue>& values) {
    std::map<std::uint32_t, std::string> out;
    for (const auto& [field, value] : values) {
        out[field.value] = value;
    }
    return out;
}

} // namespace

TEST_CASE("life-situation answers: what is written reads back") {
    auto values = lifeSituationValues(LifeSituation::Moving, {1, 3, 8});
    REQUIRE(values.ok());
    const auto progress = readLifeSituation(asRegisters(*values));
    CHECK(progress.situation == LifeSituation::Moving);
    CHECK(progress.done == std::set<std::uint16_t>{1, 3, 8});

    // A situation chosen with nothing ticked yet is still remembered.
    auto none = lifeSituationValues(LifeSituation::Retirement, {});
    REQUIRE(none.ok());
    CHECK(none->size() == 1);
    CHECK(readLifeSituation(asRegisters(*none)) == LifeSituationProgress{LifeSituation::Retirement, {}});
    CHECK(readLifeSituation({}) == LifeSituationProgress{});
}

TEST_CASE("life-situation answers: the field ids never name the situation") {
    // Step 2 of every situation is the same field: only the encrypted value says which situation it is.
    const auto moving = lifeSituationStepValue(LifeSituation::Moving, 2, true);
    const auto child = lifeSituationStepValue(LifeSituation::NewChild, 2, true);
    REQUIRE(moving.ok());
    REQUIRE(child.ok());
    CHECK(moving->first == child->first);
    CHECK(moving->second != child->second);
    CHECK(fieldInfo(moving->first).name == "life-situation-step");
    CHECK(fieldInfo(fields::kLifeSituation).kind == FieldKind::Register);
    CHECK(lifeSituationStepOf(moving->first) == std::uint16_t{2});
    CHECK_FALSE(lifeSituationStepField(0));
    CHECK_FALSE(lifeSituationStepField(100));
    CHECK_FALSE(checklistItemOf(moving->first)); // not mistaken for a checklist answer
}

TEST_CASE("life-situation answers: ticks of another situation or unknown steps are not ticks") {
    auto registers = asRegisters(*lifeSituationValues(LifeSituation::Moving, {1, 2}));
    // The situation became "new child" (here or on the partner's tablet): moving's ticks do not carry over.
    registers[fields::kLifeSituation.value] = "new-child";
    CHECK(readLifeSituation(registers) == LifeSituationProgress{LifeSituation::NewChild, {}});
    registers[lifeSituationStepValue(LifeSituation::NewChild, 2, true)->first.value] = "new-child:yes";
    CHECK(readLifeSituation(registers).done == std::set<std::uint16_t>{2});
    // Unticked, garbage and a situation only a newer version knows.
    registers[lifeSituationStepField(2)->value] = "new-child:no";
    registers[lifeSituationStepField(3)->value] = "yes";
    CHECK(readLifeSituation(registers).done.empty());
    registers[fields::kLifeSituation.value] = "divorce";
    CHECK(readLifeSituation(registers) == LifeSituationProgress{});

    // Retirement has four steps: a fifth is refused, not written.
    const auto bad = lifeSituationStepValue(LifeSituation::Retirement, 5, true);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "unknown_life_situation_step");
    CHECK_FALSE(lifeSituationValues(LifeSituation::Retirement, {1, 5}).ok());
}
