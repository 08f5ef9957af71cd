#pragma once
// The inbox query as SQL both backends run (the tables have the same names and columns); only the placeholder
// style differs: ?N for SQLite, $N for PostgreSQL.

#include <cstdint>
#include <fieldkit/hub/center_records.hpp>
#include <string>
#include <variant>
#include <vector>

namespace fieldkit::hub::inbox_sql {

using Param = std::variant<std::int64_t, std::string, std::vector<std::uint8_t>>;

struct Statements {
    std::string page;  // the rows: case_id, unit, service, status, channel, conflicted, sealed_key_center
    std::string count; // one row: the total
    std::vector<Param> params;     // for both; page adds limit and offset after them
    std::vector<Param> pageParams; // params + limit, offset
};

/** The smallest case id created at `ms` (48-bit big-endian milliseconds, then zeros). */
inline std::vector<std::uint8_t> caseIdBound(std::int64_t ms) {
    std::vector<std::uint8_t> id(16, 0);
    for (int i = 0; i < 6; ++i) {
        id[static_cast<std::size_t>(5 - i)] = static_cast<std::uint8_t>((ms >> (8 * i)) & 0xff);
    }
    return id;
}

inline Statements build(const InboxQuery& q, bool dollar, const std::string& falseValue,
                        const std::string& trueValue) {
    Statements out;
    std::string where;
    auto placeholder = [&](Param p) {
        out.params.push_back(std::move(p));
        return (dollar ? "$" : "?") + std::to_string(out.params.size());
    };
    auto add = [&](const std::string& clause) { where += (where.empty() ? " WHERE " : " AND ") + clause; };
    if (!q.unit.empty()) {
        add("unit = " + placeholder(q.unit));
    }
    if (!q.service.empty()) {
        add("service = " + placeholder(q.service));
    }
    if (!q.status.empty()) {
        add("status = " + placeholder(q.status));
    }
    if (q.conflicted >= 0) {
        add(std::string("conflicted = ") + (q.conflicted == 1 ? trueValue : falseValue));
    }
    if (q.createdBeforeMs > 0) {
        add("case_id < " + placeholder(caseIdBound(q.createdBeforeMs)));
    }
    if (q.createdAfterMs > 0) {
        add("case_id >= " + placeholder(caseIdBound(q.createdAfterMs)));
    }
    std::string order;
    switch (q.sort) {
    case InboxQuery::Sort::NewestFirst:
        order = "case_id DESC";
        break;
    case InboxQuery::Sort::OldestFirst:
        order = "case_id ASC";
        break;
    case InboxQuery::Sort::Unit:
        order = "unit ASC, case_id DESC";
        break;
    case InboxQuery::Sort::Service:
        order = "service ASC, case_id DESC";
        break;
    case InboxQuery::Sort::Status:
        order = "status ASC, case_id DESC";
        break;
    }
    out.count = "SELECT count(*) FROM cases" + where;
    out.pageParams = out.params;
    const auto n = out.params.size();
    const std::string p = dollar ? "$" : "?";
    out.page = "SELECT case_id, unit, service, status, channel, conflicted, sealed_key_center FROM cases" +
               where + " ORDER BY " + order + " LIMIT " + p + std::to_string(n + 1) + " OFFSET " + p +
               std::to_string(n + 2);
    out.pageParams.emplace_back(static_cast<std::int64_t>(q.limit));
    out.pageParams.emplace_back(static_cast<std::int64_t>(q.offset));
    return out;
}

} // namespace fieldkit::hub::inbox_sql
