#include <algorithm>
#include <fieldkit/app/case_timeline.hpp>
#include <fieldkit/core/field.hpp>

namespace fieldkit::app {
namespace {

namespace fields = core::fields;

/** The store writes the purpose of a CPR reveal with this prefix (see StoreCaseRepository). */
constexpr std::string_view kRevealPrefix = "reveal CPR: ";

QDateTime timeOf(std::int64_t ms) {
    return QDateTime::fromMSecsSinceEpoch(ms);
}

bool touches(const store::HistoryEntry& e, const core::FieldId field) {
    return std::find(e.fields.begin(), e.fields.end(), field.value) != e.fields.end();
}

QString fieldCodes(const std::vector<std::uint32_t>& ids) {
    QStringList codes;
    for (const auto id : ids) {
        const QString code = timelineFieldCode(id);
        if (!codes.contains(code)) {
            codes << code;
        }
    }
    return codes.join(QLatin1Char(','));
}

TimelineEvent fromOperation(const store::HistoryEntry& e, bool first) {
    TimelineEvent out;
    out.at = timeOf(e.atMs);
    out.staff = QString::fromStdString(e.staff);
    out.operation = true;
    out.synced = e.synced;
    if (first && e.statusChange == "opened") {
        out.kind = QStringLiteral("created");
    } else if (!e.statusChange.empty()) {
        out.kind = QStringLiteral("status-changed");
        out.detail = QString::fromStdString(e.statusChange);
    } else if (e.kind == "resolve") {
        out.kind = QStringLiteral("conflict-resolved");
        out.detail = fieldCodes(e.fields);
    } else if (touches(e, fields::kSignature)) {
        out.kind = QStringLiteral("signature-added");
    } else if (touches(e, fields::kAttachment)) {
        out.kind = QStringLiteral("attachment-added");
    } else if (e.kind == "append" || touches(e, fields::kNote)) {
        out.kind = QStringLiteral("note-added");
    } else {
        out.kind = QStringLiteral("fields-set");
        out.detail = fieldCodes(e.fields);
    }
    return out;
}

/** A look at the case, or nothing when the entry repeats a change the operations already show. */
std::optional<TimelineEvent> fromAudit(const store::AuditEntry& e) {
    TimelineEvent out;
    out.at = timeOf(e.atMs);
    out.staff = QString::fromStdString(e.staff);
    if (e.action == "view") {
        if (e.purpose.starts_with(kRevealPrefix)) {
            out.kind = QStringLiteral("cpr-revealed");
            out.detail = QString::fromStdString(e.purpose.substr(kRevealPrefix.size()));
        } else {
            out.kind = QStringLiteral("viewed");
            out.detail = QString::fromStdString(e.purpose);
        }
        return out;
    }
    if (e.action == "find_cpr" || e.action == "find_name") {
        out.kind = e.action == "find_cpr" ? QStringLiteral("cpr-searched") : QStringLiteral("name-searched");
        out.detail = QString::fromStdString(e.purpose);
        return out;
    }
    return std::nullopt; // create, edit, note, status:*, resolve, ...: the operation is the record
}

bool sameLook(const TimelineEvent& a, const TimelineEvent& b) {
    return !a.operation && !b.operation && a.kind == b.kind && a.staff == b.staff && a.detail == b.detail;
}

} // namespace

QString timelineFieldCode(std::uint32_t fieldId) {
    const core::FieldId id{fieldId};
    if (id == fields::kCpr) {
        return QStringLiteral("cpr");
    }
    if (id == fields::kName) {
        return QStringLiteral("name");
    }
    if (id == fields::kAddress) {
        return QStringLiteral("address");
    }
    if (id == fields::kPhone) {
        return QStringLiteral("phone");
    }
    if (id == fields::kNote) {
        return QStringLiteral("note");
    }
    if (id == fields::kSignature) {
        return QStringLiteral("signature");
    }
    if (id == fields::kAttachment) {
        return QStringLiteral("attachment");
    }
    if (id == fields::kReferralAuthority) {
        return QStringLiteral("referred-to");
    }
    if (id == fields::kStatusNote) {
        return QStringLiteral("status-note");
    }
    if (core::checklistItemOf(id)) {
        return QStringLiteral("checklist");
    }
    if (id == fields::kLifeSituation || core::lifeSituationStepOf(id)) {
        return QStringLiteral("life-situation");
    }
    return QStringLiteral("field-%1").arg(fieldId);
}

std::vector<TimelineEvent> buildCaseTimeline(const std::vector<store::HistoryEntry>& history,
                                             const std::vector<store::AuditEntry>& audit) {
    std::vector<TimelineEvent> events;
    events.reserve(history.size() + audit.size());
    for (std::size_t i = 0; i < history.size(); ++i) {
        events.push_back(fromOperation(history[i], i == 0));
    }
    for (const auto& entry : audit) {
        if (auto look = fromAudit(entry)) {
            events.push_back(std::move(*look));
        }
    }
    // Oldest first by time; a change and a look in the same millisecond: the change first (the case was
    // saved, then shown). Stable, so each source keeps its own order.
    std::stable_sort(events.begin(), events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
        if (a.at != b.at) {
            return a.at < b.at;
        }
        return a.operation && !b.operation;
    });
    std::vector<TimelineEvent> out;
    for (auto& e : events) {
        if (!out.empty() && sameLook(out.back(), e)) {
            out.back().at = e.at;
            ++out.back().repeats;
            continue;
        }
        out.push_back(std::move(e));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace fieldkit::app
