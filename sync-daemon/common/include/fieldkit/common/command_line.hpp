#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::common {

/** A whole-number option in [min, max]. Anything else ("abc", "1.5", "10s", a number out of range) is
 *  refused with an error naming the range; CLI11 adds the option's name. */
[[nodiscard]] CLI::Validator wholeNumber(std::int64_t min, std::int64_t max);

/** The same for numbers up to 2^64 - 1 (seeds, byte counts). */
[[nodiscard]] CLI::Validator unsignedWholeNumber(std::uint64_t min, std::uint64_t max);

/** A decimal option in [min, max]; nan and inf are refused too (CLI::Range lets nan through). */
[[nodiscard]] CLI::Validator decimalNumber(double min, double max);

/** The first argument that is not valid UTF-8, as an error naming the option whose value it is. Checked
 *  before parsing, where text enters a program, so nothing it writes later can be invalid. */
[[nodiscard]] Status checkArgumentsAreText(const CLI::App& app, int argc, const char* const* argv);

/** A program's command tree on CLI11: every program checks its text, parses, and turns mistakes into exit
 *  codes the same way. A command's options fill a struct that the command line keeps; the command given hands
 *  that struct to the program (as one alternative of a std::variant). */
class CommandLine {
public:
    /** Adds --help and --version (printing "<program> <version>"). */
    CommandLine(const std::string& program, const std::string& description);

    [[nodiscard]] CLI::App& app() { return m_app; }

    /** A command with subcommands of its own (`case`, `staff`): one of them must be given. */
    CLI::App* addGroup(CLI::App& parent, const std::string& name, const std::string& description);

    /** A command whose options fill a copy of `defaults`, kept here; when it is the command given,
     *  `chosen` becomes those options. Returns the options to bind and the command to declare them on. */
    template <typename Options, typename Chosen>
    std::pair<Options&, CLI::App*> addCommand(CLI::App& parent, const std::string& name,
                                              const std::string& description, std::optional<Chosen>& chosen,
                                              Options defaults = {}) {
        auto options = std::make_shared<Options>(std::move(defaults));
        m_kept.push_back(options);
        CLI::App* command = parent.add_subcommand(name, description);
        // Runs once the whole line is parsed and checked, only for the command given.
        command->callback([&chosen, &values = *options] { chosen = values; });
        return {*options, command};
    }

    /** Checks the text and parses. nullopt: the command given is ready to run. Otherwise the exit status to
     *  end with: 0 after --help or --version (printed on `out`), 2 after one line on `err` for a malformed
     *  command line. */
    [[nodiscard]] std::optional<int> parse(int argc, const char* const* argv, std::ostream& out,
                                           std::ostream& err);

private:
    CLI::App m_app;
    std::vector<std::shared_ptr<void>> m_kept;
};

} // namespace fieldkit::common
