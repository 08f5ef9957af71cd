#include <algorithm>
#include <fieldkit/app/case_list_model.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>
#include <set>

namespace fieldkit::app {

CaseListModel::CaseListModel(CaseRepository& repository, const ServiceCatalogueModel& services,
                             QObject* parent)
    : QAbstractListModel(parent)
    , m_repository(repository)
    , m_services(services) {
    connect(&services, &QAbstractItemModel::dataChanged, this, [this] {
        if (!m_rows.empty()) {
            emit dataChanged(index(0), index(rowCount() - 1), {ServiceRole});
        }
    });
}

int CaseListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant CaseListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const auto& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case CaseIdRole:
        return row.caseId;
    case ServiceRole:
    case Qt::DisplayRole:
        return m_services.nameOf(row.serviceCode);
    case ServiceCodeRole:
        return row.serviceCode;
    case StatusRole: {
        const auto s = core::toString(row.status);
        return QString::fromLatin1(s.data(), static_cast<qsizetype>(s.size()));
    }
    case UpdatedRole:
        return row.updated.toString(QStringLiteral("HH:mm"));
    case DayRole:
        return dayOf(row.updated, m_clock());
    case CitizenCueRole:
        return cardFor(row).cue;
    case ChecklistDoneRole:
        return cardFor(row).checklistDone;
    case ChecklistTotalRole:
        return cardFor(row).checklistTotal;
    case SignedRole:
        return cardFor(row).signedByCitizen;
    case ConflictedRole:
        return row.conflicted;
    case MineRole:
        return row.mine;
    case PendingRole:
        return row.pendingSync;
    default:
        return {};
    }
}

QHash<int, QByteArray> CaseListModel::roleNames() const {
    return {{CaseIdRole, "caseId"},
            {ServiceRole, "service"},
            {ServiceCodeRole, "serviceCode"},
            {StatusRole, "status"},
            {UpdatedRole, "updated"},
            {ConflictedRole, "conflicted"},
            {MineRole, "mine"},
            {PendingRole, "pending"},
            {DayRole, "day"},
            {CitizenCueRole, "citizenCue"},
            {ChecklistDoneRole, "checklistDone"},
            {ChecklistTotalRole, "checklistTotal"},
            {SignedRole, "signed"}};
}

namespace {

// "K.N." from "Karen Nielsen": the first letter of each part of the name.
QString initialsOf(const QString& name) {
    QString out;
    for (const auto& part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out += part.front().toUpper() + QLatin1Char('.');
    }
    return out;
}

} // namespace

const CaseListModel::Card& CaseListModel::cardFor(const CaseSummary& row) const {
    const auto found = m_cards.find(row.caseId);
    if (found != m_cards.end() && found->second.updated == row.updated) {
        return found->second;
    }
    Card card;
    card.updated = row.updated;
    card.checklistTotal = static_cast<int>(
        m_services.service(row.serviceCode).value(QStringLiteral("checklist")).toList().size());
    // A look at the citizen's data like any other: the repository logs it with its purpose.
    auto details = m_repository.loadCase(row.caseId, QStringLiteral("case-list"));
    if (!details) {
        // Nothing to show (the store is busy or the case went): asked again next time, not remembered.
        static const Card nothing;
        return nothing;
    }
    {
        QStringList cue;
        if (!details->name.isEmpty()) {
            cue << initialsOf(details->name);
        }
        if (details->cprDigits.size() == 10) {
            cue << details->cprDigits.left(6) + QStringLiteral("-XXXX");
        }
        card.cue = cue.join(QStringLiteral(" · "));
        for (const auto& [item, ticked] : details->checklist) {
            card.checklistDone += ticked ? 1 : 0;
        }
        card.signedByCitizen =
            std::any_of(details->attachments.begin(), details->attachments.end(),
                        [](const CaseAttachment& a) { return a.kind == QLatin1String("signature"); });
    }
    return m_cards[row.caseId] = std::move(card);
}

QString CaseListModel::dayOf(const QDateTime& at, const QDateTime& now) {
    const auto days = at.date().daysTo(now.date());
    if (days == 0) {
        return QStringLiteral("today");
    }
    if (days == 1) {
        return QStringLiteral("yesterday");
    }
    return at.toString(QStringLiteral("dd.MM.yyyy"));
}

bool CaseListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && static_cast<int>(m_rows.size()) < m_total;
}

void CaseListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) {
        return;
    }
    auto page = m_repository.listCases(m_filter, static_cast<int>(m_rows.size()), kPageSize);
    if (page.empty()) {
        m_total = static_cast<int>(m_rows.size()); // the store shrank under us: stop asking
        emit countsChanged();
        return;
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    for (auto& c : page) {
        m_rows.push_back(std::move(c));
    }
    endInsertRows();
}

QString CaseListModel::filter() const {
    switch (m_filter) {
    case CaseFilter::All:
        return QStringLiteral("all");
    case CaseFilter::Mine:
        return QStringLiteral("mine");
    case CaseFilter::Conflicted:
        return QStringLiteral("conflicted");
    }
    return {};
}

void CaseListModel::setFilter(const QString& filter) {
    CaseFilter next = CaseFilter::All;
    if (filter == QLatin1String("mine")) {
        next = CaseFilter::Mine;
    } else if (filter == QLatin1String("conflicted")) {
        next = CaseFilter::Conflicted;
    }
    if (next == m_filter) {
        return;
    }
    m_filter = next;
    emit filterChanged();
    reload();
}

void CaseListModel::setSearch(const QString& text) {
    if (text == m_search) {
        return;
    }
    m_search = text;
    const auto before = m_searchKind;
    runSearch();
    if (before != core::SearchKind::Empty && m_searchKind == core::SearchKind::Empty) {
        reload(); // back to the filter's list, from the top
    }
    emit searchChanged();
}

QString CaseListModel::searchKind() const {
    switch (m_searchKind) {
    case core::SearchKind::Empty:
        return QStringLiteral("none");
    case core::SearchKind::Cpr:
        return QStringLiteral("cpr");
    case core::SearchKind::Name:
        return QStringLiteral("name");
    case core::SearchKind::Incomplete:
        return QStringLiteral("incomplete");
    }
    return {};
}

void CaseListModel::runSearch() {
    const auto query = core::parseSearch(m_search.toStdString());
    m_searchKind = query.kind;
    m_searchError.clear();
    if (query.kind == core::SearchKind::Empty) {
        return;
    }
    Result<std::vector<CaseSummary>> found = std::vector<CaseSummary>{};
    if (query.kind == core::SearchKind::Cpr) {
        found = m_repository.findByCpr(*core::parseCpr(query.cprDigits), QStringLiteral("find-citizen"));
    } else if (query.kind == core::SearchKind::Name) {
        found = m_repository.findByName(m_search, QStringLiteral("find-citizen"), kPageSize);
    }
    beginResetModel();
    m_rows.clear();
    if (found) {
        m_rows = std::move(found).value();
    } else {
        m_searchError = QString::fromStdString(found.error().code);
    }
    m_total = static_cast<int>(m_rows.size());
    endResetModel();
    emit countsChanged();
}

void CaseListModel::reload() {
    if (m_searchKind != core::SearchKind::Empty) {
        runSearch(); // the results stay what was asked for (a save may have changed them)
        return;
    }
    beginResetModel();
    m_rows.clear();
    m_total = m_repository.countCases(m_filter);
    m_conflicts = m_repository.countCases(CaseFilter::Conflicted);
    m_rows = m_repository.listCases(m_filter, 0, kPageSize);
    endResetModel();
    emit countsChanged();
}

namespace {

bool sameRow(const CaseSummary& a, const CaseSummary& b) {
    return a.caseId == b.caseId && a.serviceCode == b.serviceCode && a.status == b.status &&
           a.channel == b.channel && a.updated == b.updated && a.mine == b.mine &&
           a.conflicted == b.conflicted && a.pendingSync == b.pendingSync;
}

} // namespace

void CaseListModel::refresh() {
    if (m_searchKind != core::SearchKind::Empty) {
        return; // a search is asked for, not repeated behind the user's back (each one is a logged look)
    }
    const int total = m_repository.countCases(m_filter);
    const int conflicts = m_repository.countCases(CaseFilter::Conflicted);
    // The window grows by the cases that arrived, so new rows at the top do not push loaded ones out.
    const int loaded = std::max(static_cast<int>(m_rows.size()), kPageSize) + std::max(0, total - m_total);
    auto fresh = m_repository.listCases(m_filter, 0, loaded);

    // 1. Rows that left the loaded window go (from the bottom up, so the indexes stay right).
    std::set<QString> freshIds;
    for (const auto& row : fresh) {
        freshIds.insert(row.caseId);
    }
    for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
        if (!freshIds.contains(m_rows[static_cast<std::size_t>(i)].caseId)) {
            beginRemoveRows({}, i, i);
            m_rows.erase(m_rows.begin() + i);
            endRemoveRows();
        }
    }
    // 2. Walk the fresh order: a row in place is updated, a row further down is moved up, a new one inserted.
    for (int i = 0; i < static_cast<int>(fresh.size()); ++i) {
        auto& want = fresh[static_cast<std::size_t>(i)];
        if (i < static_cast<int>(m_rows.size()) &&
            m_rows[static_cast<std::size_t>(i)].caseId == want.caseId) {
            if (!sameRow(m_rows[static_cast<std::size_t>(i)], want)) {
                m_rows[static_cast<std::size_t>(i)] = std::move(want);
                emit dataChanged(index(i), index(i));
            }
            continue;
        }
        const auto found = std::find_if(m_rows.begin() + i, m_rows.end(),
                                        [&](const CaseSummary& r) { return r.caseId == want.caseId; });
        if (found != m_rows.end()) {
            const int from = static_cast<int>(found - m_rows.begin());
            beginMoveRows({}, from, from, {}, i);
            std::rotate(m_rows.begin() + i, found, found + 1);
            endMoveRows();
            if (!sameRow(m_rows[static_cast<std::size_t>(i)], want)) {
                m_rows[static_cast<std::size_t>(i)] = std::move(want);
                emit dataChanged(index(i), index(i));
            }
        } else {
            beginInsertRows({}, i, i);
            m_rows.insert(m_rows.begin() + i, std::move(want));
            endInsertRows();
        }
    }
    // 3. Rows beyond the fresh window (the list shrank) go.
    if (m_rows.size() > fresh.size()) {
        beginRemoveRows({}, static_cast<int>(fresh.size()), static_cast<int>(m_rows.size()) - 1);
        m_rows.resize(fresh.size());
        endRemoveRows();
    }
    if (total != m_total || conflicts != m_conflicts) {
        m_total = total;
        m_conflicts = conflicts;
        emit countsChanged();
    }
}

void CaseListModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_search.clear();
    m_searchKind = core::SearchKind::Empty;
    m_searchError.clear();
    m_cards.clear();
    m_total = 0;
    m_conflicts = 0;
    endResetModel();
    emit countsChanged();
    emit searchChanged();
}

} // namespace fieldkit::app
