#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fieldkit::sqlite {

/** Prepared statements kept for reuse, keyed by their SQL (preparing is a large share of a small write). */
struct StatementCache;

using Bytes = std::vector<std::uint8_t>;

/** A prepared statement; bind by 1-based index, read columns by 0-based index. */
class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bindNull(int index);

    /** Advances one row: true while a row is available, false when done, an Error on failure. */
    [[nodiscard]] Result<bool> step();
    /** Runs a statement that returns no rows. */
    [[nodiscard]] Status run();
    void reset();

    [[nodiscard]] std::int64_t int64(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] Bytes blob(int column) const;
    /** Bytes of a text or blob column, without copying it. */
    [[nodiscard]] std::size_t size(int column) const;
    [[nodiscard]] bool isNull(int column) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt)
        : m_db(db)
        , m_stmt(stmt) {}
    Statement(sqlite3* db, sqlite3_stmt* stmt, std::weak_ptr<StatementCache> cache, std::string sql)
        : m_db(db)
        , m_stmt(stmt)
        , m_cache(std::move(cache))
        , m_sql(std::move(sql)) {}
    void release();

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::weak_ptr<StatementCache>
        m_cache; // set when borrowed from the cache: returned there, reset, on destruction
    std::string m_sql;
};

/** How a database file is opened. */
enum class OpenMode { CreateIfMissing, MustExist, ReadOnly };

/** One SQLite connection. Errors name what failed without echoing data. */
class Database {
public:
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    [[nodiscard]] static Result<Database> open(const std::filesystem::path& path, OpenMode mode);

    [[nodiscard]] Status exec(std::string_view sql);
    [[nodiscard]] Result<Statement> prepare(std::string_view sql);
    /** Like prepare, but borrows a statement prepared earlier for the same SQL and gives it back (reset) when
     *  the Statement is destroyed. For the fixed SQL of hot paths. */
    [[nodiscard]] Result<Statement> cached(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] sqlite3* handle() const { return m_db; }

    /** A single integer from a query such as "PRAGMA user_version". */
    [[nodiscard]] Result<std::int64_t> queryInt(std::string_view sql);

private:
    explicit Database(sqlite3* db);
    sqlite3* m_db = nullptr;
    std::shared_ptr<StatementCache> m_cache;
};

/** BEGIN IMMEDIATE … COMMIT; rolls back when destroyed uncommitted, so an early return loses nothing
 * half-done. */
class Transaction {
public:
    [[nodiscard]] static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept
        : m_db(other.m_db) {
        other.m_db = nullptr;
    }
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    [[nodiscard]] Status commit();

private:
    explicit Transaction(Database* db)
        : m_db(db) {}
    Database* m_db;
};

/** Brings a schema to `steps.size()`: step N takes user_version N to N+1 in its own transaction. A file whose
 *  version is newer than this code knows is refused with `newer` and left as it is. */
[[nodiscard]] Status applyMigrations(Database& db, std::span<const std::string_view> steps,
                                     const Error& newer);

/** Maps an SQLite result code to a fieldkit error ("disk_full", "corrupt", "busy", ...). */
[[nodiscard]] Error sqliteError(int code, std::string_view what);

} // namespace fieldkit::sqlite
