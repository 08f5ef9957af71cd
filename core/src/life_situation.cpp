#include <fieldkit/core/life_situation.hpp>

namespace fieldkit::core {

namespace {

constexpr std::array kMovingSteps{
    LifeSituationStep{1, {"Anmeld flytningen", "Report the move"}, "moving"},
    LifeSituationStep{2, {"Vælg læge", "Choose a doctor"}, "health-card"},
    LifeSituationStep{
        3, {"Nyt sundhedskort kommer automatisk", "The new health card comes automatically"}, "health-card"},
    LifeSituationStep{4, {"Navne- og adressebeskyttelse?", "Name and address protection?"}, ""},
    LifeSituationStep{5, {"C/o-adresse?", "c/o address?"}, "moving"},
    LifeSituationStep{
        6,
        {"Tjek kontaktoplysningerne i Digital Post", "Check the contact details in Digital Post"},
        "digital-post"},
    LifeSituationStep{
        7,
        {"Børn: skole og dagtilbud i det nye område", "Children: school and day care in the new area"},
        ""},
    LifeSituationStep{8, {"Boligstøtte?", "Housing benefit?"}, ""},
};

// The custody deadline is stated as 14 or 28 days in different sources: no number here until verified.
constexpr std::array kNewChildSteps{
    LifeSituationStep{1, {"Fødslen anmeldes af jordemoderen", "The birth is reported by the midwife"}, ""},
    LifeSituationStep{2,
                      {"Ugifte forældre: erklæring om fælles forældremyndighed og ansvar på borger.dk – tjek "
                       "den gældende frist, før du oplyser den",
                       "Unmarried parents: declaration of shared custody and responsibility on borger.dk – "
                       "check the current deadline before stating it"},
                      ""},
    LifeSituationStep{3, {"Navngivning inden 6 måneder", "Naming within 6 months"}, ""},
    LifeSituationStep{4, {"Plads i dagtilbud", "A day care place"}, ""},
    LifeSituationStep{5, {"Økonomisk friplads", "Free-place subsidy"}, "free-place"},
    LifeSituationStep{6, {"Børneydelse", "Child benefit"}, "child-benefit"},
};

constexpr std::array kRetirementSteps{
    LifeSituationStep{1,
                      {"Folkepension kommer ikke automatisk: søg op til 6 måneder før folkepensionsalderen "
                       "(65–69 år afhængigt af fødselsår)",
                       "State pension is not automatic: apply up to 6 months before pension age (65–69 "
                       "depending on birth year)"},
                      "pension"},
    LifeSituationStep{2,
                      {"Tillæg (varme, helbred) gives ikke med tilbagevirkende kraft",
                       "Supplements (heating, health) are not back-dated"},
                      "pension"},
    LifeSituationStep{3, {"Digital Post i orden", "Digital Post in order"}, "digital-post"},
    LifeSituationStep{4, {"MitID i orden", "MitID in order"}, "mitid"},
};

} // namespace

std::string_view toString(LifeSituation situation) {
    switch (situation) {
    case LifeSituation::Moving:
        return "moving";
    case LifeSituation::NewChild:
        return "new-child";
    case LifeSituation::Retirement:
        return "retirement";
    }
    return "unknown";
}

Result<LifeSituation> lifeSituationFromString(std::string_view code) {
    for (const LifeSituation situation : kAllLifeSituations) {
        if (toString(situation) == code) {
            return situation;
        }
    }
    return makeError("unknown_life_situation",
                     "The life situation is not one this version of fieldkit knows.");
}

LocalizedText lifeSituationName(LifeSituation situation) {
    switch (situation) {
    case LifeSituation::Moving:
        return {"Flytning", "Moving"};
    case LifeSituation::NewChild:
        return {"Nyt barn", "New child"};
    case LifeSituation::Retirement:
        return {"Pension", "Retirement"};
    }
    return {"Ukendt", "Unknown"};
}

std::span<const LifeSituationStep> lifeSituationSteps(LifeSituation situation) {
    switch (situation) {
    case LifeSituation::Moving:
        return kMovingSteps;
    case LifeSituation::NewChild:
        return kNewChildSteps;
    case LifeSituation::Retirement:
        return kRetirementSteps;
    }
    return {};
}

} // namespace fieldkit::core
