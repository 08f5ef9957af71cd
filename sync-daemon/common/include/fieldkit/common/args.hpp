#pragma once

#include <cstdint>
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
    /** `flags` are options without a value; every other `--name` takes the next word as its value. Every word
     *  must be valid UTF-8 text (refused here, where it enters, so nothing written later can be invalid). */
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
    /** A whole-number option in [min, max]; `fallback` when it is absent. Anything else (text, a fraction, a
     *  number out of range, "10s") is an error naming the option and its range. */
    [[nodiscard]] Result<std::int64_t> integer(const std::string& name, std::int64_t min, std::int64_t max,
                                               std::int64_t fallback) const;
    /** A decimal option in [min, max] (finite: nan and inf are refused); `fallback` when it is absent. */
    [[nodiscard]] Result<double> decimal(const std::string& name, double min, double max,
                                         double fallback) const;
    /** Fails on any option outside `allowed` (so a typo is an error, not silently ignored). */
    [[nodiscard]] Status allowOnly(const std::set<std::string>& allowed) const;

private:
    std::vector<std::string> m_words;
    std::map<std::string, std::string> m_options;
    std::set<std::string> m_flags;
};

} // namespace fieldkit::common
