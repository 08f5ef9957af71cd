#include "name_index.hpp"

#include <fieldkit/core/case_search.hpp>
#include <set>

namespace fieldkit::store::detail {

Status NameIndex::replace(sqlite::Database& db, crypto::ByteView caseId,
                          const std::vector<std::string>& names) const {
    auto clear = db.cached("DELETE FROM name_index WHERE case_id = ?1");
    auto insert = db.cached("INSERT OR IGNORE INTO name_index(key, case_id) VALUES (?1, ?2)");
    if (!clear || !insert) {
        return !clear ? clear.error() : insert.error();
    }
    if (auto st = clear->bind(1, caseId).run(); !st) {
        return st;
    }
    std::set<std::string> keys;
    for (const auto& name : names) {
        for (auto& key : core::nameIndexKeys(name)) {
            keys.insert(std::move(key));
        }
    }
    for (const auto& key : keys) {
        const auto hash = m_hash.computeShort(crypto::asBytes(key));
        if (auto st = insert->bind(1, crypto::ByteView(hash)).bind(2, caseId).run(); !st) {
            return st;
        }
    }
    return {};
}

std::vector<std::array<std::uint8_t, 16>> NameIndex::hashes(const std::vector<std::string>& keys) const {
    std::vector<std::array<std::uint8_t, 16>> out;
    out.reserve(keys.size());
    for (const auto& key : keys) {
        out.push_back(m_hash.computeShort(crypto::asBytes(key)));
    }
    return out;
}

} // namespace fieldkit::store::detail
