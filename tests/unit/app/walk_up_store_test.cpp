// The walk-up on the real store: one save for case, contact and life situation; the steps come back after a
// restart; the list searches by CPR and by name, each case found logged.
#include "store_fixture.hpp"
#include "test_support.hpp"

#include <QAbstractItemModelTester>
#include <doctest/doctest.h>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/case_list_model.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/store/session.hpp>

using namespace fieldkit;
using namespace fieldkit::app;
using namespace fieldkit::app::test;

namespace {

QList<int> doneSteps(const CaseEditController& editor) {
    QList<int> out;
    for (const auto& step : editor.lifeSituationSteps()) {
        const auto map = step.toMap();
        if (map.value(QStringLiteral("done")).toBool()) {
            out << map.value(QStringLiteral("stepId")).toInt();
        }
    }
    return out;
}

int contactsToday(StoreFixture& f) {
    auto stats = f.connection->session()->contactStatistics(0, std::numeric_limits<std::int64_t>::max());
    REQUIRE(stats.ok());
    return stats->total;
}

} // namespace

TEST_CASE("walk-up on the store: case, contact and life situation in one save, and the steps stay done") {
    StoreFixture f;
    f.unlock();
    QString id;
    {
        StoreCaseRepository cases(f.connection);
        LanguageController language;
        CaseEditController editor(cases, language);
        REQUIRE(editor.createCase(QStringLiteral("moving"), QStringLiteral("bike"),
                                  QStringLiteral("0707614285"), QStringLiteral("Karen Nielsen"), {}, {},
                                  QStringLiteral("moving"), {QVariant(1), QVariant(2)}));
        id = editor.caseId();
        CHECK(contactsToday(f) == 1);
        // One operation for the case (with its life situation), none for the contact: contacts do not sync
        // as case operations, they are counted where they are registered.
        auto history = f.connection->session()->history(*store::CaseId::fromHex(id.toStdString()));
        REQUIRE(history.ok());
        CHECK(history->size() == 1);
        CHECK(editor.lifeSituation() == QStringLiteral("moving"));
        CHECK(doneSteps(editor) == QList<int>{1, 2});
        REQUIRE(editor.setLifeSituationStep(5, true));
        REQUIRE(editor.setLifeSituationStep(1, false));

        // A step ticked for a situation the case is not about is refused and saves nothing.
        CHECK_FALSE(editor.createCase(QStringLiteral("pension"), QStringLiteral("bike"), {}, {}, {}, {},
                                      QStringLiteral("retirement"), {QVariant(7)}));
        CHECK(editor.errorCode() == QStringLiteral("unknown_life_situation_step"));
        CHECK(contactsToday(f) == 1);
    }
    // Locked (the session gone) and unlocked again: the store has the steps.
    f.connection = StoreFixture::open(f.dir);
    f.unlock();
    StoreCaseRepository cases(f.connection);
    LanguageController language;
    CaseEditController editor(cases, language);
    REQUIRE(editor.load(id));
    CHECK(editor.lifeSituation() == QStringLiteral("moving"));
    CHECK(doneSteps(editor) == QList<int>{2, 5});
    CHECK(editor.lifeSituationSteps().size() == 8);
}

TEST_CASE("case list search on the store: by CPR and by name, newest first, every case found logged") {
    StoreFixture f;
    f.unlock();
    StoreCaseRepository cases(f.connection);
    const QString karen = f.createCase(cases, QStringLiteral("0707614285"), QStringLiteral("Karen Nielsen"));
    const QString jonas = f.createCase(cases, QStringLiteral("1502882371"), QStringLiteral("Jonas Nielsen"));
    f.createCase(cases, {}, QStringLiteral("Bo Hansen"));
    LanguageController language;
    ServiceCatalogueModel services(core::serviceCatalogue(), language);
    CaseListModel model(cases, services);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.reload();
    REQUIRE(model.rowCount() == 3);

    model.setSearch(QStringLiteral("nielsen"));
    CHECK(model.searchKind() == QStringLiteral("name"));
    REQUIRE(model.rowCount() == 2);
    CHECK(model.data(model.index(0), CaseListModel::CaseIdRole).toString() == jonas);
    CHECK(model.data(model.index(1), CaseListModel::CaseIdRole).toString() == karen);
    CHECK_FALSE(model.canFetchMore({}));
    CHECK(f.audits("find_name", karen).size() == 1);
    CHECK(f.audits("find_name", jonas).size() == 1);

    model.setSearch(QStringLiteral("070761-4285"));
    CHECK(model.searchKind() == QStringLiteral("cpr"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.data(model.index(0), CaseListModel::CaseIdRole).toString() == karen);
    // The row's citizen cue is read like any other row's (a logged look).
    CHECK(model.data(model.index(0), CaseListModel::CitizenCueRole).toString() ==
          QStringLiteral("K.N. · 070761-XXXX"));

    const auto searchesBefore = f.audits("find_name").size() + f.audits("find_cpr").size();
    model.setSearch(QStringLiteral("07076")); // not a whole number yet: nothing searched, nothing logged
    CHECK(model.searchKind() == QStringLiteral("incomplete"));
    CHECK(model.rowCount() == 0);
    model.refresh(); // an inbound sync does not repeat a search behind the user's back
    CHECK(f.audits("find_name").size() + f.audits("find_cpr").size() == searchesBefore);

    model.setSearch({});
    CHECK(model.searchKind() == QStringLiteral("none"));
    CHECK(model.rowCount() == 3);
    CHECK(model.totalCount() == 3);
}
