#include <fieldkit/ctl/ctl_command_line.hpp>
#include <limits>

namespace fieldkit::ctl {

namespace {

constexpr std::int64_t kMaxKdfMs = 60000;
constexpr std::int64_t kMaxListLimit = 1000000;
constexpr std::int64_t kMaxGenerated = 1000000;
constexpr std::int64_t kMaxBatch = 10000;
// Bounded (a century) so the conversion to milliseconds is exact and cannot overflow.
constexpr double kMaxPurgeHours = 100.0 * 366 * 24;

void addKdfMs(CLI::App& command, std::int64_t& kdfMs) {
    command
        .add_option("--kdf-ms", kdfMs, "Milliseconds the PIN's key derivation should take on this machine")
        ->check(common::wholeNumber(1, kMaxKdfMs));
}

/** Commands that unlock the store with a staff PIN (FIELDKIT_PIN, or standard input). */
void addStaff(CLI::App& command, CtlGlobals& globals) {
    command.add_option("--staff", globals.staff, "Staff member who unlocks (needed when several have keys)");
}

void addCaseId(CLI::App& command, std::string& id) {
    command.add_option("ID", id, "Case id (32 hexadecimal characters)")->required();
}

/** Accepted for scripts that ask for JSON: it is the only output these commands have. */
void addJsonFlag(CLI::App& command) {
    static const std::string help = "Print JSON (the only format)";
    command.add_flag("--json", help);
}

void addPurpose(CLI::App& command, std::string& purpose) {
    command.add_option("--purpose", purpose, "Why personal data is read (written to the audit log)");
}

} // namespace

CtlCommandLine::CtlCommandLine()
    : m_line("fieldkit-ctl",
             "Scripting and administration of a fieldkit device store. Every command that reads "
             "personal data unlocks with a staff PIN (FIELDKIT_PIN, or standard input).") {
    CLI::App& app = m_line.app();
    app.require_subcommand(1);
    app.footer("Each command lists its options with --help, e.g. fieldkit-ctl case list --help.");
    app.add_option("--data", m_globals.data, "Folder of the device store");

    {
        auto [o, c] = m_line.addCommand(app, "init",
                                        "Create the store; the first staff member's PIN comes from "
                                        "FIELDKIT_PIN (or standard input)",
                                        m_chosen, InitOptions{});
        c->add_option("--staff", o.staff, "Name of the first staff member")->required();
        c->add_option("--unit", o.unit, "Unit the device belongs to")->capture_default_str();
        c->add_flag("--standalone", o.standalone, "A device that is never enrolled with a center");
        addKdfMs(*c, o.kdfMs);
    }

    CLI::App* staff = m_line.addGroup(app, "staff", "Staff members and their PINs");
    {
        auto [o, c] = m_line.addCommand(*staff, "add",
                                        "Add a staff member: FIELDKIT_PIN unlocks, "
                                        "FIELDKIT_NEW_PIN is theirs",
                                        m_chosen, StaffAddOptions{});
        c->add_option("--name", o.name, "Name of the new staff member")->required();
        addStaff(*c, m_globals);
        addKdfMs(*c, o.kdfMs);
    }
    m_line.addCommand(*staff, "list", "List the staff members", m_chosen, StaffListOptions{});
    {
        auto [o, c] = m_line.addCommand(*staff, "pin",
                                        "Change a PIN: FIELDKIT_PIN is yours, FIELDKIT_NEW_PIN "
                                        "replaces it",
                                        m_chosen, StaffPinOptions{});
        addStaff(*c, m_globals);
        addKdfMs(*c, o.kdfMs);
    }
    {
        auto [o, c] =
            m_line.addCommand(*staff, "remove", "Remove a staff member (the last key is never removed)",
                              m_chosen, StaffRemoveOptions{});
        c->add_option("NAME", o.leaving, "Staff member to remove");
        addStaff(*c, m_globals);
    }

    CLI::App* cases = m_line.addGroup(app, "case", "Cases");
    {
        auto [o, c] = m_line.addCommand(*cases, "create", "Create a case from JSON; prints the new case id",
                                        m_chosen, CaseCreateOptions{});
        c->add_option("--json", o.json, "FILE, or - for standard input")->capture_default_str();
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] = m_line.addCommand(*cases, "set", "Set fields of a case", m_chosen, CaseSetOptions{});
        addCaseId(*c, o.id);
        c->add_option("--name", o.name, "Citizen's name");
        c->add_option("--address", o.address, "Address");
        c->add_option("--phone", o.phone, "Phone number");
        c->add_option("--cpr", o.cpr, "CPR number");
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] = m_line.addCommand(*cases, "note", "Add a note to a case", m_chosen, CaseNoteOptions{});
        addCaseId(*c, o.id);
        c->add_option("--text", o.text, "The note")->required();
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] =
            m_line.addCommand(*cases, "status", "Change a case's status", m_chosen, CaseStatusOptions{});
        addCaseId(*c, o.id);
        c->add_option("STATUS", o.status, "The new status")->required();
        c->add_option("--text", o.text, "Why");
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] =
            m_line.addCommand(*cases, "resolve", "Replace every open version of a field with one value",
                              m_chosen, CaseResolveOptions{});
        addCaseId(*c, o.id);
        c->add_option("--field", o.field, "name, address, phone or cpr")->required();
        c->add_option("--value", o.value, "The value that replaces them")->required();
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] =
            m_line.addCommand(*cases, "generate", "Realistic sample cases (demo, tests, benchmarks)",
                              m_chosen, CaseGenerateOptions{});
        c->add_option("--count", o.count, "How many")->check(common::wholeNumber(1, kMaxGenerated));
        c->add_option("--seed", o.seed, "Seed of the generator")
            ->check(common::wholeNumber(0, std::numeric_limits<std::int64_t>::max()));
        c->add_option("--batch", o.batch, "Cases per transaction (1: each on its own, as the app saves)")
            ->check(common::wholeNumber(1, kMaxBatch));
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] = m_line.addCommand(*cases, "list", "List cases as JSON", m_chosen, CaseListOptions{});
        addJsonFlag(*c);
        c->add_option("--status", o.status, "Only cases with this status");
        c->add_option("--service", o.service, "Only cases of this service");
        c->add_option("--limit", o.limit, "At most this many")->check(common::wholeNumber(1, kMaxListLimit));
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] = m_line.addCommand(*cases, "show", "Show a case as JSON", m_chosen, CaseShowOptions{});
        addCaseId(*c, o.id);
        addJsonFlag(*c);
        addPurpose(*c, o.purpose);
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] = m_line.addCommand(
            *cases, "receipt", "The citizen's receipt: reference, access code and status page link (JSON)",
            m_chosen, CaseReceiptOptions{});
        addCaseId(*c, o.id);
        addJsonFlag(*c);
        addPurpose(*c, o.purpose);
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] =
            m_line.addCommand(*cases, "find", "Find cases by CPR number", m_chosen, CaseFindOptions{});
        c->add_option("--cpr", o.cpr, "CPR number")->required();
        addJsonFlag(*c);
        addPurpose(*c, o.purpose);
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] =
            m_line.addCommand(*cases, "attach", "Attach a file to a case", m_chosen, CaseAttachOptions{});
        addCaseId(*c, o.id);
        c->add_option("--file", o.file, "The file")->required();
        c->add_option("--type", o.type, "image/png, image/jpeg or application/pdf")->required();
        c->add_option("--name", o.name, "Name shown for it (default: the file's name)");
        c->add_option("--kind", o.kind, "file or signature")->capture_default_str();
        addStaff(*c, m_globals);
    }
    {
        auto [o, c] = m_line.addCommand(*cases, "attachment",
                                        "Write an attachment, decrypted, to a new file "
                                        "(mode 0600)",
                                        m_chosen, CaseAttachmentOptions{});
        addCaseId(*c, o.id);
        c->add_option("ATTACHMENT_ID", o.attachmentId, "Attachment id (32 hexadecimal characters)")
            ->required();
        c->add_option("--out", o.out, "File to write")->required();
        addPurpose(*c, o.purpose);
        addStaff(*c, m_globals);
    }

    CLI::App* contact = m_line.addGroup(app, "contact", "Contacts");
    {
        auto [o, c] =
            m_line.addCommand(*contact, "add", "Register a contact from JSON", m_chosen, ContactAddOptions{});
        c->add_option("--json", o.json, "FILE, or - for standard input")->capture_default_str();
        addStaff(*c, m_globals);
    }

    addStaff(
        *m_line.addCommand(app, "verify", "Check the store's integrity", m_chosen, VerifyOptions{}).second,
        m_globals);
    {
        auto [o, c] = m_line.addCommand(app, "wipe",
                                        "Have the center revoke the device (through fieldkit-syncd, "
                                        "when it can be reached), destroy the keys, then delete "
                                        "the store (no PIN)",
                                        m_chosen, WipeOptions{});
        c->add_flag("--confirm", o.confirm, "Yes, destroy every case on this device");
        c->add_option("--hub", o.hub, "HOST:PORT of the center, instead of the enrolled one");
    }
    {
        auto [o, c] = m_line.addCommand(app, "purge", "Delete resolved cases older than some hours", m_chosen,
                                        PurgeOptions{});
        c->add_option("--older-than", o.olderThanHours, "Hours")
            ->required()
            ->check(common::decimalNumber(0, kMaxPurgeHours));
        addStaff(*c, m_globals);
    }
    m_line.addCommand(app, "device-id", "Print the device id", m_chosen, DeviceIdOptions{});
    m_line.addCommand(app, "device-info", "Device id, box public key and unit as JSON (for enrolment)",
                      m_chosen, DeviceInfoOptions{});
    addJsonFlag(
        *m_line.addCommand(app, "sync-status", "Sync queue position as JSON", m_chosen, SyncStatusOptions{})
             .second);

    CLI::App* profile = m_line.addGroup(app, "profile", "Hardware profiles");
    {
        auto [o, c] =
            m_line.addCommand(*profile, "check", "Check a profile file", m_chosen, ProfileCheckOptions{});
        c->add_option("FILE", o.file, "The profile file")->required();
    }
    {
        auto [o, c] = m_line.addCommand(*profile, "show", "Show the profile this machine would use", m_chosen,
                                        ProfileShowOptions{});
        c->add_option("--profile", o.profile, "Profile name (instead of FIELDKIT_PROFILE or the DMI name)");
    }
}

std::variant<int, CtlInvocation> CtlCommandLine::parse(int argc, const char* const* argv, std::ostream& out,
                                                       std::ostream& err) {
    if (auto status = m_line.parse(argc, argv, out, err)) {
        return *status;
    }
    return CtlInvocation{m_globals, m_chosen.value()};
}

} // namespace fieldkit::ctl
