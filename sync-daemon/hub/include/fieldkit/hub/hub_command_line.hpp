#pragma once

#include <cstdint>
#include <fieldkit/common/command_line.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>

namespace fieldkit::hub {

struct HubInitOptions {
    std::string dir;
    std::optional<std::string> store; // a PostgreSQL connection string; none: SQLite in the folder
    std::optional<std::string> storePassfile;
};
struct HubServeOptions {
    std::string dir;
    std::string listen;
    std::string opsListen = "127.0.0.1:0";
    std::optional<std::int64_t> idleSeconds;  // none: HubLimits' default
    std::optional<std::int64_t> oldestSchema; // none: HubPolicy's default
    std::optional<std::string> statusListen;  // the public status page (issue 18); none: not served
    std::optional<std::string> statusCert;
    std::optional<std::string> statusKey;
    std::optional<std::string> statusStatic; // none: status-static/ beside the program
};
struct HubUnitAddOptions {
    std::string dir;
    std::string name;
};
struct HubEnrollCodeOptions {
    std::string dir;
    std::string unit;
    std::optional<std::int64_t> validSeconds; // none: kDefaultCodeValidity
};
struct HubProvisionOptions {
    std::string dir;
    std::string unit;
    std::string data;
    std::string deviceId;
    std::string deviceBoxKey;
    std::string hubAddress;
};
struct HubExportOptions {
    std::string dir;
};
struct HubStatsOptions {
    std::string dir;
};
struct HubRevokeOptions {
    std::string dir;
    std::string deviceId;
};
struct HubWipeOptions {
    std::string dir;
    std::string deviceId;
};
struct HubBackupOptions {
    std::string dir;
    std::string out;
};
struct HubStoreCopyOptions {
    std::string from;
    std::string to;
    std::string storePassfile;
};
struct HubMarkRestoredOptions {
    std::string dir;
};

/** One fieldkit-hub command with its options, as the command line gave it. */
using HubCommand =
    std::variant<HubInitOptions, HubServeOptions, HubUnitAddOptions, HubEnrollCodeOptions,
                 HubProvisionOptions, HubExportOptions, HubStatsOptions, HubRevokeOptions, HubWipeOptions,
                 HubBackupOptions, HubStoreCopyOptions, HubMarkRestoredOptions>;

/** Longest idle timeout and enrolment code validity a command line may ask for (a day, thirty days). */
inline constexpr std::int64_t kMaxIdleSeconds = 24 * 60 * 60;
inline constexpr std::int64_t kMaxCodeValidity = 30 * 24 * 60 * 60;

/** fieldkit-hub's command tree: every command, option, range and help text. */
class HubCommandLine {
public:
    HubCommandLine();

    /** The command given with its options, or the exit status to end with (0 after --help/--version, 2 after
     *  one line on `err` for a malformed command line). */
    [[nodiscard]] std::variant<int, HubCommand> parse(int argc, const char* const* argv, std::ostream& out,
                                                      std::ostream& err);

private:
    common::CommandLine m_line;
    std::optional<HubCommand> m_chosen;
};

} // namespace fieldkit::hub
