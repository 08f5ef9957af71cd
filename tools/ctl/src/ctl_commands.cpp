#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/files.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/crypto/runtime.hpp>
#include <fieldkit/ctl/case_json.hpp>
#include <fieldkit/ctl/ctl_commands.hpp>
#include <fieldkit/hw/dmi_product_name.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/hw/profile_json.hpp>
#include <fieldkit/hw/profile_selection.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <fieldkit/store/wipe.hpp>
#include <fieldkit/version.hpp>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>

namespace fieldkit::ctl {
namespace {

constexpr const char* kUsage = R"(usage: fieldkit-ctl --data DIR COMMAND ...
  init --staff NAME [--unit UNIT] [--standalone] [--kdf-ms MS]   PIN from FIELDKIT_PIN (or standard input)
  staff add --name NAME [--staff YOU]                            FIELDKIT_PIN unlocks, FIELDKIT_NEW_PIN is theirs
  staff list
  staff pin [--staff YOU]                                        FIELDKIT_PIN is yours, FIELDKIT_NEW_PIN replaces it
  staff remove NAME [--staff YOU]                                FIELDKIT_PIN unlocks; the last key is never removed
  case create --json FILE|-        prints the new case id
  case set ID [--name T] [--address T] [--phone T] [--cpr T]
  case note ID --text T
  case status ID STATUS [--text WHY]
  case resolve ID --field name|address|phone|cpr --value V   replaces every open version
  case generate --count N [--seed S] [--batch B]   realistic sample cases (demo, tests, benchmarks);
                                   B cases per transaction (1: each on its own, as the app saves)
  case list --json [--status S] [--service S] [--limit N]
  case show ID --json [--purpose TEXT]
  case find --cpr CPR --json [--purpose TEXT]
  case attach ID --file F --type image/png|image/jpeg|application/pdf [--name N] [--kind file|signature]
  case attachment ID ATTACHMENT_ID --out F [--purpose TEXT]   writes the decrypted file (mode 0600)
  contact add --json FILE|-
  verify
  wipe --confirm [--hub HOST:PORT] has the center revoke the device (through fieldkit-syncd, when it can be
                                   reached), destroys the keys, then deletes the store (no PIN)
  purge --older-than HOURS
  device-id
  device-info                      device id, box public key and unit (for enrolment)
  sync-status --json
fieldkit-ctl profile check FILE
fieldkit-ctl profile show [--profile NAME]
fieldkit-ctl --version
Every command that reads personal data unlocks with a staff PIN (FIELDKIT_PIN, or standard input); --staff
names the staff member when the device has several.
)";

constexpr const char* kDefaultPurpose = "administration (fieldkit-ctl)";
constexpr std::int64_t kMaxListLimit = 1000000;
constexpr double kMaxPurgeHours = 100.0 * 366 * 24;

/** A whole regular file (a folder, a device or a missing file is an error, never an exception). */
Result<std::string> readRegularFile(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        return makeError("missing_file", "Cannot read " + path + ": it is not a regular file.");
    }
    std::ifstream file(path, std::ios::binary);
    std::ostringstream content;
    if (!file || !(content << file.rdbuf())) {
        return makeError("missing_file", "Cannot read " + path + ".");
    }
    return content.str();
}

/** Fails the command with one sentence. */
struct Failure {
    Error error;
};

class Command {
public:
    Command(const common::Args& args, CtlEnvironment& env)
        : m_args(args)
        , m_env(env) {}

    int fail(const Error& e) const {
        m_env.err << "fieldkit-ctl: " << e.message << '\n';
        return 1;
    }

    [[nodiscard]] std::string dataDir() const { return m_args.option("data").value_or(""); }

    Result<std::unique_ptr<store::DeviceStore>> openStore() const {
        if (dataDir().empty()) {
            return makeError("missing_option", "The option --data DIR is required.");
        }
        return store::DeviceStore::open(store::DeviceStore::fileIn(dataDir()));
    }

    Result<std::string> pin(const char* variable, const char* prompt) const {
        if (auto value = m_env.getenv(variable); value && !value->empty()) {
            return *value;
        }
        m_env.err << prompt << std::flush;
        std::string line;
        if (!std::getline(m_env.in, line) || line.empty()) {
            return makeError("missing_pin", std::string("No PIN given (set ") + variable + " or type it).");
        }
        return line;
    }

    Result<std::unique_ptr<store::Session>> unlock(store::DeviceStore& s) const {
        std::string staff = m_args.option("staff").value_or("");
        if (staff.empty()) {
            auto slots = s.staff();
            if (!slots) {
                return slots.error();
            }
            if (slots->size() != 1) {
                return makeError("which_staff",
                                 "Several staff members have keys here; say which with --staff NAME.");
            }
            staff = slots->front().name;
        }
        auto p = pin("FIELDKIT_PIN", "PIN: ");
        if (!p) {
            return p.error();
        }
        return s.unlock(staff, *p);
    }

    /** `--json` is a flag (`case list --json`), so in `case create --json FILE|-` the file is the next word.
     */
    [[nodiscard]] std::string jsonSource() const {
        const std::string word = m_args.word(2);
        return word.empty() ? "-" : word;
    }

    Result<std::string> readInput(const std::string& source) const {
        if (source == "-") {
            std::ostringstream s;
            s << m_env.in.rdbuf();
            return s.str();
        }
        return readRegularFile(source);
    }

    Result<crypto::KdfParams> kdfParams() const {
        auto ms = m_args.integer("kdf-ms", 1, 60000, 1000);
        if (!ms) {
            return ms.error();
        }
        return crypto::calibrateKdf(static_cast<std::uint32_t>(*ms));
    }

    int init() const {
        auto staff = m_args.required("staff");
        if (!staff) {
            return fail(staff.error());
        }
        if (dataDir().empty()) {
            return fail(makeError("missing_option", "The option --data DIR is required."));
        }
        auto p = pin("FIELDKIT_PIN", "PIN for the first staff member: ");
        auto kdf = kdfParams();
        if (!p || !kdf) {
            return fail(!p ? p.error() : kdf.error());
        }
        std::error_code ec;
        std::filesystem::create_directories(dataDir(), ec);
        std::filesystem::permissions(dataDir(), std::filesystem::perms::owner_all, ec);
        auto created = store::DeviceStore::create(
            store::DeviceStore::fileIn(dataDir()),
            {*staff, *p, *kdf, m_args.option("unit").value_or("bike-07"), m_args.flag("standalone")});
        if (!created) {
            return fail(created.error());
        }
        m_env.out << "store created for device " << (*created)->deviceId() << " (Argon2id "
                  << kdf->memlimit / (1024 * 1024) << " MiB, " << kdf->opslimit << " passes)\n";
        return 0;
    }

    int staffCommand() const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        if (m_args.word(1) == "list") {
            auto slots = (*s)->staff();
            if (!slots) {
                return fail(slots.error());
            }
            for (const auto& slot : *slots) {
                m_env.out << slot.name << (slot.disabled ? " (disabled)" : "") << '\n';
            }
            return 0;
        }
        const std::string sub = m_args.word(1);
        if (sub != "add" && sub != "pin" && sub != "remove") {
            m_env.err << kUsage;
            return 2;
        }
        if (sub == "pin") {
            // The staff member's own PIN unlocks (FIELDKIT_PIN); the new one replaces it in their key slot.
            auto session = unlock(**s);
            if (!session) {
                return fail(session.error());
            }
            auto oldPin = pin("FIELDKIT_PIN", "Current PIN: ");
            auto newPin = pin("FIELDKIT_NEW_PIN", "New PIN: ");
            auto kdf = kdfParams();
            if (!oldPin || !newPin || !kdf) {
                return fail(!oldPin ? oldPin.error() : !newPin ? newPin.error() : kdf.error());
            }
            if (auto st = (*session)->changePin(*oldPin, *newPin, *kdf); !st) {
                return fail(st.error());
            }
            m_env.out << "PIN changed\n";
            return 0;
        }
        if (sub == "remove") {
            const std::string leaving = m_args.word(2);
            if (leaving.empty()) {
                return fail(makeError("missing_name", "Name the staff member to remove: staff remove NAME."));
            }
            auto session = unlock(**s);
            if (!session) {
                return fail(session.error());
            }
            if (auto st = (*session)->removeStaff(leaving); !st) {
                return fail(st.error());
            }
            m_env.out << "staff member " << leaving << " removed: their PIN opens nothing here any more\n";
            return 0;
        }
        auto name = m_args.required("name");
        if (!name) {
            return fail(name.error());
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        auto newPin = pin("FIELDKIT_NEW_PIN", "PIN for the new staff member: ");
        auto kdf = kdfParams();
        if (!newPin || !kdf) {
            return fail(!newPin ? newPin.error() : kdf.error());
        }
        if (auto st = (*session)->addStaff(*name, *newPin, *kdf); !st) {
            return fail(st.error());
        }
        m_env.out << "staff member " << *name << " added\n";
        return 0;
    }

    int caseCommand() const {
        const std::string sub = m_args.word(1);
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        store::Session& work = **session;
        const std::string purpose = m_args.option("purpose").value_or(kDefaultPurpose);
        if (sub == "create") {
            auto input = readInput(jsonSource());
            if (!input) {
                return fail(input.error());
            }
            auto parsed = parseNewCase(*input);
            if (!parsed) {
                return fail(parsed.error());
            }
            auto created = work.createCase(*parsed);
            if (!created) {
                return fail(created.error());
            }
            if (created->cprFailsModulus11) {
                m_env.err
                    << "fieldkit-ctl: note: the CPR number fails the modulus-11 check; numbers issued since "
                       "2007 may, so it was accepted.\n";
            }
            m_env.out << created->id.toHex() << '\n';
            return 0;
        }
        if (sub == "generate") {
            return generate(work);
        }
        if (sub == "set" || sub == "note" || sub == "status" || sub == "resolve") {
            return editCase(work, sub);
        }
        if (sub == "list") {
            store::CaseFilter filter;
            auto limit = m_args.integer("limit", 1, kMaxListLimit, 1000);
            if (!limit) {
                return fail(limit.error());
            }
            filter.limit = static_cast<int>(*limit);
            filter.service = m_args.option("service").value_or("");
            if (auto status = m_args.option("status")) {
                auto parsed = core::caseStatusFromString(*status);
                if (!parsed) {
                    return fail(parsed.error());
                }
                filter.status = *parsed;
            }
            auto cases = work.listCases(filter);
            if (!cases) {
                return fail(cases.error());
            }
            m_env.out << summariesToJson(*cases) << '\n';
            return 0;
        }
        if (sub == "show") {
            auto id = core::CaseId::fromHex(m_args.word(2));
            if (!id) {
                return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
            }
            auto details = work.openCase(*id, purpose);
            if (!details) {
                return fail(details.error());
            }
            m_env.out << detailsToJson(*details) << '\n';
            return 0;
        }
        if (sub == "attach") {
            return attach(work);
        }
        if (sub == "attachment") {
            return readAttachment(work, purpose);
        }
        if (sub == "find") {
            auto cpr = m_args.required("cpr");
            if (!cpr) {
                return fail(cpr.error());
            }
            auto found = work.findByCpr(*cpr, purpose);
            if (!found) {
                return fail(found.error());
            }
            m_env.out << summariesToJson(*found) << '\n';
            return 0;
        }
        m_env.err << kUsage;
        return 2;
    }

    int attach(store::Session& work) const {
        auto id = core::CaseId::fromHex(m_args.word(2));
        if (!id) {
            return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
        }
        auto file = m_args.required("file");
        auto type = m_args.required("type");
        if (!file || !type) {
            return fail(!file ? file.error() : type.error());
        }
        auto content = readRegularFile(*file);
        if (!content) {
            return fail(content.error());
        }
        store::NewAttachment input;
        input.bytes.assign(content->begin(), content->end());
        input.mediaType = *type;
        input.kind = m_args.option("kind").value_or("file");
        input.displayName = m_args.option("name").value_or(std::filesystem::path(*file).filename().string());
        auto attached = work.attachFile(*id, input);
        if (!attached) {
            return fail(attached.error());
        }
        m_env.out << attached->id.toHex() << '\n';
        return 0;
    }

    int readAttachment(store::Session& work, const std::string& purpose) const {
        auto id = core::CaseId::fromHex(m_args.word(2));
        auto attachment = store::AttachmentId::fromHex(m_args.word(3));
        if (!id || !attachment) {
            return fail(makeError(
                "bad_case_id", "Give the case id and the attachment id as 32 hexadecimal characters each."));
        }
        auto out = m_args.required("out");
        if (!out) {
            return fail(out.error());
        }
        auto bytes = work.readAttachment(*id, *attachment, purpose);
        if (!bytes) {
            return fail(bytes.error());
        }
        // Personal data leaves the store here: readable by the owner only, written to a fresh file (never one
        // or a symlink that was already there), and no half-written file.
        const std::string_view content(reinterpret_cast<const char*>(bytes->data()), bytes->size());
        if (auto st = common::writeFileAtomic(*out, content, true); !st) {
            return fail(st.error());
        }
        return 0;
    }

    int wipe() const {
        if (dataDir().empty()) {
            return fail(makeError("missing_option", "The option --data DIR is required."));
        }
        if (!m_args.flag("confirm")) {
            return fail(makeError("not_confirmed",
                                  "Wiping destroys every case on this device for good; add --confirm."));
        }
        // The center first, while the identity that proves who is asking still exists: it revokes the device,
        // so a copy of the identity cannot connect either. The wipe goes on whatever the answer.
        std::string center = "the device was not enrolled with a center";
        auto config = common::loadDeviceSyncConfig(dataDir());
        if (!config && config.error().code != "not_enrolled") {
            center = "the center could not be told (" + config.error().message + ")";
        } else if (config) {
            if (!m_env.retire) {
                center = "the center was not told; ask IT to revoke device " + config->deviceId;
            } else if (auto retired = m_env.retire(dataDir(), m_args.option("hub")); retired) {
                center = "the center revoked device " + config->deviceId;
            } else {
                center = "the center could not be told (" + retired.error().message +
                         "); ask IT to revoke device " + config->deviceId;
            }
        }
        if (auto st = store::wipeStore(dataDir()); !st) {
            return fail(st.error());
        }
        // The sync identity too: with it anyone could still connect as this device and pull its feed.
        if (auto st = common::deleteSyncIdentity(dataDir()); !st) {
            return fail(st.error());
        }
        m_env.out << "store wiped: keys destroyed, files and sync identity deleted; " << center << "\n";
        return 0;
    }

    int editCase(store::Session& work, const std::string& sub) const {
        auto id = core::CaseId::fromHex(m_args.word(2));
        if (!id) {
            return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
        }
        Status done;
        if (sub == "set") {
            std::vector<crypto::FieldValue> values;
            for (const auto& [option, field] :
                 {std::pair{"name", core::fields::kName}, std::pair{"address", core::fields::kAddress},
                  std::pair{"phone", core::fields::kPhone}, std::pair{"cpr", core::fields::kCpr}}) {
                if (auto value = m_args.option(option)) {
                    values.push_back({field.value, *value});
                }
            }
            done = work.setFields(*id, values);
        } else if (sub == "resolve") {
            // The conflict view of a script: the given value replaces every version of the field now open.
            const std::map<std::string, core::FieldId> names = {{"name", core::fields::kName},
                                                                {"address", core::fields::kAddress},
                                                                {"phone", core::fields::kPhone},
                                                                {"cpr", core::fields::kCpr}};
            const auto field = names.find(m_args.option("field").value_or(""));
            if (field == names.end()) {
                return fail(makeError("bad_option", "--field must be name, address, phone or cpr."));
            }
            auto details = work.openCase(*id, "resolving a conflict");
            if (!details) {
                return fail(details.error());
            }
            std::vector<store::VersionRef> closes;
            if (const auto it = details->registers.find(field->second.value);
                it != details->registers.end()) {
                for (const auto& version : it->second) {
                    closes.push_back({version.deviceId, version.deviceSeq});
                }
            }
            done = work.resolveField(*id, field->second.value, m_args.option("value").value_or(""), closes);
        } else if (sub == "note") {
            done = work.appendNote(*id, m_args.option("text").value_or(""));
        } else {
            auto to = core::caseStatusFromString(m_args.word(3));
            if (!to) {
                return fail(to.error());
            }
            done = work.changeStatus(*id, *to, m_args.option("text").value_or(""));
        }
        if (!done) {
            return fail(done.error());
        }
        m_env.out << "saved\n";
        return 0;
    }

    int generate(store::Session& work) const {
        auto count = m_args.integer("count", 1, 1000000, 10);
        auto seed = m_args.integer("seed", 0, std::numeric_limits<std::int64_t>::max(), 1);
        auto batch = m_args.integer("batch", 1, 10000, 1);
        if (!count || !seed || !batch) {
            return fail(!count ? count.error() : !seed ? seed.error() : batch.error());
        }
        casegen::CaseGenerator generator(static_cast<std::uint64_t>(*seed));
        std::vector<store::NewCase> pending;
        const auto flush = [&]() -> int {
            if (pending.empty()) {
                return 0;
            }
            auto created = work.createCases(pending);
            pending.clear();
            if (!created) {
                return fail(created.error());
            }
            // Printed only after the commit: every id printed is durably stored.
            for (const auto& c : *created) {
                m_env.out << c.id.toHex() << '\n';
            }
            m_env.out.flush();
            return 0;
        };
        for (std::int64_t i = 0; i < *count; ++i) {
            const auto g = generator.next();
            store::NewCase c{g.service, g.channel, {g.cpr, g.name, g.address, g.phone}, g.notes, {}};
            std::uint16_t item = 1;
            for (const auto& [question, answer] : g.checklist) {
                c.checklist.emplace_back(item++, question + ": " + answer);
            }
            pending.push_back(std::move(c));
            if (static_cast<std::int64_t>(pending.size()) >= *batch) {
                if (const int rc = flush(); rc != 0) {
                    return rc;
                }
            }
        }
        return flush();
    }

    int contactCommand() const {
        if (m_args.word(1) != "add") {
            m_env.err << kUsage;
            return 2;
        }
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto input = readInput(jsonSource());
        if (!input) {
            return fail(input.error());
        }
        auto contact = parseContact(*input);
        if (!contact) {
            return fail(contact.error());
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        if (auto st = (*session)->registerContact(*contact); !st) {
            return fail(st.error());
        }
        m_env.out << "contact registered\n";
        return 0;
    }

    int verify() const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        auto report = (*session)->verify();
        if (!report) {
            return fail(report.error());
        }
        for (const auto& problem : report->problems) {
            m_env.err << "fieldkit-ctl: verify: " << problem << '\n';
        }
        m_env.out << "verified " << report->cases << " cases, " << report->operations << " operations, "
                  << report->auditEntries
                  << " audit entries: " << (report->problems.empty() ? "ok" : "PROBLEMS") << '\n';
        return report->problems.empty() ? 0 : 1;
    }

    int purge() const {
        if (auto hours = m_args.required("older-than"); !hours) {
            return fail(hours.error());
        }
        // Bounded (a century) so the conversion to milliseconds is exact and cannot overflow.
        auto h = m_args.decimal("older-than", 0, kMaxPurgeHours, 0);
        if (!h) {
            return fail(h.error());
        }
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        auto purged = (*session)->purge(static_cast<std::int64_t>(*h * 3600 * 1000));
        if (!purged) {
            return fail(purged.error());
        }
        m_env.out << "purged " << *purged << " cases\n";
        return 0;
    }

    int deviceId() const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        m_env.out << (*s)->deviceId() << '\n';
        return 0;
    }

    /** What enrolment needs from the device: its id and the public key the unit key gets sealed to. */
    int deviceInfo() const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto box = (*s)->boxPublicKey();
        if (!box) {
            return fail(box.error());
        }
        m_env.out << R"({"device_id":")" << (*s)->deviceId() << R"(","box_public_key":")"
                  << crypto::toHex(*box) << R"(","unit":")" << (*s)->unit() << "\"}\n";
        return 0;
    }

    int syncStatus() const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto position = store::SyncQueue(**s).position();
        if (!position) {
            return fail(position.error());
        }
        m_env.out << R"({"pending_ops":)" << position->pendingOps << R"(,"oldest_pending_ms":)"
                  << position->oldestPendingMs << R"(,"pull_cursor":)" << position->pullCursor
                  << R"(,"last_acked_device_seq":)" << position->lastAckedDeviceSeq << "}\n";
        return 0;
    }

    int profile() const {
        if (m_args.word(1) == "check") {
            auto loaded = hw::loadProfileFile(m_args.word(2));
            if (!loaded) {
                return fail(loaded.error());
            }
            m_env.out << "profile " << loaded->name << " is valid\n";
            return 0;
        }
        if (m_args.word(1) == "show") {
            const auto dir = hw::resolveProfilesDir(m_env.getenv("FIELDKIT_PROFILES_DIR").value_or(""));
            auto all = hw::loadAllProfiles(dir);
            if (!all) {
                return fail(all.error());
            }
            const auto dmi = hw::readDmiProductName();
            const auto selection =
                hw::selectProfile(m_args.option("profile").value_or(""),
                                  m_env.getenv("FIELDKIT_PROFILE").value_or(""), dmi, *all);
            auto chosen = hw::loadNamedProfile(selection.name, dir);
            if (!chosen) {
                return fail(chosen.error());
            }
            m_env.err << "fieldkit-ctl: " << selection.reason << '\n';
            m_env.out << hw::profileToJson(*chosen) << '\n';
            return 0;
        }
        m_env.err << kUsage;
        return 2;
    }

private:
    const common::Args& m_args;
    CtlEnvironment& m_env;
};

} // namespace

int runCtlCommand(const common::Args& args, CtlEnvironment& env) {
    if (auto st = args.allowOnly({"data",    "staff", "standalone", "unit",    "kdf-ms",  "name",
                                  "json",    "count", "seed",       "status",  "service", "limit",
                                  "purpose", "cpr",   "older-than", "profile", "version", "help",
                                  "address", "phone", "text",       "field",   "value",   "file",
                                  "type",    "out",   "kind",       "confirm", "hub",     "batch"});
        !st) {
        env.err << "fieldkit-ctl: " << st.error().message << '\n' << kUsage;
        return 2;
    }
    if (args.flag("version")) {
        env.out << "fieldkit-ctl " << kVersion << '\n';
        return 0;
    }
    if (auto st = crypto::initCrypto(); !st) {
        env.err << "fieldkit-ctl: " << st.error().message << '\n';
        return 1;
    }
    Command command(args, env);
    const std::string word = args.word(0);
    if (word == "init") {
        return command.init();
    }
    if (word == "staff") {
        return command.staffCommand();
    }
    if (word == "case") {
        return command.caseCommand();
    }
    if (word == "contact") {
        return command.contactCommand();
    }
    if (word == "verify") {
        return command.verify();
    }
    if (word == "wipe") {
        return command.wipe();
    }
    if (word == "purge") {
        return command.purge();
    }
    if (word == "device-id") {
        return command.deviceId();
    }
    if (word == "device-info") {
        return command.deviceInfo();
    }
    if (word == "sync-status") {
        return command.syncStatus();
    }
    if (word == "profile") {
        return command.profile();
    }
    env.err << kUsage;
    return args.flag("help") ? 0 : 2;
}

} // namespace fieldkit::ctl
