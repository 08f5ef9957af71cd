// The case timeline: the pure builder over operations and audit entries, and the model on a real store.
#include "store_fixture.hpp"
#include "test_support.hpp"

#include <QAbstractItemModelTester>
#include <doctest/doctest.h>
#include <fieldkit/app/case_timeline.hpp>
#include <fieldkit/app/case_timeline_model.hpp>
#include <fieldkit/core/field.hpp>

using namespace fieldkit;
using namespace fieldkit::app;
using namespace fieldkit::app::test;

namespace {

namespace fields = core::fields;

store::HistoryEntry op(std::string kind, std::int64_t atMs, std::vector<std::uint32_t> fieldIds,
                       std::string status = {}, bool synced = false, std::string staff = "Anna Jensen") {
    return {std::move(kind), std::move(staff), atMs, std::move(fieldIds), std::move(status), synced};
}

store::AuditEntry look(std::string action, std::int64_t atMs, std::string purpose,
                       std::string staff = "Anna Jensen") {
    return {0, atMs, std::move(staff), std::move(action), "c0ffee", std::move(purpose)};
}

std::vector<QString> kinds(const std::vector<TimelineEvent>& events) {
    std::vector<QString> out;
    for (const auto& e : events) {
        out.push_back(e.kind);
    }
    return out;
}

} // namespace

TEST_CASE("timeline: changes from the operations, looks from the audit log, newest first") {
    const auto checklist = core::checklistAnswerField(1);
    REQUIRE(checklist.has_value());
    const std::vector<store::HistoryEntry> history = {
        op("set", 1000, {fields::kCpr.value, fields::kName.value}, "opened", true),
        op("set", 2000, {fields::kAddress.value, checklist->value}, {}, true),
        op("append", 3000, {fields::kNote.value}, {}, false, "Bo Hansen"),
        op("set", 4000, {fields::kStatusNote.value}, "informed"),
        op("resolve", 5000, {fields::kAddress.value}),
    };
    const std::vector<store::AuditEntry> audit = {
        look("create", 1000, "new case"), // repeats the first operation: left out
        look("view", 1500, "case-view"),
        look("edit", 2000, "case work"), // left out
        look("view", 2500, "reveal CPR: identity check"),
        look("find_cpr", 2600, "find-citizen"),
        look("view", 6000, "case-view", "Bo Hansen"),
        look("view", 6100, "case-view", "Bo Hansen"), // the same look again: one line, twice
        look("status:informed", 4000, "case work"),   // left out
    };
    const auto timeline = buildCaseTimeline(history, audit);
    CHECK(kinds(timeline) == std::vector<QString>{"viewed", "conflict-resolved", "status-changed",
                                                  "note-added", "cpr-searched", "cpr-revealed", "fields-set",
                                                  "viewed", "created"});
    const auto& newest = timeline.front();
    CHECK(newest.staff == QStringLiteral("Bo Hansen"));
    CHECK(newest.repeats == 2);
    CHECK(newest.at == QDateTime::fromMSecsSinceEpoch(6100));
    CHECK_FALSE(newest.operation);
    CHECK(timeline[1].detail == QStringLiteral("address"));
    CHECK(timeline[2].detail == QStringLiteral("informed"));
    CHECK(timeline[3].staff == QStringLiteral("Bo Hansen"));
    CHECK_FALSE(timeline[3].synced);
    CHECK(timeline[4].detail == QStringLiteral("find-citizen"));
    CHECK(timeline[5].detail == QStringLiteral("identity check")); // the reveal's purpose without the prefix
    CHECK(timeline[6].detail == QStringLiteral("address,checklist"));
    CHECK(timeline[6].synced);
    CHECK(timeline.back().operation);
    CHECK(timeline.back().synced);
}

TEST_CASE("timeline field codes: known fields by name, unknown ones by number") {
    CHECK(timelineFieldCode(fields::kReferralAuthority.value) == QStringLiteral("referred-to"));
    CHECK(timelineFieldCode(fields::kSignature.value) == QStringLiteral("signature"));
    CHECK(timelineFieldCode(core::checklistAnswerField(3)->value) == QStringLiteral("checklist"));
    CHECK(timelineFieldCode(60000) == QStringLiteral("field-60000"));
}

TEST_CASE("timeline model on a real store: creation, changes, note, status and the audited looks") {
    ensureApplication();
    StoreFixture f;
    f.unlock();
    StoreCaseRepository cases(f.connection);
    const QString id = f.createCase(cases, QStringLiteral("0707614285"), QStringLiteral("Karen"));
    REQUIRE(cases.setField(id, CaseField::Phone, QStringLiteral("+45 2222")));
    REQUIRE(cases.appendNote(id, QStringLiteral("Pas bestilt")));
    REQUIRE(cases.setStatus(id, core::CaseStatus::Informed, QStringLiteral("informeret")));
    REQUIRE(cases.loadCase(id, QStringLiteral("case-view")));
    REQUIRE(cases.recordCprReveal(id, QStringLiteral("0707614285"), QStringLiteral("identity check")));

    CaseTimelineModel model(cases);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto auditBefore = f.audits("view", id).size();
    model.load(id);
    CHECK(f.audits("view", id).size() == auditBefore); // reading the timeline is not a look at the case
    REQUIRE(model.rowCount() == 6);
    auto kindAt = [&](int row) { return model.index(row).data(CaseTimelineModel::KindRole).toString(); };
    CHECK(kindAt(0) == QStringLiteral("cpr-revealed"));
    CHECK(kindAt(1) == QStringLiteral("viewed"));
    CHECK(kindAt(2) == QStringLiteral("status-changed"));
    CHECK(model.index(2).data(CaseTimelineModel::DetailRole).toString() == QStringLiteral("informed"));
    CHECK(kindAt(3) == QStringLiteral("note-added"));
    CHECK(kindAt(4) == QStringLiteral("fields-set"));
    CHECK(model.index(4).data(CaseTimelineModel::DetailRole).toString() == QStringLiteral("phone"));
    CHECK(kindAt(5) == QStringLiteral("created"));
    CHECK(model.index(5).data(CaseTimelineModel::StaffRole).toString() == kAnna);
    CHECK(model.index(5).data(CaseTimelineModel::OperationRole).toBool());
    CHECK_FALSE(model.index(5).data(CaseTimelineModel::SyncedRole).toBool()); // no center has acked it

    model.clear();
    CHECK(model.rowCount() == 0);
    model.load(QStringLiteral("not-a-case"));
    CHECK(model.rowCount() == 0);
}
