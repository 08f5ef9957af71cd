#include "strict_reader.hpp"

#include "json_pretty.hpp"

#include <algorithm>

namespace fieldkit::hw::detail {

namespace {

std::string_view kindName(const boost::json::value& value) {
    switch (value.kind()) {
    case boost::json::kind::null:
        return "null";
    case boost::json::kind::bool_:
        return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
        return "an integer";
    case boost::json::kind::double_:
        return "a number with a fraction";
    case boost::json::kind::string:
        return "a string";
    case boost::json::kind::array:
        return "an array";
    case boost::json::kind::object:
        return "an object";
    }
    return "something else";
}

std::string range(std::int64_t min, std::int64_t max) {
    return "between " + std::to_string(min) + " and " + std::to_string(max);
}

} // namespace

std::string StrictReader::join(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

void StrictReader::fail(std::string_view code, std::string_view path, std::string_view reason) {
    if (m_error) {
        return;
    }
    const std::string subject = path.empty() ? std::string("the document") : std::string(path);
    m_error = makeError(std::string(code),
                        "Profile " + m_fileName + ": " + subject + " " + std::string(reason) + ".");
}

void StrictReader::wrongType(std::string_view path, std::string_view expected,
                             const boost::json::value& found) {
    fail("profile_wrong_type", path,
         "has the wrong type: expected " + std::string(expected) + ", found " + std::string(kindName(found)));
}

Node StrictReader::root(const boost::json::value& document) {
    if (!document.is_object()) {
        wrongType("", "an object", document);
        return {};
    }
    return {&document.get_object(), ""};
}

void StrictReader::onlyKeys(const Node& node, std::initializer_list<std::string_view> allowed) {
    if (failed() || node.object == nullptr) {
        return;
    }
    for (const auto& entry : *node.object) {
        if (std::find(allowed.begin(), allowed.end(), entry.key()) != allowed.end()) {
            continue;
        }
        std::string known;
        for (auto key : allowed) {
            known += known.empty() ? "" : ", ";
            known += key;
        }
        fail("profile_unknown_key", join(node.path, entry.key()),
             "is an unknown key (allowed here: " + known + ")");
        return;
    }
}

const boost::json::value* StrictReader::field(const Node& node, std::string_view key) {
    if (failed() || node.object == nullptr) {
        return nullptr;
    }
    const auto* value = node.object->if_contains(key);
    if (value == nullptr) {
        fail("profile_missing", join(node.path, key), "is missing");
    }
    return value;
}

Node StrictReader::object(const Node& node, std::string_view key) {
    const auto* value = field(node, key);
    if (value == nullptr) {
        return {};
    }
    const std::string path = join(node.path, key);
    if (!value->is_object()) {
        wrongType(path, "an object", *value);
        return {};
    }
    return {&value->get_object(), path};
}

bool StrictReader::boolean(const Node& node, std::string_view key) {
    const auto* value = field(node, key);
    if (value == nullptr) {
        return false;
    }
    if (!value->is_bool()) {
        wrongType(join(node.path, key), "a boolean (true or false)", *value);
        return false;
    }
    return value->get_bool();
}

std::optional<std::int64_t> StrictReader::toInteger(const boost::json::value& value, std::string_view path,
                                                    std::int64_t min, std::int64_t max) {
    std::int64_t result = 0;
    if (value.is_int64()) {
        result = value.get_int64();
    } else if (value.is_uint64()) {
        // Only values above INT64_MAX arrive as uint64; they are out of every range we allow.
        fail("profile_out_of_range", path,
             "is out of range: " + std::to_string(value.get_uint64()) + " is not " + range(min, max));
        return std::nullopt;
    } else {
        wrongType(path, "an integer", value);
        return std::nullopt;
    }
    if (result < min || result > max) {
        fail("profile_out_of_range", path,
             "is out of range: " + std::to_string(result) + " is not " + range(min, max));
        return std::nullopt;
    }
    return result;
}

std::int64_t StrictReader::integer(const Node& node, std::string_view key, std::int64_t min,
                                   std::int64_t max) {
    const auto* value = field(node, key);
    if (value == nullptr) {
        return min;
    }
    return toInteger(*value, join(node.path, key), min, max).value_or(min);
}

int StrictReader::smallInt(const Node& node, std::string_view key, int min, int max) {
    return static_cast<int>(integer(node, key, min, max));
}

double StrictReader::number(const Node& node, std::string_view key, double min, double max) {
    const auto* value = field(node, key);
    if (value == nullptr) {
        return min;
    }
    const std::string path = join(node.path, key);
    double result = 0;
    if (value->is_double()) {
        result = value->get_double();
    } else if (value->is_int64()) {
        result = static_cast<double>(value->get_int64());
    } else if (value->is_uint64()) {
        result = static_cast<double>(value->get_uint64());
    } else {
        wrongType(path, "a number", *value);
        return min;
    }
    if (!(result >= min && result <= max)) {
        fail("profile_out_of_range", path,
             "is out of range: " + formatNumber(result) + " is not between " + formatNumber(min) + " and " +
                 formatNumber(max));
        return min;
    }
    return result;
}

std::optional<std::string> StrictReader::toText(const boost::json::value& value, std::string_view path,
                                                std::size_t maxLength) {
    if (!value.is_string()) {
        wrongType(path, "a string", value);
        return std::nullopt;
    }
    const auto& text = value.get_string();
    if (text.empty() || text.size() > maxLength) {
        fail("profile_out_of_range", path,
             "is out of range: a string of 1 to " + std::to_string(maxLength) +
                 " characters is needed, found " + std::to_string(text.size()));
        return std::nullopt;
    }
    return std::string(text);
}

std::string StrictReader::text(const Node& node, std::string_view key, std::size_t maxLength) {
    const auto* value = field(node, key);
    if (value == nullptr) {
        return {};
    }
    return toText(*value, join(node.path, key), maxLength).value_or(std::string{});
}

const boost::json::array* StrictReader::array(const Node& node, std::string_view key, std::size_t count,
                                              bool exact) {
    const auto* value = field(node, key);
    if (value == nullptr) {
        return nullptr;
    }
    const std::string path = join(node.path, key);
    if (!value->is_array()) {
        wrongType(path, exact ? "an array of " + std::to_string(count) + " elements" : "an array", *value);
        return nullptr;
    }
    const auto size = value->get_array().size();
    if (exact && size != count) {
        fail("profile_wrong_type", path,
             "has the wrong type: expected an array of " + std::to_string(count) + " elements, found " +
                 std::to_string(size));
        return nullptr;
    }
    if (!exact && size > count) {
        fail("profile_out_of_range", path,
             "is out of range: at most " + std::to_string(count) + " elements, found " +
                 std::to_string(size));
        return nullptr;
    }
    return &value->get_array();
}

std::int64_t StrictReader::integerAt(const boost::json::array* array, const std::string& arrayPath,
                                     std::size_t index, std::int64_t min, std::int64_t max) {
    if (failed() || array == nullptr) {
        return min;
    }
    const std::string path = arrayPath + "[" + std::to_string(index) + "]";
    return toInteger(array->at(index), path, min, max).value_or(min);
}

std::string StrictReader::textAt(const boost::json::array* array, const std::string& arrayPath,
                                 std::size_t index, std::size_t maxLength) {
    if (failed() || array == nullptr) {
        return {};
    }
    const std::string path = arrayPath + "[" + std::to_string(index) + "]";
    return toText(array->at(index), path, maxLength).value_or(std::string{});
}

} // namespace fieldkit::hw::detail
