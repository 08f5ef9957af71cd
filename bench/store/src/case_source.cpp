#include "case_source.hpp"

#include <fieldkit/core/cpr.hpp>
#include <fieldkit/core/field.hpp>

namespace fieldkit::bench {

store::NewCase CaseSource::next() {
    const auto g = m_generator.next();
    store::NewCase c{g.service, g.channel, {g.cpr, g.name, g.address, g.phone}, g.notes, {}};
    std::uint16_t item = 1;
    for (const auto& [question, answer] : g.checklist) {
        std::string text = question;
        text += ": ";
        text += answer;
        c.checklist.emplace_back(item++, std::move(text));
    }
    return c;
}

std::vector<store::NewCase> CaseSource::next(std::size_t count) {
    std::vector<store::NewCase> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        out.push_back(next());
    }
    return out;
}

std::vector<crypto::FieldValue> creationValues(const store::NewCase& input) {
    std::vector<crypto::FieldValue> values;
    if (auto cpr = core::parseCpr(input.citizen.cpr); cpr) {
        values.push_back({core::fields::kCpr.value, cpr->digits()});
    }
    for (const auto& [field, value] : {std::pair{core::fields::kName, &input.citizen.name},
                                       std::pair{core::fields::kAddress, &input.citizen.address},
                                       std::pair{core::fields::kPhone, &input.citizen.phone}}) {
        if (!value->empty()) {
            values.push_back({field.value, *value});
        }
    }
    for (const auto& [item, answer] : input.checklist) {
        if (auto field = core::checklistAnswerField(item)) {
            values.push_back({field->value, answer});
        }
    }
    for (const auto& note : input.notes) {
        values.push_back({core::fields::kNote.value, note});
    }
    return values;
}

} // namespace fieldkit::bench
