#pragma once

#include <cstdint>
#include <fieldkit/common/command_line.hpp>
#include <iosfwd>
#include <optional>
#include <string>
#include <variant>

namespace fieldkit::ctl {

/** What every command shares: where the store is, and who unlocks it when several staff members have keys. */
struct CtlGlobals {
    std::string data;
    std::string staff;
};

inline constexpr std::int64_t kDefaultKdfMs = 1000;
inline constexpr const char* kDefaultPurpose = "administration (fieldkit-ctl)";

struct InitOptions {
    std::string staff;
    std::string unit = "bike-07";
    bool standalone = false;
    std::int64_t kdfMs = kDefaultKdfMs;
};
struct StaffAddOptions {
    std::string name;
    std::int64_t kdfMs = kDefaultKdfMs;
};
struct StaffListOptions {};
struct StaffPinOptions {
    std::int64_t kdfMs = kDefaultKdfMs;
};
struct StaffRemoveOptions {
    std::string leaving;
};
struct CaseCreateOptions {
    std::string json = "-";
};
struct CaseSetOptions {
    std::string id;
    std::optional<std::string> name, address, phone, cpr;
};
struct CaseNoteOptions {
    std::string id;
    std::string text;
};
struct CaseStatusOptions {
    std::string id;
    std::string status;
    std::string text;
};
struct CaseResolveOptions {
    std::string id;
    std::string field;
    std::string value;
};
struct CaseGenerateOptions {
    std::int64_t count = 10;
    std::int64_t seed = 1;
    std::int64_t batch = 1;
};
struct CaseListOptions {
    std::int64_t limit = 1000;
    std::string service;
    std::optional<std::string> status;
};
struct CaseShowOptions {
    std::string id;
    std::string purpose = kDefaultPurpose;
};
struct CaseReceiptOptions {
    std::string id;
    std::string purpose = "receipt";
};
struct CaseFindOptions {
    std::string cpr;
    std::string purpose = kDefaultPurpose;
};
struct CaseAttachOptions {
    std::string id;
    std::string file;
    std::string type;
    std::optional<std::string> name;
    std::string kind = "file";
};
struct CaseAttachmentOptions {
    std::string id;
    std::string attachmentId;
    std::string out;
    std::string purpose = kDefaultPurpose;
};
struct ContactAddOptions {
    std::string json = "-";
};
struct VerifyOptions {};
struct WipeOptions {
    bool confirm = false;
    std::optional<std::string> hub;
};
struct PurgeOptions {
    double olderThanHours = 0;
};
struct DeviceIdOptions {};
struct DeviceInfoOptions {};
struct SyncStatusOptions {};
struct ProfileCheckOptions {
    std::string file;
};
struct ProfileShowOptions {
    std::string profile;
};

/** One fieldkit-ctl command with its options, as the command line gave it. */
using CtlCommand =
    std::variant<InitOptions, StaffAddOptions, StaffListOptions, StaffPinOptions, StaffRemoveOptions,
                 CaseCreateOptions, CaseSetOptions, CaseNoteOptions, CaseStatusOptions, CaseResolveOptions,
                 CaseGenerateOptions, CaseListOptions, CaseShowOptions, CaseReceiptOptions, CaseFindOptions,
                 CaseAttachOptions, CaseAttachmentOptions, ContactAddOptions, VerifyOptions, WipeOptions,
                 PurgeOptions, DeviceIdOptions, DeviceInfoOptions, SyncStatusOptions, ProfileCheckOptions,
                 ProfileShowOptions>;

struct CtlInvocation {
    CtlGlobals globals;
    CtlCommand command;
};

/** fieldkit-ctl's command tree: every command, option, range and help text. */
class CtlCommandLine {
public:
    CtlCommandLine();

    /** The command given with its options, or the exit status to end with (0 after --help/--version, 2 after
     *  one line on `err` for a malformed command line). */
    [[nodiscard]] std::variant<int, CtlInvocation> parse(int argc, const char* const* argv, std::ostream& out,
                                                         std::ostream& err);

private:
    common::CommandLine m_line;
    CtlGlobals m_globals;
    std::optional<CtlCommand> m_chosen;
};

} // namespace fieldkit::ctl
