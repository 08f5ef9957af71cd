#include <fieldkit/common/args.hpp>

namespace fieldkit::common {

Result<Args> Args::parse(int argc, const char* const* argv, const std::set<std::string>& flags) {
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
