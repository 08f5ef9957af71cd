#pragma once

#include <cstdint>
#include <fieldkit/common/command_line.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>

namespace fieldkit::device {

struct EnrollOptions {
    std::string data;
    std::string hub; // with --code, or both from --link
    std::string code;
    std::string link; // fieldkit-enrol:?hub=…&code=… (the center's QR code)
};
/** The commands that reach the center: the enrolled address unless --hub overrides it. */
struct RunOptions {
    std::string data;
    std::optional<std::string> hub;
    std::string profile;
    std::string sysfsRoot = "/sys/class";
};
struct SyncOnceOptions {
    std::string data;
    std::optional<std::string> hub;
    std::int64_t rounds = 1;
};
struct StatusOptions {
    std::string data;
};
struct RetireOptions {
    std::string data;
    std::optional<std::string> hub;
};

/** One fieldkit-syncd command with its options, as the command line gave it. */
using DeviceCommand = std::variant<EnrollOptions, RunOptions, SyncOnceOptions, StatusOptions, RetireOptions>;

/** fieldkit-syncd's command tree: every command, option, range and help text. */
class DeviceCommandLine {
public:
    DeviceCommandLine();

    /** The command given with its options, or the exit status to end with (0 after --help/--version, 2 after
     *  one line on `err` for a malformed command line). */
    [[nodiscard]] std::variant<int, DeviceCommand> parse(int argc, const char* const* argv, std::ostream& out,
                                                         std::ostream& err);

private:
    common::CommandLine m_line;
    std::optional<DeviceCommand> m_chosen;
};

} // namespace fieldkit::device
