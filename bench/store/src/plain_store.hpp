#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/store_types.hpp>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace fieldkit::bench {

/** A row of the plain case list: the same clear metadata as store::CaseSummary plus the citizen's name,
 *  which a plain app can show because nothing is encrypted. */
struct PlainSummary {
    std::vector<std::uint8_t> id;
    std::string service;
    std::string kle;
    std::string status;
    std::string unit;
    std::string channel;
    std::int64_t createdMs = 0;
    std::int64_t updatedMs = 0;
    std::string name;
};

/** The comparison for the encrypted store: the same cases in plain, unencrypted SQLite (one cases table with
 *  the personal fields in clear columns, an index on CPR and one on updated_ms, WAL + synchronous=FULL),
 *  with statements prepared once as a plain app would. */
class PlainStore {
public:
    [[nodiscard]] static Result<std::unique_ptr<PlainStore>> create(const std::filesystem::path& path);

    /** One case in its own (durable) transaction. */
    [[nodiscard]] Status insert(const store::NewCase& input);
    /** Many cases in one transaction. */
    [[nodiscard]] Status insertBatch(std::span<const store::NewCase> cases);
    /** The SQLite connection, for its statistics. */
    [[nodiscard]] sqlite3* handle() const { return m_db.handle(); }
    /** Copies the WAL into the database and restarts it from its beginning. */
    [[nodiscard]] Status checkpoint();
    /** Newest first. */
    [[nodiscard]] Result<std::vector<PlainSummary>> firstPage(int limit);
    [[nodiscard]] Result<std::vector<PlainSummary>> findByCpr(const std::string& cpr);
    /** The look-up plus an access-log row in one transaction, as a system that logs reads must do. */
    [[nodiscard]] Result<std::vector<PlainSummary>>
    findByCprLogged(const std::string& cpr, const std::string& staff, const std::string& purpose);

    PlainStore(sqlite::Database db, sqlite::Statement insert, sqlite::Statement page,
               sqlite::Statement byCpr);

private:
    [[nodiscard]] Status insertOne(const store::NewCase& input);
    [[nodiscard]] Result<std::vector<PlainSummary>> collect(sqlite::Statement& stmt);

    sqlite::Database m_db; // declared first: destroyed after its statements
    sqlite::Statement m_insert;
    sqlite::Statement m_page;
    sqlite::Statement m_byCpr;
};

} // namespace fieldkit::bench
