#include "json_pretty.hpp"

#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>
#include <charconv>

namespace fieldkit::hw::detail {

std::string formatNumber(double value) {
    std::array<char, 64> buffer{};
    const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    std::string text(buffer.data(), ec == std::errc{} ? end : buffer.data());
    if (text.find_first_of(".eEn") == std::string::npos) {
        text += ".0"; // keeps the value a JSON number with a fraction, as the schema's "number" fields show
    }
    return text;
}

namespace {

bool isScalar(const boost::json::value& v) {
    return !v.is_object() && !v.is_array();
}

void write(std::string& out, const boost::json::value& value, int depth) {
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
    switch (value.kind()) {
    case boost::json::kind::object: {
        const auto& object = value.get_object();
        if (object.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& entry : object) {
            out += first ? "" : ",\n";
            first = false;
            out += indent + boost::json::serialize(boost::json::string(entry.key())) + ": ";
            write(out, entry.value(), depth + 1);
        }
        out += "\n" + closing + "}";
        return;
    }
    case boost::json::kind::array: {
        const auto& array = value.get_array();
        const bool inlined = std::all_of(array.begin(), array.end(), isScalar);
        out += "[";
        bool first = true;
        for (const auto& element : array) {
            out += first ? "" : ",";
            first = false;
            out += inlined ? (out.back() == '[' ? "" : " ") : "\n" + indent;
            write(out, element, depth + 1);
        }
        out += inlined || array.empty() ? "]" : "\n" + closing + "]";
        return;
    }
    case boost::json::kind::double_:
        out += formatNumber(value.get_double());
        return;
    default:
        out += boost::json::serialize(value);
        return;
    }
}

} // namespace

std::string prettyJson(const boost::json::value& value) {
    std::string out;
    write(out, value, 0);
    out += "\n";
    return out;
}

} // namespace fieldkit::hw::detail
