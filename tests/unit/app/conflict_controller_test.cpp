#include "test_support.hpp"

#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fieldkit/app/conflict_controller.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/service_catalogue.hpp>

using namespace fieldkit;
using namespace fieldkit::app;

namespace {

FieldConflict conflictOf(std::uint32_t fieldId, std::vector<QString> values,
                         const QString& service = QStringLiteral("health-card")) {
    FieldConflict conflict{fieldId, service, {}};
    int n = 0;
    for (auto& value : values) {
        conflict.versions.push_back({QStringLiteral("d%1:1").arg(++n), std::move(value),
                                     QStringLiteral("Mette Jensen"), QDateTime::fromSecsSinceEpoch(0)});
    }
    return conflict;
}

struct Fixture {
    test::ManualWallClock wall;
    InMemoryCaseRepository repo{wall.fn(), [] { return QStringLiteral("Ali Hassan"); }};
    InMemoryContactRepository contacts;
    LanguageController language;
    ConflictController controller{repo, language};
    QString caseId;

    Fixture() {
        seedDemoData(repo, contacts, wall.now);
        const auto conflicted = repo.listCases(CaseFilter::Conflicted, 0, 10);
        REQUIRE(conflicted.size() == 1);
        caseId = conflicted.front().caseId;
        controller.load(caseId);
    }
    QVariantMap field(const QString& code) const {
        for (const auto& f : controller.fields()) {
            if (f.toMap().value(QStringLiteral("field")) == code) {
                return f.toMap();
            }
        }
        return {};
    }
};

} // namespace

TEST_CASE("each kind of register is shown so a person can tell the versions apart") {
    const auto da = core::Language::Danish;
    const auto address = presentConflict(conflictOf(core::fields::kAddress.value, {"A", "B"}), da);
    CHECK(address.code == QStringLiteral("address"));
    CHECK(address.freeText);
    CHECK(address.shown == std::vector<QString>{QStringLiteral("A"), QStringLiteral("B")});

    const auto cpr = presentConflict(conflictOf(core::fields::kCpr.value, {"0707614285", "0707614286"}), da);
    CHECK(cpr.code == QStringLiteral("cpr"));
    CHECK(cpr.freeText);
    CHECK(cpr.shown.front() == QStringLiteral("070761-4285")); // a conflict review shows the whole number

    const auto item = presentConflict(conflictOf(core::checklistAnswerField(2)->value, {"yes", "no"}), da);
    CHECK(item.code == QStringLiteral("checklist-2"));
    CHECK_FALSE(item.freeText); // a tick is kept, never typed
    CHECK(item.label == QStringLiteral("Mistet kort: bestil et erstatningskort"));
    CHECK(item.shown == std::vector<QString>{QStringLiteral("done"), QStringLiteral("not-done")});
    CHECK(presentConflict(conflictOf(core::checklistAnswerField(2)->value, {"yes", "no"}),
                          core::Language::English)
              .label == QStringLiteral("Lost card: order a replacement"));

    const auto step =
        presentConflict(conflictOf(core::lifeSituationStepField(2)->value, {"moving:yes", "moving:no"}), da);
    CHECK(step.code == QStringLiteral("life-step-2"));
    CHECK_FALSE(step.freeText);
    CHECK(step.label == QStringLiteral("Vælg læge"));
    CHECK(step.shown == std::vector<QString>{QStringLiteral("done"), QStringLiteral("not-done")});

    const auto situation =
        presentConflict(conflictOf(core::fields::kLifeSituation.value, {"moving", ""}), da);
    CHECK(situation.code == QStringLiteral("life-situation"));
    CHECK(situation.shown.back() == QStringLiteral("none"));
    CHECK_FALSE(situation.shown.front().isEmpty());

    const auto signature = presentConflict(conflictOf(core::fields::kSignature.value, {"a1", "a2"}), da);
    CHECK(signature.code == QStringLiteral("signature"));
    CHECK_FALSE(signature.freeText);

    const auto unknown = presentConflict(conflictOf(3000, {"x", "y"}), da);
    CHECK(unknown.code == QStringLiteral("field-3000"));
    CHECK_FALSE(unknown.freeText); // a newer version's field: only what was written can be kept
}

TEST_CASE("conflicts: versions side by side, resolving closes every version of the field") {
    Fixture f;
    QSignalSpy resolved(&f.controller, &ConflictController::resolved);
    REQUIRE(f.controller.count() == 3);
    const auto address = f.field(QStringLiteral("address"));
    CHECK(address.value(QStringLiteral("versions")).toList().size() == 2);
    CHECK(address.value(QStringLiteral("freeText")).toBool());
    CHECK_FALSE(f.controller.resolve(QStringLiteral("address"), QStringLiteral(" ")));
    CHECK(f.controller.errorCode() == QStringLiteral("value_empty"));
    CHECK(
        f.controller.resolve(QStringLiteral("address"), QStringLiteral("Nørregade 3, 2. th, 8000 Aarhus C")));
    CHECK(resolved.count() == 1);
    CHECK(f.controller.count() == 2);
    CHECK(f.repo.countCases(CaseFilter::Conflicted) == 1);
    CHECK(f.controller.keep(QStringLiteral("phone"), 1));
    CHECK(f.repo.loadCase(f.caseId, QStringLiteral("test"))->phone == QStringLiteral("+45 31 22 19 08"));
    CHECK(f.repo.loadCase(f.caseId, QStringLiteral("test"))->address ==
          QStringLiteral("Nørregade 3, 2. th, 8000 Aarhus C"));
}

TEST_CASE("a checklist item ticked differently on two tablets is resolved by keeping one, never by typing") {
    Fixture f;
    const auto item = f.field(QStringLiteral("checklist-1"));
    REQUIRE_FALSE(item.isEmpty());
    CHECK_FALSE(item.value(QStringLiteral("freeText")).toBool());
    const auto* service = core::serviceCatalogue().find(
        f.repo.loadCase(f.caseId, QStringLiteral("test"))->summary.serviceCode.toStdString());
    REQUIRE(service != nullptr);
    CHECK(item.value(QStringLiteral("label")).toString() ==
          QString::fromUtf8(service->checklist.front().text.da.data(),
                            static_cast<qsizetype>(service->checklist.front().text.da.size())));
    const auto versions = item.value(QStringLiteral("versions")).toList();
    REQUIRE(versions.size() == 2);
    CHECK(versions.at(0).toMap().value(QStringLiteral("value")) == QStringLiteral("done"));
    CHECK(versions.at(1).toMap().value(QStringLiteral("value")) == QStringLiteral("not-done"));

    CHECK_FALSE(f.controller.resolve(QStringLiteral("checklist-1"), QStringLiteral("yes")));
    CHECK(f.controller.errorCode() == QStringLiteral("keep_a_version"));
    CHECK_FALSE(f.controller.keep(QStringLiteral("checklist-1"), 2));
    CHECK(f.controller.errorCode() == QStringLiteral("stale_version"));
    CHECK_FALSE(f.controller.keep(QStringLiteral("checklist-9"), 0));
    CHECK(f.controller.errorCode() == QStringLiteral("no_conflict"));
    CHECK(f.controller.count() == 3);

    CHECK(f.controller.keep(QStringLiteral("checklist-1"), 0));
    CHECK(f.controller.count() == 2);
    CHECK(f.repo.loadCase(f.caseId, QStringLiteral("test"))->checklist.at(1));
}
