#pragma once

#include <fieldkit/core/result.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fieldkit::common {

/** A command line split into words and `--name value` / `--flag` options. */
class Args {
public:
    /** `flags` are options without a value; every other `--name` takes the next word as its value. */
    [[nodiscard]] static Result<Args> parse(int argc, const char* const* argv,
                                            const std::set<std::string>& flags);

    [[nodiscard]] const std::vector<std::string>& words() const { return m_words; }
    [[nodiscard]] std::string word(std::size_t i) const {
        return i < m_words.size() ? m_words[i] : std::string();
    }
    [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
    [[nodiscard]] bool flag(const std::string& name) const { return m_flags.contains(name); }

    /** The option's value, or an error naming the missing option. */
    [[nodiscard]] Result<std::string> required(const std::string& name) const;
    /** Fails on any option outside `allowed` (so a typo is an error, not silently ignored). */
    [[nodiscard]] Status allowOnly(const std::set<std::string>& allowed) const;

private:
    std::vector<std::string> m_words;
    std::map<std::string, std::string> m_options;
    std::set<std::string> m_flags;
};

} // namespace fieldkit::common
