#include "postgresql/pg_connection.hpp"

#include <cassert>
#include <cstring>
#include <libpq-fe.h>

namespace fieldkit::hub::pg {
namespace {

constexpr int kBinary = 1;

std::int64_t bigEndian(std::string_view raw) {
    std::uint64_t value = 0;
    for (const char c : raw) {
        value = (value << 8U) | static_cast<unsigned char>(c);
    }
    // Sign-extend 2- and 4-byte integers.
    if (raw.size() < 8 && !raw.empty() && (static_cast<unsigned char>(raw.front()) & 0x80U) != 0) {
        value |= ~std::uint64_t{0} << (raw.size() * 8U);
    }
    return static_cast<std::int64_t>(value);
}

/** Drops the server's NOTICE lines (e.g. "relation already exists, skipping"): they would go to stderr. */
void quietNotices(void*, const char*) {}

} // namespace

Param text(std::string_view value) {
    return Param{std::string(value), false, false};
}

Param integer(std::int64_t value) {
    return Param{std::to_string(value), false, false};
}

Param bytes(std::span<const std::uint8_t> value) {
    return Param{std::string(reinterpret_cast<const char*>(value.data()), value.size()), true, false};
}

Param bytes(const std::string& value) {
    return Param{value, true, false};
}

Param null() {
    return Param{{}, false, true};
}

std::string arrayLiteral(const std::vector<std::optional<std::string>>& elements) {
    std::string out = "{";
    for (std::size_t i = 0; i < elements.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        if (!elements[i]) {
            out += "NULL";
            continue;
        }
        out += '"';
        for (const char ch : *elements[i]) {
            if (ch == '"' || ch == '\\') {
                out += '\\';
            }
            out += ch;
        }
        out += '"';
    }
    out += '}';
    return out;
}

Rows::Rows(pg_result* result)
    : m_result(result) {}

Rows::Rows(Rows&& other) noexcept
    : m_result(other.m_result) {
    other.m_result = nullptr;
}

Rows& Rows::operator=(Rows&& other) noexcept {
    if (this != &other) {
        PQclear(m_result);
        m_result = other.m_result;
        other.m_result = nullptr;
    }
    return *this;
}

Rows::~Rows() {
    PQclear(m_result);
}

int Rows::size() const {
    return m_result ? PQntuples(m_result) : 0;
}

bool Rows::isNull(int row, int column) const {
    return PQgetisnull(m_result, row, column) != 0;
}

std::string_view Rows::raw(int row, int column) const {
    return {PQgetvalue(m_result, row, column), static_cast<std::size_t>(PQgetlength(m_result, row, column))};
}

std::int64_t Rows::int64(int row, int column) const {
    if (isNull(row, column)) {
        return 0;
    }
    const auto value = raw(row, column);
    assert(value.size() == 1 || value.size() == 2 || value.size() == 4 || value.size() == 8);
    return value.size() == 1 ? static_cast<unsigned char>(value.front()) : bigEndian(value);
}

std::string Rows::text(int row, int column) const {
    return std::string(raw(row, column));
}

Bytes Rows::blob(int row, int column) const {
    const auto value = raw(row, column);
    return Bytes(value.begin(), value.end());
}

std::int64_t Rows::affected() const {
    const char* count = m_result ? PQcmdTuples(m_result) : "";
    return *count == '\0' ? 0 : std::stoll(count);
}

Error pgError(pg_result* result, pg_conn* conn) {
    if (PQstatus(conn) != CONNECTION_OK) {
        return makeError("store_unreachable", "The connection to the PostgreSQL center store was lost.");
    }
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string sqlstate = state ? state : "";
    const std::string what = primary ? primary : "no message";
    if (sqlstate == "23505" || sqlstate == "23503") {
        return makeError("constraint", "The PostgreSQL center store refused a write: " + what + ".");
    }
    if (sqlstate == "40001" || sqlstate == "40P01") {
        return makeError("retry", "The PostgreSQL center store asked for a retry: " + what + ".");
    }
    if (sqlstate.starts_with("08") || sqlstate.starts_with("57P")) {
        return makeError("store_unreachable", "The PostgreSQL center store is unavailable: " + what + ".");
    }
    return makeError("store_failed",
                     "The PostgreSQL center store failed (SQLSTATE " + sqlstate + "): " + what + ".");
}

Connection::~Connection() {
    PQfinish(m_conn);
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnectOptions& options) {
    // expand_dbname: `dbname` may be a whole URI or key=value string; later keywords override it, so the
    // password file named in the center's config wins over the environment.
    std::vector<const char*> keys{"dbname", "application_name", "connect_timeout"};
    std::vector<const char*> values{options.conninfo.c_str(), "fieldkit-hub", "10"};
    if (!options.passfile.empty()) {
        keys.push_back("passfile");
        values.push_back(options.passfile.c_str());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (conn == nullptr) {
        return makeError("store_unreachable", "Out of memory opening the PostgreSQL center store.");
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        // libpq's message names host and reason (refused, password, TLS), never the password itself.
        std::string reason = PQerrorMessage(conn);
        PQfinish(conn);
        while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) {
            reason.pop_back();
        }
        return makeError("store_unreachable", "Cannot connect to the PostgreSQL center store: " + reason);
    }
    PQsetNoticeProcessor(conn, quietNotices, nullptr);
    // Every execution is planned for the tables as they are. PostgreSQL switches a prepared statement to a
    // generic plan after five runs and keeps it until the next ANALYZE: made while a new center's tables were
    // nearly empty, that plan scanned all of `cases` for each push's look-ups and updates (9 ms each at
    // 50,000 cases, most of the database's time in `bench/sync/hub-ingest-benchmark.sh --pg-statements`).
    // Planning these short statements again costs tens of microseconds.
    PGresult* planned = PQexec(conn, "SET plan_cache_mode = force_custom_plan");
    const bool set = PQresultStatus(planned) == PGRES_COMMAND_OK;
    PQclear(planned);
    if (!set) {
        std::string reason = PQerrorMessage(conn);
        PQfinish(conn);
        return makeError("store_failed", "The PostgreSQL center store refused a session setting: " + reason);
    }
    return std::unique_ptr<Connection>(new Connection(conn));
}

Result<Rows> Connection::query(std::string_view sql, const std::vector<Param>& params) {
    auto known = m_prepared.find(sql);
    if (known == m_prepared.end()) {
        const std::string name = "s" + std::to_string(m_prepared.size());
        PGresult* prepared = PQprepare(m_conn, name.c_str(), std::string(sql).c_str(),
                                       static_cast<int>(params.size()), nullptr);
        if (PQresultStatus(prepared) != PGRES_COMMAND_OK) {
            auto error = pgError(prepared, m_conn);
            PQclear(prepared);
            return error;
        }
        PQclear(prepared);
        known = m_prepared.emplace(std::string(sql), name).first;
    }
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        values[i] = params[i].null ? nullptr : params[i].value.data();
        lengths[i] = static_cast<int>(params[i].value.size());
        formats[i] = params[i].binary ? kBinary : 0;
    }
    PGresult* result = PQexecPrepared(m_conn, known->second.c_str(), static_cast<int>(params.size()),
                                      values.data(), lengths.data(), formats.data(), kBinary);
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        auto error = pgError(result, m_conn);
        PQclear(result);
        return error;
    }
    return Rows(result);
}

Status Connection::exec(std::string_view sql) {
    PGresult* result = PQexec(m_conn, std::string(sql).c_str());
    const auto status = PQresultStatus(result);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        auto error = pgError(result, m_conn);
        PQclear(result);
        return error;
    }
    PQclear(result);
    return {};
}

bool Connection::reusable() const {
    return PQstatus(m_conn) == CONNECTION_OK && PQtransactionStatus(m_conn) == PQTRANS_IDLE;
}

Pool::Pool(ConnectOptions options, std::size_t size)
    : m_options(std::move(options))
    , m_size(size) {
    assert(size > 0);
}

Pool::Lease::~Lease() {
    if (m_pool != nullptr && m_connection) {
        m_pool->giveBack(std::move(m_connection));
    }
}

Result<Pool::Lease> Pool::acquire() {
    std::unique_lock lock(m_mutex);
    m_returned.wait(lock, [&] { return !m_idle.empty() || m_out < m_size; });
    if (!m_idle.empty()) {
        auto connection = std::move(m_idle.back());
        m_idle.pop_back();
        ++m_out;
        return Lease(this, std::move(connection));
    }
    ++m_out; // reserve the slot while connecting without the lock
    lock.unlock();
    auto opened = Connection::open(m_options);
    if (!opened) {
        lock.lock();
        --m_out;
        m_returned.notify_one();
        return opened.error();
    }
    return Lease(this, std::move(*opened));
}

void Pool::giveBack(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(m_mutex);
    --m_out;
    if (connection->reusable()) {
        m_idle.push_back(std::move(connection));
    }
    m_returned.notify_one();
}

} // namespace fieldkit::hub::pg
