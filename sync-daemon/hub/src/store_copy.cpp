#include "postgresql/pg_connection.hpp"

#include <fieldkit/core/partition_checksum.hpp>
#include <fieldkit/hub/store_copy.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <map>
#include <string>
#include <vector>

namespace fieldkit::hub {
namespace {

/** The tables both schemas share, parents before children (foreign keys), with their columns. */
struct CopiedTable {
    const char* name;
    std::vector<const char*> columns;
};

const std::vector<CopiedTable>& copiedTables() {
    static const std::vector<CopiedTable> tables = {
        {"units", {"name", "public_key", "sealed_secret", "checksum"}},
        {"devices", {"device_id", "unit", "revoked", "last_seen_ms", "last_applied_device_seq"}},
        {"cases",
         {"case_id", "unit", "service", "status", "channel", "conflicted", "sealed_key_center",
          "sealed_key_unit"}},
        {"operations", {"server_seq", "unit", "case_id", "device_id", "device_seq", "message"}},
        {"field_heads", {"case_id", "field_id", "server_seq", "deleted"}},
        {"restored_ranges", {"first_seq", "last_seq", "restored_ms"}},
        {"renumbered_seqs", {"lost_seq", "new_seq"}},
        {"push_results", {"device_id", "device_seq", "result", "ack"}},
        {"enrolment_codes",
         {"lookup", "mac_key", "unit", "created_ms", "expires_ms", "used_ms", "device_id",
          "unit_key_wrapped"}},
        {"wipe_orders", {"device_id", "order_id", "issued_ms", "signature", "delivered_ms", "confirmed_ms"}},
        {"quarantined_operations", {"device_id", "device_seq", "case_id", "received_ms", "message"}},
        {"attachments",
         {"attachment_id", "case_id", "unit", "device_id", "header", "sealed_key_center", "sealed_key_unit",
          "size", "chunk_count", "chunks_held", "offered_seq"}},
        {"attachment_chunks", {"attachment_id", "chunk_index", "data"}},
        {"console_users",
         {"name", "role", "password_hash", "totp_secret_sealed", "failed_logins", "locked_until_ms",
          "last_totp_step", "created_ms"}},
        {"center_audit", {"seq", "at_ms", "user_name", "action", "case_hex", "purpose", "mac"}},
        {"citizen_views", {"reference", "case_id", "unit", "verifier", "sealed", "updated_ms", "expires_ms"}},
    };
    return tables;
}

std::string joined(const std::vector<const char*>& columns, bool placeholders) {
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        out += i == 0 ? "" : ", ";
        out += placeholders ? "$" + std::to_string(i + 1) : std::string(columns[i]);
    }
    return out;
}

/** One SQLite value as a PostgreSQL parameter; integers as text also fill BOOLEAN columns ('0'/'1'). */
pg::Param paramOf(const sqlite::Statement& row, int column, bool blob) {
    if (row.isNull(column)) {
        return pg::null();
    }
    if (blob) {
        const auto bytes = row.blob(column);
        return pg::bytes(std::span<const std::uint8_t>(bytes));
    }
    return pg::text(row.text(column));
}

bool isBlobColumn(const std::string& column) {
    static const std::vector<std::string> blobs = {"public_key",
                                                   "sealed_secret",
                                                   "case_id",
                                                   "message",
                                                   "sealed_key_center",
                                                   "sealed_key_unit",
                                                   "ack",
                                                   "lookup",
                                                   "mac_key",
                                                   "signature",
                                                   "attachment_id",
                                                   "header",
                                                   "data",
                                                   "totp_secret_sealed",
                                                   "mac"};
    return std::find(blobs.begin(), blobs.end(), column) != blobs.end();
}

Result<std::int64_t> pgCount(pg::Connection& c, const std::string& table) {
    auto rows = c.query("SELECT count(*) FROM " + table);
    if (!rows) {
        return rows.error();
    }
    return rows->int64(0, 0);
}

Status copyAndVerify(sqlite::Database& source, pg::Connection& target, StoreCopyReport& report) {
    auto existing = pgCount(target, "units");
    if (!existing) {
        return existing.error();
    }
    if (*existing != 0) {
        return makeError("target_not_empty",
                         "The PostgreSQL center already holds units; a copy goes to an empty one.");
    }
    for (const auto& table : copiedTables()) {
        auto select = source.prepare("SELECT " + joined(table.columns, false) + " FROM " + table.name);
        if (!select) {
            return select.error();
        }
        const std::string insert = std::string("INSERT INTO ") + table.name + "(" +
                                   joined(table.columns, false) + ") VALUES (" + joined(table.columns, true) +
                                   ")";
        std::int64_t copied = 0;
        while (true) {
            auto row = select->step();
            if (!row) {
                return row.error();
            }
            if (!*row) {
                break;
            }
            std::vector<pg::Param> params;
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const std::string column = table.columns[i];
                // Sealed keys and message bytes are BLOBs; a text column that happens to hold bytes stays
                // text.
                params.push_back(paramOf(*select, static_cast<int>(i), isBlobColumn(column)));
            }
            auto inserted = target.query(insert, params);
            if (!inserted) {
                return inserted.error();
            }
            ++copied;
        }
        auto sourceCount = source.queryInt(std::string("SELECT count(*) FROM ") + table.name);
        auto targetCount = pgCount(target, table.name);
        if (!sourceCount || !targetCount) {
            return !sourceCount ? sourceCount.error() : targetCount.error();
        }
        if (*sourceCount != copied || *targetCount != copied) {
            return makeError("copy_mismatch", std::string("The copy of table ") + table.name +
                                                  " does not match (" + std::to_string(*sourceCount) +
                                                  " rows, " + std::to_string(*targetCount) + " copied).");
        }
        report.rows += copied;
        ++report.tables;
    }
    // Counters: the sequences continue after what the SQLite center handed out.
    for (const auto& [counter, statement] : std::vector<std::pair<std::string, std::string>>{
             {"server_seq", "SELECT setval('server_seq', $1::bigint)"},
             {"attachment_seq", "SELECT setval('attachment_seq', $1::bigint)"},
             {"certificate_serial", "UPDATE counters SET value = $1 WHERE name = "
                                    "'certificate_serial'"}}) {
        auto value = source.queryInt("SELECT coalesce((SELECT value FROM counters WHERE name = '" + counter +
                                     "'), 0)");
        if (!value) {
            return value.error();
        }
        auto set = target.query(statement, {pg::integer(std::max<std::int64_t>(*value, 1))});
        if (!set) {
            return set.error();
        }
    }
    // Each unit's checksum as stored, and as recomputed from the copied operations.
    auto units = target.query("SELECT name, checksum FROM units ORDER BY name");
    if (!units) {
        return units.error();
    }
    auto ops = target.query("SELECT unit, server_seq, device_id, device_seq FROM operations");
    if (!ops) {
        return ops.error();
    }
    std::map<std::string, std::uint64_t> recomputed;
    for (int i = 0; i < ops->size(); ++i) {
        recomputed[ops->text(i, 0)] ^=
            core::operationFingerprint(static_cast<std::uint64_t>(ops->int64(i, 1)), ops->text(i, 2),
                                       static_cast<std::uint64_t>(ops->int64(i, 3)));
    }
    for (int i = 0; i < units->size(); ++i) {
        const std::string unit = units->text(i, 0);
        auto stored = source.prepare("SELECT checksum FROM units WHERE name = ?1");
        if (!stored) {
            return stored.error();
        }
        stored->bind(1, unit);
        auto row = stored->step();
        if (!row || !*row) {
            return makeError("copy_mismatch", "A unit of the copy is missing from the source.");
        }
        const auto expected = static_cast<std::uint64_t>(stored->int64(0));
        const auto copied = static_cast<std::uint64_t>(units->int64(i, 1));
        if (copied != expected || recomputed[unit] != expected) {
            return makeError("copy_mismatch",
                             "The partition checksum of unit " + unit + " does not match after the copy.");
        }
        ++report.units;
    }
    return {};
}

} // namespace

Result<StoreCopyReport> copySqliteToPostgres(const std::filesystem::path& sqliteFile,
                                             const PostgresStoreOptions& target) {
    // Brings the source to the current schema and the target's schema into being, as a hub would.
    {
        auto source = openSqliteCenterStore(sqliteFile, false);
        if (!source) {
            return source.error();
        }
        auto created = openPostgresCenterStore(target);
        if (!created) {
            return created.error();
        }
    }
    auto source = sqlite::Database::open(sqliteFile, sqlite::OpenMode::MustExist);
    if (!source) {
        return source.error();
    }
    auto connection = pg::Connection::open(pg::ConnectOptions{target.conninfo, target.passfile});
    if (!connection) {
        return connection.error();
    }
    // The SQLite write lock for the whole copy: a hub serving this file waits (and its devices retry) rather
    // than commit something the copy would miss.
    auto hold = sqlite::Transaction::begin(*source);
    if (!hold) {
        return hold.error();
    }
    pg::Connection& c = **connection;
    if (auto st = c.exec("BEGIN"); !st) {
        return st.error();
    }
    StoreCopyReport report;
    if (auto st = copyAndVerify(*source, c, report); !st) {
        (void)c.exec("ROLLBACK");
        return st.error();
    }
    if (auto st = c.exec("COMMIT"); !st) {
        return st.error();
    }
    return report;
}

} // namespace fieldkit::hub
