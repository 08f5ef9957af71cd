#include <cassert>
#include <fcntl.h>
#include <fieldkit/sqlite/database.hpp>
#include <sqlite3.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace fieldkit::sqlite {

struct StatementCache {
    std::unordered_map<std::string, sqlite3_stmt*> idle;

    StatementCache() = default;
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache() {
        for (auto& [sql, stmt] : idle) {
            sqlite3_finalize(stmt);
        }
    }
};

Error sqliteError(int code, std::string_view what) {
    const std::string subject(what);
    switch (code & 0xff) {
    case SQLITE_FULL:
        return makeError("disk_full", "The device storage is full; " + subject + " was not saved.");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return makeError("corrupt",
                         "The database file is damaged or is not a fieldkit database (" + subject + ").");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError("busy", "The database is busy (" + subject + "); try again.");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return makeError("cannot_open", "The database cannot be opened for writing (" + subject + ").");
    case SQLITE_CONSTRAINT:
        return makeError("constraint", "The change breaks a rule of the database (" + subject + ").");
    case SQLITE_IOERR:
        return makeError("io_error", "The device storage reported an error (" + subject + ").");
    default:
        return makeError("sqlite",
                         std::string("Database error in ") + subject + ": " + sqlite3_errstr(code) + ".");
    }
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_cache(std::move(other.m_cache))
    , m_sql(std::move(other.m_sql)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        release();
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_cache = std::move(other.m_cache);
        m_sql = std::move(other.m_sql);
    }
    return *this;
}

Statement::~Statement() {
    release();
}

void Statement::release() {
    if (m_stmt == nullptr) {
        return;
    }
    if (auto cache = m_cache.lock()) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        if (cache->idle.emplace(m_sql, m_stmt).second) {
            m_stmt = nullptr;
            return;
        }
    }
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    // A zero-length blob must still bind as a blob, not as NULL.
    static const std::uint8_t kEmpty = 0;
    sqlite3_bind_blob64(m_stmt, index, blob.empty() ? &kEmpty : blob.data(), blob.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Result<bool> Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return sqliteError(sqlite3_extended_errcode(m_db), "a statement");
}

Status Statement::run() {
    auto stepped = step();
    reset();
    if (!stepped) {
        return stepped.error();
    }
    return {};
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data == nullptr ? std::string()
                           : std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
}

Bytes Statement::blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data == nullptr ? Bytes() : Bytes(data, data + size);
}

std::size_t Statement::size(int column) const {
    return static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

Database::Database(sqlite3* db)
    : m_db(db)
    , m_cache(std::make_shared<StatementCache>()) {}

Database::Database(Database&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_cache(std::move(other.m_cache)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        m_cache.reset();
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

// Cached statements are finalised first; close_v2 defers the close until any still borrowed are finalised
// too.
Database::~Database() {
    m_cache.reset();
    sqlite3_close_v2(m_db);
}

Result<Statement> Database::cached(std::string_view sql) {
    std::string key(sql);
    if (m_cache) {
        if (auto it = m_cache->idle.find(key); it != m_cache->idle.end()) {
            sqlite3_stmt* stmt = it->second;
            m_cache->idle.erase(it);
            return Statement(m_db, stmt, m_cache, std::move(key));
        }
    }
    auto fresh = prepare(sql);
    if (!fresh) {
        return fresh;
    }
    return Statement(m_db, std::exchange(fresh->m_stmt, nullptr), m_cache, std::move(key));
}

namespace {

/** Database files hold ciphertext and clear metadata: readable by the owner only, whatever the umask. SQLite
 *  gives the -wal and -shm files the mode of the main file, so a main file created 0600 (fresh: O_EXCL, no
 *  symlink followed) covers all three; files left with wider modes by an older version are narrowed. */
void keepPrivate(const std::filesystem::path& path, OpenMode mode) {
    const std::string& name = path.native();
    if (name.empty() || name == ":memory:" || name.rfind("file:", 0) == 0 || mode == OpenMode::ReadOnly) {
        return;
    }
    if (mode == OpenMode::CreateIfMissing) {
        const int fd = ::open(name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            (void)::fchmod(fd, 0600);
            ::close(fd);
        }
    }
    for (const std::string& file : {name, name + "-wal", name + "-shm", name + "-journal"}) {
        struct stat st {};
        if (::lstat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
            (st.st_mode & 077) != 0) {
            (void)::chmod(file.c_str(), 0600);
        }
    }
}

} // namespace

Result<Database> Database::open(const std::filesystem::path& path, OpenMode mode) {
    keepPrivate(path, mode);
    int flags = SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_NOFOLLOW;
    switch (mode) {
    case OpenMode::CreateIfMissing:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenMode::MustExist:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw);
    if (rc != SQLITE_OK) {
        return sqliteError(rc, "opening the database");
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Status Database::exec(std::string_view sql) {
    const std::string copy(sql);
    const int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return sqliteError(sqlite3_extended_errcode(m_db), "a database command");
    }
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqliteError(sqlite3_extended_errcode(m_db), "preparing a statement");
    }
    return Statement(m_db, stmt);
}

std::int64_t Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

Result<std::int64_t> Database::queryInt(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return makeError("no_row", "The query returned no row.");
    }
    return stmt->int64(0);
}

Status applyMigrations(Database& db, std::span<const std::string_view> steps, const Error& newer) {
    auto version = db.queryInt("PRAGMA user_version");
    if (!version) {
        return version.error();
    }
    if (*version > static_cast<std::int64_t>(steps.size())) {
        return newer;
    }
    for (auto v = static_cast<std::size_t>(*version); v < steps.size(); ++v) {
        auto tx = Transaction::begin(db);
        if (!tx) {
            return tx.error();
        }
        if (auto st = db.exec(steps[v]); !st) {
            return st;
        }
        if (auto st = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !st) {
            return st;
        }
        if (auto st = tx->commit(); !st) {
            return st;
        }
    }
    return {};
}

// BEGIN and COMMIT run as cached statements: parsing them afresh cost about as much as the audit insert a
// short read-audit transaction exists for.
Result<Transaction> Transaction::begin(Database& db) {
    auto stmt = db.cached("BEGIN IMMEDIATE");
    if (!stmt) {
        return stmt.error();
    }
    if (auto st = stmt->run(); !st) {
        return st.error();
    }
    return Transaction(&db);
}

Transaction::~Transaction() {
    if (m_db != nullptr) {
        (void)m_db->exec("ROLLBACK");
    }
}

Status Transaction::commit() {
    assert(m_db != nullptr);
    auto stmt = m_db->cached("COMMIT");
    if (!stmt) {
        return stmt.error();
    }
    auto st = stmt->run();
    if (!st) {
        return st; // still open: the destructor rolls back
    }
    m_db = nullptr;
    return {};
}

} // namespace fieldkit::sqlite
