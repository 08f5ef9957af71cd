#pragma once

#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/blind_index.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <string>
#include <vector>

namespace fieldkit::store::detail {

/**
 * Finding a case by the citizen's name without the name on disk (store migration 7, table name_index).
 *
 * Each word of a name gives its prefixes of 3 to 6 letters (core/case_search.hpp); the table holds, per
 * case, a BLAKE2b-128 of each such key under a subkey of the data key (BlindIndexPurpose::NameKey). Without
 * the data key the rows cannot be reversed or tested against a guessed name. What they do reveal to someone
 * holding the file but not a PIN:
 *  - equality: which cases share a key (e.g. that these 40 cases have a name word starting with the same
 *    three letters, or the same whole short word), so cases of one citizen or one family can be linked, as
 *    the CPR blind index already links one citizen's cases;
 *  - frequency: how many cases share each key, so the most common keys could be matched against public
 *    name statistics (a common surname's prefixes are the most frequent rows);
 *  - shape: how many keys a case has, i.e. how many words the name has and their lengths up to 6 letters —
 *    no more than the ciphertext's length already hints.
 * Hashes are per device (the DEK is), so two devices' tables cannot be joined. Queries are never stored;
 * every search is in the audit log with its purpose (not its text), once per case it found.
 */
class NameIndex {
public:
    explicit NameIndex(const crypto::DataKey& dek)
        : m_hash(dek, crypto::BlindIndexPurpose::NameKey) {}

    /** Replaces the case's entries with the keys of `names` (every version in force: a case whose name is
     *  in conflict is found by either). Inside the caller's transaction. */
    [[nodiscard]] Status replace(sqlite::Database& db, crypto::ByteView caseId,
                                 const std::vector<std::string>& names) const;

    /** The hashed keys to look up for the query's keys (parseSearch's nameKeys). */
    [[nodiscard]] std::vector<std::array<std::uint8_t, 16>>
    hashes(const std::vector<std::string>& keys) const;

private:
    crypto::BlindIndex m_hash;
};

} // namespace fieldkit::store::detail
