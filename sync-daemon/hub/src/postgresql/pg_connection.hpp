#pragma once
// A thin libpq layer for the PostgreSQL center: one connection with its prepared statements, results read in
// binary, errors mapped to fieldkit codes without echoing data.

#include <condition_variable>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct pg_conn;
struct pg_result;

namespace fieldkit::hub::pg {

using Bytes = std::vector<std::uint8_t>;

/** Where the database is: a libpq connection URI or key=value string (never with a password in it), and the
 *  password file libpq reads (PGPASSFILE format) when the server asks for one. */
struct ConnectOptions {
    std::string conninfo;
    std::string passfile; // empty: libpq's default (PGPASSFILE or ~/.pgpass)
};

/** One statement parameter: sent as text (integers, text) or binary (bytea). */
struct Param {
    std::string value;
    bool binary = false;
    bool null = false;
};
[[nodiscard]] Param text(std::string_view value);
[[nodiscard]] Param integer(std::int64_t value);
[[nodiscard]] Param bytes(std::span<const std::uint8_t> value);
/** A protobuf `bytes` field as bytea. */
[[nodiscard]] Param bytes(const std::string& value);
[[nodiscard]] Param null();

/** A text array literal for a `$n::type[]` parameter: every element quoted and escaped, nullopt as NULL.
 *  (Rows sets travel as arrays and are unnested in SQL: one statement, one round trip, for any number.) */
[[nodiscard]] std::string arrayLiteral(const std::vector<std::optional<std::string>>& elements);

/** The rows of a statement, each column in PostgreSQL's binary format. */
class Rows {
public:
    Rows() = default;
    explicit Rows(pg_result* result);
    Rows(Rows&& other) noexcept;
    Rows& operator=(Rows&& other) noexcept;
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;
    ~Rows();

    [[nodiscard]] int size() const;
    [[nodiscard]] bool empty() const { return size() == 0; }
    [[nodiscard]] bool isNull(int row, int column) const;
    /** int2, int4, int8 or boolean. */
    [[nodiscard]] std::int64_t int64(int row, int column) const;
    [[nodiscard]] std::string text(int row, int column) const;
    [[nodiscard]] Bytes blob(int row, int column) const;
    [[nodiscard]] std::string_view raw(int row, int column) const;
    /** Rows an INSERT, UPDATE or DELETE touched. */
    [[nodiscard]] std::int64_t affected() const;

private:
    pg_result* m_result = nullptr;
};

/** One libpq connection. Statements with parameters are prepared once per connection and reused. */
class Connection {
public:
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    [[nodiscard]] static Result<std::unique_ptr<Connection>> open(const ConnectOptions& options);

    /** Runs `sql` (prepared on first use) with `params`. */
    [[nodiscard]] Result<Rows> query(std::string_view sql, const std::vector<Param>& params = {});
    /** Runs SQL without parameters or prepared statement (BEGIN, DDL, several statements). */
    [[nodiscard]] Status exec(std::string_view sql);
    /** False once the server connection is lost or a transaction was left open. */
    [[nodiscard]] bool reusable() const;
    [[nodiscard]] pg_conn* handle() const { return m_conn; }

private:
    explicit Connection(pg_conn* conn)
        : m_conn(conn) {}
    pg_conn* m_conn;
    std::map<std::string, std::string, std::less<>> m_prepared; // SQL -> statement name
};

/** Maps a failed libpq result to a fieldkit error: "constraint" (unique or foreign key), "retry"
 *  (serialisation failure or deadlock: the transaction may simply run again), "store_unreachable",
 *  "store_failed". The message has the server's primary message only, never DETAIL (which can echo values).
 */
[[nodiscard]] Error pgError(pg_result* result, pg_conn* conn);

/** A fixed number of connections shared by the threads of one process; a caller waits when all are out. */
class Pool {
public:
    Pool(ConnectOptions options, std::size_t size);

    /** A connection on loan; back to the pool when destroyed (closed instead when it is unusable). */
    class Lease {
    public:
        Lease(Pool* pool, std::unique_ptr<Connection> connection)
            : m_pool(pool)
            , m_connection(std::move(connection)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease();
        Connection& operator*() { return *m_connection; }
        Connection* operator->() { return m_connection.get(); }

    private:
        Pool* m_pool;
        std::unique_ptr<Connection> m_connection;
    };

    [[nodiscard]] Result<Lease> acquire();
    [[nodiscard]] const ConnectOptions& options() const { return m_options; }

private:
    void giveBack(std::unique_ptr<Connection> connection);

    ConnectOptions m_options;
    std::size_t m_size;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<Connection>> m_idle;
    std::size_t m_out = 0;
};

/** Runs `body(connection)` in one transaction on a pooled connection and commits; rolls back when it
 *  returns an error. A serialisation failure or deadlock runs the whole body again (a few times), so the
 *  body must only touch the database and its own locals. */
template <typename T, typename Body>
Result<T> inTransaction(Pool& pool, Body&& body) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        auto lease = pool.acquire();
        if (!lease) {
            return lease.error();
        }
        Connection& c = **lease;
        if (auto st = c.exec("BEGIN"); !st) {
            return st.error();
        }
        Result<T> result = body(c);
        if (result) {
            auto committed = c.exec("COMMIT");
            if (committed) {
                return result;
            }
            if (committed.error().code != "retry" || attempt == kAttempts) {
                return committed.error();
            }
            continue;
        }
        (void)c.exec("ROLLBACK");
        if (result.error().code != "retry" || attempt == kAttempts) {
            return result;
        }
    }
}

/** inTransaction for a body that returns a Status. */
template <typename Body>
Status inTransactionStatus(Pool& pool, Body&& body) {
    auto result = inTransaction<bool>(pool, [&](Connection& c) -> Result<bool> {
        auto st = body(c);
        if (!st) {
            return st.error();
        }
        return true;
    });
    if (!result) {
        return result.error();
    }
    return {};
}

} // namespace fieldkit::hub::pg
