#pragma once

#include "enum_names.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace fieldkit::hw::detail {

/** A JSON object together with its path from the document root, so every error can name the field. */
struct Node {
    const boost::json::object* object = nullptr; // null once an error stopped the reading
    std::string path;                            // "" for the root, "sync.low_battery" further down
};

/**
 * Reads typed, range-checked fields and keeps only the first problem.
 *
 * After the first failure every read is a no-op returning a default, so the parser can read straight through
 * and decide once at the end: either the whole profile or one error, never a half-read profile.
 */
class StrictReader {
public:
    explicit StrictReader(std::string_view fileName)
        : m_fileName(fileName) {}

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const Error& error() const { return *m_error; }

    /** The document root, which must be an object. */
    [[nodiscard]] Node root(const boost::json::value& document);
    /** Fails on the first key (in document order) that is not in `allowed`. */
    void onlyKeys(const Node& node, std::initializer_list<std::string_view> allowed);

    [[nodiscard]] Node object(const Node& node, std::string_view key);
    [[nodiscard]] bool boolean(const Node& node, std::string_view key);
    [[nodiscard]] std::int64_t integer(const Node& node, std::string_view key, std::int64_t min,
                                       std::int64_t max);
    [[nodiscard]] int smallInt(const Node& node, std::string_view key, int min, int max);
    [[nodiscard]] double number(const Node& node, std::string_view key, double min, double max);
    [[nodiscard]] std::string text(const Node& node, std::string_view key, std::size_t maxLength);
    /** The array at `key` with exactly/at most the given number of elements (exact when exact is true). */
    [[nodiscard]] const boost::json::array* array(const Node& node, std::string_view key, std::size_t count,
                                                  bool exact);
    /** Element `index` of an array read with array(), as an integer or a string. */
    [[nodiscard]] std::int64_t integerAt(const boost::json::array* array, const std::string& arrayPath,
                                         std::size_t index, std::int64_t min, std::int64_t max);
    [[nodiscard]] std::string textAt(const boost::json::array* array, const std::string& arrayPath,
                                     std::size_t index, std::size_t maxLength);

    template <typename E>
    [[nodiscard]] E choice(const Node& node, std::string_view key, NameTable<E> names) {
        const std::string value = text(node, key, 64);
        if (failed()) {
            return names.front().first;
        }
        if (auto e = valueOf<E>(names, value)) {
            return *e;
        }
        std::string allowed;
        for (const auto& [_, name] : names) {
            allowed += allowed.empty() ? "" : ", ";
            allowed += name;
        }
        fail("profile_out_of_range", join(node.path, key),
             "is out of range: \"" + value + "\" is not one of " + allowed);
        return names.front().first;
    }

    /** Records a problem with the field at `path` unless an earlier one is already recorded. */
    void fail(std::string_view code, std::string_view path, std::string_view reason);

    [[nodiscard]] static std::string join(std::string_view path, std::string_view key);

private:
    /** The value at `key`, or null after recording "missing". */
    [[nodiscard]] const boost::json::value* field(const Node& node, std::string_view key);
    void wrongType(std::string_view path, std::string_view expected, const boost::json::value& found);
    [[nodiscard]] std::optional<std::int64_t>
    toInteger(const boost::json::value& value, std::string_view path, std::int64_t min, std::int64_t max);
    [[nodiscard]] std::optional<std::string> toText(const boost::json::value& value, std::string_view path,
                                                    std::size_t maxLength);

    std::string m_fileName;
    std::optional<Error> m_error;
};

} // namespace fieldkit::hw::detail
