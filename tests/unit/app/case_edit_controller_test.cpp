#include "test_support.hpp"

#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/language_controller.hpp>

using namespace fieldkit::app;

namespace {

struct Fixture {
    test::ManualWallClock wall;
    InMemoryCaseRepository repo{wall.fn(), [] { return QStringLiteral("Mette Jensen"); }};
    LanguageController language;
    CaseEditController editor{repo, language};
};

} // namespace

TEST_CASE("a new case opens in status opened with the service's checklist") {
    Fixture f;
    QSignalSpy saved(&f.editor, &CaseEditController::caseSaved);
    REQUIRE(f.editor.createCase(QStringLiteral("passport"), QStringLiteral("bike"),
                                QStringLiteral("0707614285"), QStringLiteral("Karen Nielsen"), {}, {}));
    CHECK(saved.count() == 1);
    CHECK(f.editor.status() == QStringLiteral("opened"));
    CHECK(f.editor.maskedCpr() == QStringLiteral("070761-XXXX"));
    CHECK(f.editor.checklist().size() == 6);
    CHECK(f.editor.allowedNextStatuses().contains(QStringLiteral("informed")));
    CHECK_FALSE(f.editor.allowedNextStatuses().contains(QStringLiteral("closed")));
}

TEST_CASE("an invalid CPR or unknown service creates nothing") {
    Fixture f;
    CHECK_FALSE(f.editor.createCase(QStringLiteral("passport"), QStringLiteral("bike"),
                                    QStringLiteral("3102611234"), {}, {}, {}));
    CHECK(f.editor.errorCode() == QStringLiteral("cpr_invalid_day"));
    CHECK_FALSE(f.editor.createCase(QStringLiteral("nope"), QStringLiteral("bike"), {}, {}, {}, {}));
    CHECK(f.editor.errorCode() == QStringLiteral("unknown_service"));
    CHECK(f.repo.countCases(CaseFilter::All) == 0);
}

TEST_CASE("status moves forward along the lifecycle, refusals keep their reason and change nothing") {
    Fixture f;
    REQUIRE(f.editor.createCase(QStringLiteral("passport"), QStringLiteral("bike"), {}, {}, {}, {}));
    CHECK(f.editor.changeStatus(QStringLiteral("decided"), QStringLiteral("Photo taken")));
    CHECK(f.editor.status() == QStringLiteral("decided"));
    CHECK(f.editor.notes().size() == 1); // the reason is kept as a note
    CHECK_FALSE(f.editor.changeStatus(QStringLiteral("informed"), {}));
    CHECK(f.editor.errorCode() == QStringLiteral("status_backwards"));
    CHECK(f.editor.status() == QStringLiteral("decided"));
    CHECK_FALSE(f.editor.changeStatus(QStringLiteral("closed"), {}));
    CHECK(f.editor.errorCode() == QStringLiteral("status_close_before_done"));
    CHECK(f.editor.changeStatus(QStringLiteral("done"), {}));
    CHECK(f.editor.errorCode().isEmpty());
    CHECK(f.editor.changeStatus(QStringLiteral("closed"), {}));
    CHECK(f.editor.allowedNextStatuses().isEmpty());
    CHECK_FALSE(f.editor.changeStatus(QStringLiteral("withdrawn"), {}));
    CHECK(f.editor.errorCode() == QStringLiteral("status_final"));
}

TEST_CASE("referral records the authority and leaves only close or withdraw") {
    Fixture f;
    REQUIRE(f.editor.createCase(QStringLiteral("tax-card"), QStringLiteral("to-go"), {}, {}, {}, {}));
    CHECK_FALSE(f.editor.refer(QStringLiteral("  "), {}));
    CHECK(f.editor.errorCode() == QStringLiteral("authority_missing"));
    CHECK(f.editor.refer(QStringLiteral("Skattestyrelsen"), {}));
    CHECK(f.editor.status() == QStringLiteral("referred"));
    CHECK(f.editor.referredTo() == QStringLiteral("Skattestyrelsen"));
    CHECK(f.editor.allowedNextStatuses() ==
          QStringList{QStringLiteral("closed"), QStringLiteral("withdrawn")});
}

TEST_CASE("notes are add-only and never blank, checklist ticks are stored") {
    Fixture f;
    REQUIRE(f.editor.createCase(QStringLiteral("moving"), QStringLiteral("bike"), {}, {}, {}, {}));
    CHECK_FALSE(f.editor.addNote(QStringLiteral("   ")));
    CHECK(f.editor.errorCode() == QStringLiteral("note_empty"));
    CHECK(f.editor.addNote(QStringLiteral("Needs help with MitID")));
    CHECK(f.editor.addNote(QStringLiteral("Second")));
    REQUIRE(f.editor.notes().size() == 2);
    CHECK(f.editor.notes().at(0).toMap().value(QStringLiteral("author")) == QStringLiteral("Mette Jensen"));
    CHECK(f.editor.setChecklistItem(2, true));
    CHECK(f.editor.checklist().at(1).toMap().value(QStringLiteral("done")).toBool());
    CHECK_FALSE(f.editor.checklist().at(0).toMap().value(QStringLiteral("done")).toBool());
}

TEST_CASE("loading a case is audited, finding by CPR decrypts nothing") {
    Fixture f;
    InMemoryContactRepository contacts;
    seedDemoData(f.repo, contacts, f.wall.now);
    const auto before = f.repo.auditLog().size();
    const auto found = f.editor.casesForCpr(QStringLiteral("0707614285"));
    REQUIRE(found.size() == 1);
    // The look-up is logged under the case it found (nothing was decrypted, but the case was looked at),
    // the load that decrypts once more.
    REQUIRE(f.repo.auditLog().size() == before + 1);
    CHECK(f.repo.auditLog().back().caseId == found.at(0).toMap().value(QStringLiteral("caseId")).toString());
    REQUIRE(f.editor.load(found.at(0).toMap().value(QStringLiteral("caseId")).toString()));
    REQUIRE(f.repo.auditLog().size() == before + 2);
    CHECK_FALSE(f.repo.auditLog().back().caseId.isEmpty());
    CHECK(f.editor.citizenName() == QStringLiteral("Karen Nielsen"));
    f.editor.clear();
    CHECK_FALSE(f.editor.loaded());
    CHECK(f.editor.citizenName().isEmpty());
}

TEST_CASE("life situation: steps ticked before the case are kept, and another situation has its own") {
    Fixture f;
    InMemoryContactRepository contacts;
    f.repo.setContacts(&contacts);
    REQUIRE(f.editor.createCase(QStringLiteral("moving"), QStringLiteral("bike"), {}, {}, {}, {},
                                QStringLiteral("moving"), {QVariant(1), QVariant(3)}));
    const auto done = [&f] {
        QList<int> out;
        for (const auto& step : f.editor.lifeSituationSteps()) {
            if (step.toMap().value(QStringLiteral("done")).toBool()) {
                out << step.toMap().value(QStringLiteral("stepId")).toInt();
            }
        }
        return out;
    };
    CHECK(f.editor.lifeSituation() == QStringLiteral("moving"));
    CHECK(done() == QList<int>{1, 3});
    REQUIRE(f.editor.setLifeSituationStep(3, false));
    REQUIRE(f.editor.setLifeSituation(QStringLiteral("new-child")));
    CHECK(done().isEmpty());
    CHECK(f.editor.lifeSituationSteps().size() == 6);
    CHECK_FALSE(f.editor.setLifeSituationStep(7, true)); // "new child" has six steps
    CHECK(f.editor.errorCode() == QStringLiteral("unknown_life_situation_step"));
    REQUIRE(f.editor.setLifeSituation(QStringLiteral("moving")));
    CHECK(done() == QList<int>{1});
    // The walk-up registered its contact with the case.
    CHECK(contacts.statisticsBetween(f.wall.now.addDays(-1), f.wall.now.addDays(1))->total == 1);
}
