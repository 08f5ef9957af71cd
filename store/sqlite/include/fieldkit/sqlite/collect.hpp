#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <vector>

namespace fieldkit::sqlite {

/** Steps `stmt` to the end, turning each row into a T with `read`; the first step error ends it. */
template <typename T, typename F>
[[nodiscard]] Result<std::vector<T>> collect(Statement& stmt, F&& read) {
    std::vector<T> out;
    while (true) {
        auto row = stmt.step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return out;
        }
        out.push_back(read(stmt));
    }
}

} // namespace fieldkit::sqlite
