#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/files.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/crypto/runtime.hpp>
#include <fieldkit/ctl/case_json.hpp>
#include <fieldkit/ctl/ctl_command_line.hpp>
#include <fieldkit/ctl/ctl_commands.hpp>
#include <fieldkit/hw/dmi_product_name.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/hw/profile_json.hpp>
#include <fieldkit/hw/profile_selection.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <fieldkit/store/wipe.hpp>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>

namespace fieldkit::ctl {
namespace {

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

/** Runs one command, given with its options; a std::visit visitor over CtlCommand. */
class Command {
public:
    Command(CtlGlobals globals, CtlEnvironment& env)
        : m_globals(std::move(globals))
        , m_env(env) {}

    int fail(const Error& e) const {
        m_env.err << "fieldkit-ctl: " << e.message << '\n';
        return 1;
    }

    [[nodiscard]] const std::string& dataDir() const { return m_globals.data; }

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
        std::string staff = m_globals.staff;
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

    Result<std::string> readInput(const std::string& source) const {
        if (source == "-") {
            std::ostringstream s;
            s << m_env.in.rdbuf();
            return s.str();
        }
        return readRegularFile(source);
    }

    static Result<crypto::KdfParams> kdfParams(std::int64_t ms) {
        return crypto::calibrateKdf(static_cast<std::uint32_t>(ms));
    }

    /** Opens and unlocks the store, then runs `work` in the session. */
    int inSession(const std::function<int(store::Session&)>& work) const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        const int status = work(**session);
        // Citizen views of the cases this command changed or looked at (issue 18), sealed before the store
        // closes so the daemon's next push carries them.
        if (auto sealed = (*session)->publishCitizenViews(); !sealed) {
            m_env.err << "fieldkit-ctl: citizen views not sealed yet: " << sealed.error().message << '\n';
        }
        return status;
    }

    int operator()(const InitOptions& o) const {
        if (dataDir().empty()) {
            return fail(makeError("missing_option", "The option --data DIR is required."));
        }
        auto p = pin("FIELDKIT_PIN", "PIN for the first staff member: ");
        auto kdf = kdfParams(o.kdfMs);
        if (!p || !kdf) {
            return fail(!p ? p.error() : kdf.error());
        }
        std::error_code ec;
        std::filesystem::create_directories(dataDir(), ec);
        std::filesystem::permissions(dataDir(), std::filesystem::perms::owner_all, ec);
        auto created = store::DeviceStore::create(store::DeviceStore::fileIn(dataDir()),
                                                  {o.staff, *p, *kdf, o.unit, o.standalone});
        if (!created) {
            return fail(created.error());
        }
        m_env.out << "store created for device " << (*created)->deviceId() << " (Argon2id "
                  << kdf->memlimit / (1024 * 1024) << " MiB, " << kdf->opslimit << " passes)\n";
        return 0;
    }

    int operator()(const StaffListOptions&) const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto slots = (*s)->staff();
        if (!slots) {
            return fail(slots.error());
        }
        for (const auto& slot : *slots) {
            m_env.out << slot.name << (slot.disabled ? " (disabled)" : "") << '\n';
        }
        return 0;
    }

    int operator()(const StaffPinOptions& o) const {
        // The staff member's own PIN unlocks (FIELDKIT_PIN); the new one replaces it in their key slot.
        return inSession([&](store::Session& session) {
            auto oldPin = pin("FIELDKIT_PIN", "Current PIN: ");
            auto newPin = pin("FIELDKIT_NEW_PIN", "New PIN: ");
            auto kdf = kdfParams(o.kdfMs);
            if (!oldPin || !newPin || !kdf) {
                return fail(!oldPin ? oldPin.error() : !newPin ? newPin.error() : kdf.error());
            }
            if (auto st = session.changePin(*oldPin, *newPin, *kdf); !st) {
                return fail(st.error());
            }
            m_env.out << "PIN changed\n";
            return 0;
        });
    }

    int operator()(const StaffRemoveOptions& o) const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        if (o.leaving.empty()) {
            return fail(makeError("missing_name", "Name the staff member to remove: staff remove NAME."));
        }
        auto session = unlock(**s);
        if (!session) {
            return fail(session.error());
        }
        if (auto st = (*session)->removeStaff(o.leaving); !st) {
            return fail(st.error());
        }
        m_env.out << "staff member " << o.leaving << " removed: their PIN opens nothing here any more\n";
        return 0;
    }

    int operator()(const StaffAddOptions& o) const {
        return inSession([&](store::Session& session) {
            auto newPin = pin("FIELDKIT_NEW_PIN", "PIN for the new staff member: ");
            auto kdf = kdfParams(o.kdfMs);
            if (!newPin || !kdf) {
                return fail(!newPin ? newPin.error() : kdf.error());
            }
            if (auto st = session.addStaff(o.name, *newPin, *kdf); !st) {
                return fail(st.error());
            }
            m_env.out << "staff member " << o.name << " added\n";
            return 0;
        });
    }

    int operator()(const CaseCreateOptions& o) const {
        return inSession([&](store::Session& work) {
            auto input = readInput(o.json);
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
        });
    }

    int operator()(const CaseListOptions& o) const {
        return inSession([&](store::Session& work) {
            store::CaseFilter filter;
            filter.limit = static_cast<int>(o.limit);
            filter.service = o.service;
            if (o.status) {
                auto parsed = core::caseStatusFromString(*o.status);
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
        });
    }

    int operator()(const CaseShowOptions& o) const {
        return inSession([&](store::Session& work) {
            auto id = core::CaseId::fromHex(o.id);
            if (!id) {
                return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
            }
            auto details = work.openCase(*id, o.purpose);
            if (!details) {
                return fail(details.error());
            }
            m_env.out << detailsToJson(*details) << '\n';
            return 0;
        });
    }

    int operator()(const CaseReceiptOptions& o) const {
        return inSession([&](store::Session& work) {
            auto id = core::CaseId::fromHex(o.id);
            if (!id) {
                return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
            }
            auto receipt = work.citizenReceipt(*id, o.purpose);
            if (!receipt) {
                return fail(receipt.error());
            }
            if (!*receipt) {
                return fail(makeError("no_receipt", "The case was made before receipts existed."));
            }
            // Crockford base32 only: nothing to escape. The QR code's link carries the code in the fragment,
            // which browsers never send to the server.
            const auto& r = **receipt;
            m_env.out << "{\"reference\":\"" << crypto::displayCitizenReference(r.reference)
                      << "\",\"code\":\"" << crypto::displayCitizenCode(r.code)
                      << "\",\"fragment\":\"#r=" << r.reference << "&c=" << r.code << "\"}\n";
            return 0;
        });
    }

    int operator()(const CaseFindOptions& o) const {
        return inSession([&](store::Session& work) {
            auto found = work.findByCpr(o.cpr, o.purpose);
            if (!found) {
                return fail(found.error());
            }
            m_env.out << summariesToJson(*found) << '\n';
            return 0;
        });
    }

    int operator()(const CaseAttachOptions& o) const {
        return inSession([&](store::Session& work) {
            auto id = core::CaseId::fromHex(o.id);
            if (!id) {
                return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
            }
            auto content = readRegularFile(o.file);
            if (!content) {
                return fail(content.error());
            }
            store::NewAttachment input;
            input.bytes.assign(content->begin(), content->end());
            input.mediaType = o.type;
            input.kind = o.kind;
            input.displayName = o.name.value_or(std::filesystem::path(o.file).filename().string());
            auto attached = work.attachFile(*id, input);
            if (!attached) {
                return fail(attached.error());
            }
            m_env.out << attached->id.toHex() << '\n';
            return 0;
        });
    }

    int operator()(const CaseAttachmentOptions& o) const {
        return inSession([&](store::Session& work) {
            auto id = core::CaseId::fromHex(o.id);
            auto attachment = store::AttachmentId::fromHex(o.attachmentId);
            if (!id || !attachment) {
                return fail(
                    makeError("bad_case_id",
                              "Give the case id and the attachment id as 32 hexadecimal characters each."));
            }
            auto bytes = work.readAttachment(*id, *attachment, o.purpose);
            if (!bytes) {
                return fail(bytes.error());
            }
            // Personal data leaves the store here: readable by the owner only, written to a fresh file (never
            // one or a symlink that was already there), and no half-written file.
            const std::string_view content(reinterpret_cast<const char*>(bytes->data()), bytes->size());
            if (auto st = common::writeFileAtomic(o.out, content, true); !st) {
                return fail(st.error());
            }
            return 0;
        });
    }

    int operator()(const WipeOptions& o) const {
        if (dataDir().empty()) {
            return fail(makeError("missing_option", "The option --data DIR is required."));
        }
        if (!o.confirm) {
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
            } else if (auto retired = m_env.retire(dataDir(), o.hub); retired) {
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

    /** Case edits: each prints "saved" once the store took it. */
    int edit(const std::string& caseId,
             const std::function<Status(store::Session&, const core::CaseId&)>& change) const {
        return inSession([&](store::Session& work) {
            auto id = core::CaseId::fromHex(caseId);
            if (!id) {
                return fail(makeError("bad_case_id", "Give the case id as 32 hexadecimal characters."));
            }
            if (auto done = change(work, *id); !done) {
                return fail(done.error());
            }
            m_env.out << "saved\n";
            return 0;
        });
    }

    int operator()(const CaseSetOptions& o) const {
        return edit(o.id, [&](store::Session& work, const core::CaseId& id) {
            std::vector<crypto::FieldValue> values;
            for (const auto& [option, field] :
                 {std::pair{&o.name, core::fields::kName}, std::pair{&o.address, core::fields::kAddress},
                  std::pair{&o.phone, core::fields::kPhone}, std::pair{&o.cpr, core::fields::kCpr}}) {
                if (*option) {
                    values.push_back({field.value, **option});
                }
            }
            return work.setFields(id, values);
        });
    }

    int operator()(const CaseResolveOptions& o) const {
        // The conflict view of a script: the given value replaces every version of the field now open.
        const std::map<std::string, core::FieldId> names = {{"name", core::fields::kName},
                                                            {"address", core::fields::kAddress},
                                                            {"phone", core::fields::kPhone},
                                                            {"cpr", core::fields::kCpr}};
        const auto field = names.find(o.field);
        return edit(o.id, [&](store::Session& work, const core::CaseId& id) -> Status {
            if (field == names.end()) {
                return makeError("bad_option", "--field must be name, address, phone or cpr.");
            }
            auto details = work.openCase(id, "resolving a conflict");
            if (!details) {
                return details.error();
            }
            std::vector<store::VersionRef> closes;
            if (const auto it = details->registers.find(field->second.value);
                it != details->registers.end()) {
                for (const auto& version : it->second) {
                    closes.push_back({version.deviceId, version.deviceSeq});
                }
            }
            return work.resolveField(id, field->second.value, o.value, closes);
        });
    }

    int operator()(const CaseNoteOptions& o) const {
        return edit(
            o.id, [&](store::Session& work, const core::CaseId& id) { return work.appendNote(id, o.text); });
    }

    int operator()(const CaseStatusOptions& o) const {
        return edit(o.id, [&](store::Session& work, const core::CaseId& id) -> Status {
            auto to = core::caseStatusFromString(o.status);
            if (!to) {
                return to.error();
            }
            return work.changeStatus(id, *to, o.text);
        });
    }

    int operator()(const CaseGenerateOptions& o) const {
        return inSession([&](store::Session& work) {
            casegen::CaseGenerator generator(static_cast<std::uint64_t>(o.seed));
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
            for (std::int64_t i = 0; i < o.count; ++i) {
                const auto g = generator.next();
                store::NewCase c{g.service, g.channel, {g.cpr, g.name, g.address, g.phone}, g.notes, {}};
                std::uint16_t item = 1;
                for (const auto& [question, answer] : g.checklist) {
                    c.checklist.emplace_back(item++, question + ": " + answer);
                }
                pending.push_back(std::move(c));
                if (static_cast<std::int64_t>(pending.size()) >= o.batch) {
                    if (const int rc = flush(); rc != 0) {
                        return rc;
                    }
                }
            }
            return flush();
        });
    }

    int operator()(const ContactAddOptions& o) const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        auto input = readInput(o.json);
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

    int operator()(const VerifyOptions&) const {
        return inSession([&](store::Session& session) {
            auto report = session.verify();
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
        });
    }

    int operator()(const PurgeOptions& o) const {
        return inSession([&](store::Session& session) {
            auto purged = session.purge(static_cast<std::int64_t>(o.olderThanHours * 3600 * 1000));
            if (!purged) {
                return fail(purged.error());
            }
            m_env.out << "purged " << *purged << " cases\n";
            return 0;
        });
    }

    int operator()(const DeviceIdOptions&) const {
        auto s = openStore();
        if (!s) {
            return fail(s.error());
        }
        m_env.out << (*s)->deviceId() << '\n';
        return 0;
    }

    /** What enrolment needs from the device: its id and the public key the unit key gets sealed to. */
    int operator()(const DeviceInfoOptions&) const {
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

    int operator()(const SyncStatusOptions&) const {
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

    int operator()(const ProfileCheckOptions& o) const {
        auto loaded = hw::loadProfileFile(o.file);
        if (!loaded) {
            return fail(loaded.error());
        }
        m_env.out << "profile " << loaded->name << " is valid\n";
        return 0;
    }

    int operator()(const ProfileShowOptions& o) const {
        const auto dir = hw::resolveProfilesDir(m_env.getenv("FIELDKIT_PROFILES_DIR").value_or(""));
        auto all = hw::loadAllProfiles(dir);
        if (!all) {
            return fail(all.error());
        }
        const auto dmi = hw::readDmiProductName();
        const auto selection =
            hw::selectProfile(o.profile, m_env.getenv("FIELDKIT_PROFILE").value_or(""), dmi, *all);
        auto chosen = hw::loadNamedProfile(selection.name, dir);
        if (!chosen) {
            return fail(chosen.error());
        }
        m_env.err << "fieldkit-ctl: " << selection.reason << '\n';
        m_env.out << hw::profileToJson(*chosen) << '\n';
        return 0;
    }

private:
    CtlGlobals m_globals;
    CtlEnvironment& m_env;
};

} // namespace

int runCtlCommand(int argc, const char* const* argv, CtlEnvironment& env) {
    CtlCommandLine commandLine;
    auto parsed = commandLine.parse(argc, argv, env.out, env.err);
    if (const int* status = std::get_if<int>(&parsed)) {
        return *status;
    }
    if (auto st = crypto::initCrypto(); !st) {
        env.err << "fieldkit-ctl: " << st.error().message << '\n';
        return 1;
    }
    auto& invocation = std::get<CtlInvocation>(parsed);
    return std::visit(Command(std::move(invocation.globals), env), invocation.command);
}

} // namespace fieldkit::ctl
