#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QString>
#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/core/case_search.hpp>
#include <functional>
#include <map>
#include <vector>

namespace fieldkit::app {

class ServiceCatalogueModel;

/** A list of cases, fetched from the repository in pages so 10k cases never block: clear metadata, plus a
 *  citizen cue and progress decrypted only for the rows QML asks about (the rows on screen). */
class CaseListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)
    Q_PROPERTY(int conflictCount READ conflictCount NOTIFY countsChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(QString searchKind READ searchKind NOTIFY searchChanged)
    Q_PROPERTY(QString searchError READ searchError NOTIFY searchChanged)

public:
    enum Role {
        CaseIdRole = Qt::UserRole + 1,
        ServiceRole,     // name in the current language
        ServiceCodeRole, // stable code
        StatusRole,      // core status code
        UpdatedRole,     // local time as text ("10:42")
        ConflictedRole,
        MineRole,
        PendingRole, // not yet acknowledged by the center
        DayRole,     // "today", "yesterday" or the date ("14.05.2024"); QML words the first two
        // Read from the case itself, only for rows on screen, once per version and session; each read is a
        // look at the citizen's data and logged as such (purpose "case-list").
        CitizenCueRole, // initials and the masked CPR number ("K.N. · 070761-XXXX"), never the full number
        ChecklistDoneRole, // checklist items ticked
        ChecklistTotalRole,
        SignedRole, // the citizen's signature is on the case
    };

    static constexpr int kPageSize = 100;

    CaseListModel(CaseRepository& repository, const ServiceCatalogueModel& services,
                  QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /** The clock "today" and "yesterday" are measured against (the wall clock unless a test sets one). */
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    /** "today", "yesterday" or the date as "dd.MM.yyyy", seen from `now` (a code for QML, not a phrase). */
    [[nodiscard]] static QString dayOf(const QDateTime& at, const QDateTime& now);

    /** "all", "mine" or "conflicted". */
    [[nodiscard]] QString filter() const;
    void setFilter(const QString& filter);
    /** The search text; while it asks for something (core::parseSearch) the list holds the cases found,
     *  newest first, at most kPageSize, instead of the filter's. Each search is a logged look-up. */
    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString& text);
    /** "none", "cpr", "name" or "incomplete" (a CPR number or a word still too short to search by). */
    [[nodiscard]] QString searchKind() const;
    /** The code of a failed search ("locked", ...), empty otherwise. */
    [[nodiscard]] QString searchError() const { return m_searchError; }
    /** Cases matching the filter, including those not fetched yet. */
    [[nodiscard]] int totalCount() const { return m_total; }
    [[nodiscard]] int conflictCount() const { return m_conflicts; }

    /** Re-reads the first page (after a save or unlocking, or a filter change): the list starts at the top.
     */
    Q_INVOKABLE void reload();
    /** Re-reads as many rows as are loaded and applies only the differences (rows inserted, removed, moved
     *  or changed), so a list the user scrolled keeps its place (after an inbound sync). */
    Q_INVOKABLE void refresh();
    /** Forgets every row (on lock). */
    Q_INVOKABLE void clear();

signals:
    void filterChanged();
    void searchChanged();
    void countsChanged();

private:
    /** What a row shows of the case's content, as read at `updated`. */
    struct Card {
        QDateTime updated;
        QString cue;
        int checklistDone = 0;
        int checklistTotal = 0;
        bool signedByCitizen = false;
    };
    [[nodiscard]] const Card& cardFor(const CaseSummary& row) const;
    /** Runs the search the text asks for; the rows become what it found. */
    void runSearch();

    CaseRepository& m_repository;
    mutable std::map<QString, Card> m_cards; // by case id; forgotten on lock
    const ServiceCatalogueModel& m_services;
    CaseFilter m_filter = CaseFilter::All;
    QString m_search;
    core::SearchKind m_searchKind = core::SearchKind::Empty;
    QString m_searchError;
    std::vector<CaseSummary> m_rows;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTime(); };
    int m_total = 0;
    int m_conflicts = 0;
};

} // namespace fieldkit::app
