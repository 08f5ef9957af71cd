#include <charconv>
#include <cmath>
#include <fieldkit/common/args.hpp>
#include <fieldkit/core/utf8.hpp>
#include <sstream>

namespace fieldkit::common {

Result<Args> Args::parse(int argc, const char* const* argv, const std::set<std::string>& flags) {
    // Every word first, option values included (the loop below takes those two at a time).
    for (int i = 1; i < argc; ++i) {
        if (!core::isValidUtf8(argv[i])) {
            const bool isValue = i > 1 && std::string_view(argv[i - 1]).starts_with("--") &&
                                 !flags.contains(std::string(argv[i - 1]).substr(2));
            return makeError("invalid_text",
                             isValue
                                 ? "The value of " + std::string(argv[i - 1]) + " is not valid UTF-8 text."
                                 : "Argument " + std::to_string(i) + " is not valid UTF-8 text.");
        }
    }
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.rfind("--", 0) != 0 || word.size() == 2) {
            args.m_words.push_back(word);
            continue;
        }
        const std::string name = word.substr(2);
        if (flags.contains(name)) {
            args.m_flags.insert(name);
        } else if (i + 1 < argc) {
            args.m_options[name] = argv[++i];
        } else {
            return makeError("missing_value", "The option --" + name + " needs a value.");
        }
    }
    return args;
}

std::optional<std::string> Args::option(const std::string& name) const {
    const auto it = m_options.find(name);
    return it == m_options.end() ? std::nullopt : std::optional(it->second);
}

Result<std::string> Args::required(const std::string& name) const {
    if (auto value = option(name)) {
        return *value;
    }
    return makeError("missing_option", "The option --" + name + " is required.");
}

Result<std::int64_t> Args::integer(const std::string& name, std::int64_t min, std::int64_t max,
                                   std::int64_t fallback) const {
    const auto text = option(name);
    if (!text) {
        return fallback;
    }
    std::int64_t value = 0;
    const char* end = text->data() + text->size();
    const auto parsed = std::from_chars(text->data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end || value < min || value > max) {
        return makeError("bad_option", "--" + name + " must be a whole number from " + std::to_string(min) +
                                           " to " + std::to_string(max) + ".");
    }
    return value;
}

Result<double> Args::decimal(const std::string& name, double min, double max, double fallback) const {
    const auto text = option(name);
    if (!text) {
        return fallback;
    }
    double value = 0;
    const char* end = text->data() + text->size();
    const auto parsed = std::from_chars(text->data(), end, value);
    if (parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(value) || value < min ||
        value > max) {
        std::ostringstream range;
        range << min << " to " << max;
        return makeError("bad_option", "--" + name + " must be a number from " + range.str() + ".");
    }
    return value;
}

Status Args::allowOnly(const std::set<std::string>& allowed) const {
    for (const auto& [name, value] : m_options) {
        if (!allowed.contains(name)) {
            return makeError("unknown_option", "Unknown option --" + name + ".");
        }
    }
    for (const auto& name : m_flags) {
        if (!allowed.contains(name)) {
            return makeError("unknown_option", "Unknown option --" + name + ".");
        }
    }
    return {};
}

} // namespace fieldkit::common
