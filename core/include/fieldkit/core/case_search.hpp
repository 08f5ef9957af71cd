#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::core {

/**
 * How a citizen's name is found without storing it: each word of the name, normalised, gives a few index
 * keys (its prefixes of 3 to 6 letters, or the whole word when it is shorter than 3), and the store keeps
 * only a keyed hash of each key (store/name_index.hpp says what that reveals). A query word matches through
 * its own key: its first 6 letters, so "Margrethe" is found by "mar" to "margre" and "margrethe" alike.
 */
inline constexpr std::size_t kNameKeyMinLetters = 3;
inline constexpr std::size_t kNameKeyMaxLetters = 6;
/** At most this many words of a name are indexed (long names are rare; the cap bounds the rows per case). */
inline constexpr std::size_t kNameMaxIndexedWords = 6;

/**
 * The words of a name as the index sees them: lower case, accents folded (é → e, ü → u; æ, ø and å stay
 * Danish letters), split at anything that is not a letter or digit ("Skovgaard-Rasmussen" is two words).
 */
[[nodiscard]] std::vector<std::string> nameWords(std::string_view utf8Name);

/** The index keys of a name: every prefix of 3..6 letters of each word (a word shorter than 3 letters is
 *  its own key), each once, for at most kNameMaxIndexedWords words. */
[[nodiscard]] std::vector<std::string> nameIndexKeys(std::string_view utf8Name);

/** What the search field holds. */
enum class SearchKind {
    Empty,      // nothing typed: the normal list
    Cpr,        // a whole CPR number: the CPR blind index
    Name,       // at least one word to look up: the name index
    Incomplete, // digits short of a CPR number, or a word too short to search by (say so, search nothing)
};

struct SearchQuery {
    SearchKind kind = SearchKind::Empty;
    std::string cprDigits;             // Cpr: the ten digits
    std::vector<std::string> nameKeys; // Name: one key per word; a case must match every one
};

/**
 * Decides what a search text asks for. Ten digits (with or without the dash) are a CPR number; text with
 * letters is a name, each word giving its key (its first 6 letters) — a word of one or two letters only
 * matches a name word of exactly those letters, and a query of such words alone is Incomplete. Pure, so the
 * list model and its tests decide alike.
 */
[[nodiscard]] SearchQuery parseSearch(std::string_view text);

} // namespace fieldkit::core
