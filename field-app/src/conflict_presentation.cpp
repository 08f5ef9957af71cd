#include <fieldkit/app/conflict_presentation.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/core/cpr.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/life_situation.hpp>
#include <fieldkit/core/service_catalogue.hpp>

namespace fieldkit::app {
namespace {

namespace fields = core::fields;

/** "yes"/"no" as the page words a tick; anything else (a newer version's value) as it is. */
QString tick(const QString& value) {
    if (value == QStringLiteral("yes")) {
        return QStringLiteral("done");
    }
    if (value == QStringLiteral("no")) {
        return QStringLiteral("not-done");
    }
    return value;
}

/** A step's value is "<situation>:yes|no" (life_situation_answers.hpp). */
std::optional<core::LifeSituation> situationOfStep(const QString& value) {
    const auto colon = value.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return std::nullopt;
    }
    auto situation = core::lifeSituationFromString(value.left(colon).toStdString());
    return situation ? std::optional(*situation) : std::nullopt;
}

QString stepLabel(const FieldConflict& conflict, std::uint16_t stepId, core::Language language) {
    // The versions may even name different situations; the first one that has this step names it.
    for (const auto& version : conflict.versions) {
        if (const auto situation = situationOfStep(version.value)) {
            for (const auto& step : core::lifeSituationSteps(*situation)) {
                if (step.id == stepId) {
                    return localized(step.text, language);
                }
            }
        }
    }
    return {};
}

QString checklistLabel(const FieldConflict& conflict, std::uint16_t itemId, core::Language language) {
    const core::Service* service = core::serviceCatalogue().find(conflict.serviceCode.toStdString());
    if (service != nullptr) {
        for (const auto& item : service->checklist) {
            if (item.id == itemId) {
                return localized(item.text, language);
            }
        }
    }
    return {};
}

} // namespace

std::uint32_t fieldIdOf(CaseField field) {
    switch (field) {
    case CaseField::Name:
        return fields::kName.value;
    case CaseField::Address:
        return fields::kAddress.value;
    case CaseField::Phone:
        return fields::kPhone.value;
    case CaseField::ReferredTo:
        return fields::kReferralAuthority.value;
    }
    return 0;
}

std::optional<CaseField> caseFieldOf(std::uint32_t fieldId) {
    for (const auto f : {CaseField::Name, CaseField::Address, CaseField::Phone, CaseField::ReferredTo}) {
        if (fieldIdOf(f) == fieldId) {
            return f;
        }
    }
    return std::nullopt;
}

QString caseFieldCode(CaseField field) {
    switch (field) {
    case CaseField::Name:
        return QStringLiteral("name");
    case CaseField::Address:
        return QStringLiteral("address");
    case CaseField::Phone:
        return QStringLiteral("phone");
    case CaseField::ReferredTo:
        return QStringLiteral("referred-to");
    }
    return {};
}

ConflictPresentation presentConflict(const FieldConflict& conflict, core::Language language) {
    ConflictPresentation out;
    const core::FieldId id{conflict.fieldId};
    const auto each = [&](auto&& show) {
        for (const auto& version : conflict.versions) {
            out.shown.push_back(show(version.value));
        }
    };
    const auto asItIs = [](const QString& value) { return value; };
    if (const auto field = caseFieldOf(conflict.fieldId)) {
        out.code = caseFieldCode(*field);
        out.freeText = true;
        each(asItIs);
    } else if (id == fields::kCpr) {
        out.code = QStringLiteral("cpr");
        out.freeText = true; // checked as a CPR number when resolved
        each([](const QString& value) {
            auto cpr = core::parseCpr(value.toStdString());
            return cpr ? QString::fromStdString(cpr->formatted()) : value;
        });
    } else if (id == fields::kSignature) {
        out.code = QStringLiteral("signature");
        each([](const QString&) { return QStringLiteral("signature"); });
    } else if (id == fields::kLifeSituation) {
        out.code = QStringLiteral("life-situation");
        each([&](const QString& value) {
            auto situation = core::lifeSituationFromString(value.toStdString());
            return situation ? localized(core::lifeSituationName(*situation), language)
                             : (value.isEmpty() ? QStringLiteral("none") : value);
        });
    } else if (const auto item = core::checklistItemOf(id)) {
        out.code = QStringLiteral("checklist-%1").arg(*item);
        out.label = checklistLabel(conflict, *item, language);
        each(tick);
    } else if (const auto step = core::lifeSituationStepOf(id)) {
        out.code = QStringLiteral("life-step-%1").arg(*step);
        out.label = stepLabel(conflict, *step, language);
        each([](const QString& value) {
            const auto colon = value.lastIndexOf(QLatin1Char(':'));
            return tick(colon < 0 ? value : value.mid(colon + 1));
        });
    } else {
        out.code = QStringLiteral("field-%1").arg(conflict.fieldId);
        each(asItIs);
    }
    return out;
}

} // namespace fieldkit::app
