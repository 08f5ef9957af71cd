#include "plain_store.hpp"

#include <array>
#include <chrono>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/crypto/random_source.hpp>

namespace fieldkit::bench {
namespace {

constexpr const char* kSchema = R"sql(
    CREATE TABLE cases (
        case_id BLOB PRIMARY KEY,
        service TEXT NOT NULL,
        kle TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL,
        unit TEXT NOT NULL,
        channel TEXT NOT NULL,
        created_ms INTEGER NOT NULL,
        updated_ms INTEGER NOT NULL,
        cpr TEXT,
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        checklist TEXT NOT NULL,
        notes TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_by_cpr ON cases(cpr);
    CREATE INDEX cases_by_updated ON cases(updated_ms DESC);
    CREATE TABLE access_log (
        id INTEGER PRIMARY KEY,
        at_ms INTEGER NOT NULL,
        staff TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id BLOB,
        purpose TEXT NOT NULL
    ) STRICT;
)sql";

constexpr const char* kColumns = "case_id, service, kle, status, unit, channel, created_ms, updated_ms, name";

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += p;
        out += '\n';
    }
    return out;
}

} // namespace

PlainStore::PlainStore(sqlite::Database db, sqlite::Statement insert, sqlite::Statement page,
                       sqlite::Statement byCpr)
    : m_db(std::move(db))
    , m_insert(std::move(insert))
    , m_page(std::move(page))
    , m_byCpr(std::move(byCpr)) {}

Result<std::unique_ptr<PlainStore>> PlainStore::create(const std::filesystem::path& path) {
    auto db = sqlite::Database::open(path, sqlite::OpenMode::CreateIfMissing);
    if (!db) {
        return db.error();
    }
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", kSchema}) {
        if (auto st = db->exec(sql); !st) {
            return st.error();
        }
    }
    auto insert =
        db->prepare("INSERT INTO cases(case_id, service, kle, status, unit, channel, created_ms, "
                    "updated_ms, cpr, name, address, phone, checklist, notes) "
                    "VALUES (?1, ?2, ?3, 'opened', 'bike-07', ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    auto page =
        db->prepare(std::string("SELECT ") + kColumns + " FROM cases ORDER BY updated_ms DESC LIMIT ?1");
    auto byCpr = db->prepare(std::string("SELECT ") + kColumns +
                             " FROM cases WHERE cpr = ?1 ORDER BY updated_ms DESC");
    if (!insert || !page || !byCpr) {
        return !insert ? insert.error() : (!page ? page.error() : byCpr.error());
    }
    return std::make_unique<PlainStore>(std::move(*db), std::move(*insert), std::move(*page),
                                        std::move(*byCpr));
}

Status PlainStore::insertOne(const store::NewCase& input) {
    std::array<std::uint8_t, 16> id{};
    crypto::systemRandom().fill(id);
    const core::Service* service = core::serviceCatalogue().find(input.service);
    std::string checklist;
    for (const auto& [item, answer] : input.checklist) {
        checklist += std::to_string(item) + "=" + answer + "\n";
    }
    return m_insert.bind(1, std::span<const std::uint8_t>(id))
        .bind(2, input.service)
        .bind(3, service != nullptr ? service->kle : std::string_view())
        .bind(4, input.channel)
        .bind(5, nowMs())
        .bind(6, input.citizen.cpr)
        .bind(7, input.citizen.name)
        .bind(8, input.citizen.address)
        .bind(9, input.citizen.phone)
        .bind(10, checklist)
        .bind(11, joined(input.notes))
        .run();
}

Status PlainStore::insert(const store::NewCase& input) {
    return insertOne(input);
}

Status PlainStore::insertBatch(std::span<const store::NewCase> cases) {
    auto tx = sqlite::Transaction::begin(m_db);
    if (!tx) {
        return tx.error();
    }
    for (const auto& c : cases) {
        if (auto st = insertOne(c); !st) {
            return st;
        }
    }
    return tx->commit();
}

Status PlainStore::checkpoint() {
    return m_db.exec("PRAGMA wal_checkpoint(RESTART)");
}

Result<std::vector<PlainSummary>> PlainStore::collect(sqlite::Statement& stmt) {
    std::vector<PlainSummary> out;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            stmt.reset();
            return row.error();
        }
        if (!*row) {
            stmt.reset();
            return out;
        }
        out.push_back(PlainSummary{stmt.blob(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4),
                                   stmt.text(5), stmt.int64(6), stmt.int64(7), stmt.text(8)});
    }
}

Result<std::vector<PlainSummary>> PlainStore::firstPage(int limit) {
    m_page.bind(1, static_cast<std::int64_t>(limit));
    return collect(m_page);
}

Result<std::vector<PlainSummary>> PlainStore::findByCpr(const std::string& cpr) {
    m_byCpr.bind(1, cpr);
    return collect(m_byCpr);
}

Result<std::vector<PlainSummary>>
PlainStore::findByCprLogged(const std::string& cpr, const std::string& staff, const std::string& purpose) {
    // What any system that must log reads of personal data does (the same rule as fieldkit's audit log,
    // without encryption or a MAC chain): the look-up and its log row in one transaction, committed to
    // the WAL without fsync.
    auto relaxed = m_db.cached("PRAGMA synchronous=NORMAL");
    auto durable = m_db.cached("PRAGMA synchronous=FULL");
    auto begin = m_db.cached("BEGIN");
    auto commit = m_db.cached("COMMIT");
    auto log = m_db.cached("INSERT INTO access_log(at_ms, staff, action, case_id, purpose) "
                           "VALUES (?1, ?2, 'find_cpr', ?3, ?4)");
    if (!relaxed || !durable || !begin || !commit || !log) {
        return makeError("plain_store", "The plain store's access log statements do not prepare.");
    }
    (void)relaxed->run();
    if (auto st = begin->run(); !st) {
        (void)durable->run();
        return st.error();
    }
    auto found = findByCpr(cpr);
    Status logged = found ? log->bind(1, nowMs())
                                .bind(2, staff)
                                .bind(3, found->empty() ? std::span<const std::uint8_t>{}
                                                        : std::span<const std::uint8_t>(found->front().id))
                                .bind(4, purpose)
                                .run()
                          : Status{found.error()};
    auto committed = logged ? commit->run() : Status{logged.error()};
    if (!committed) {
        (void)m_db.exec("ROLLBACK");
    }
    (void)durable->run();
    if (!committed) {
        return committed.error();
    }
    return found;
}

} // namespace fieldkit::bench
