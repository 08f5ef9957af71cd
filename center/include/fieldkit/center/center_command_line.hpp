#pragma once

#include <fieldkit/common/command_line.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>

namespace fieldkit::center {

struct ServeOptions {
    std::string dir;
    std::string listen;
    std::optional<std::string> staticDir; // none: `static/` beside the program
    std::optional<std::string> cert;      // none (with key): a certificate from the center's CA
    std::optional<std::string> key;
    std::string hubAddress; // where devices reach fieldkit-hub, for the enrolment QR code ("" = not shown)
};
struct UserAddOptions {
    std::string dir;
    std::string name;
    std::string role;
};

/** One fieldkit-center command with its options, as the command line gave it. */
using CenterCommand = std::variant<ServeOptions, UserAddOptions>;

/** fieldkit-center's command tree: every command, option and help text. */
class CenterCommandLine {
public:
    CenterCommandLine();

    /** The command given with its options, or the exit status to end with (0 after --help/--version, 2 after
     *  one line on `err` for a malformed command line). */
    [[nodiscard]] std::variant<int, CenterCommand> parse(int argc, const char* const* argv, std::ostream& out,
                                                         std::ostream& err);

private:
    common::CommandLine m_line;
    std::optional<CenterCommand> m_chosen;
};

} // namespace fieldkit::center
