#include <fieldkit/hub/hub_command_line.hpp>

namespace fieldkit::hub {

namespace {

void addDir(CLI::App& command, std::string& dir) {
    command.add_option("--dir", dir, "The center folder (CA, keys, store)")->required();
}

/** Accepted for scripts that ask for JSON: it is the only output these commands have. */
void addJsonFlag(CLI::App& command) {
    static const std::string help = "Print JSON (the only format)";
    command.add_flag("--json", help);
}

} // namespace

HubCommandLine::HubCommandLine()
    : m_line("fieldkit-hub", "The center's sync hub: enrolment of devices, and sync over mutual TLS 1.3.") {
    CLI::App& app = m_line.app();
    app.require_subcommand(1);
    app.footer("Each command lists its options with --help, e.g. fieldkit-hub serve --help.");
    {
        auto [o, c] = m_line.addCommand(app, "init", "Create a center: CA, center key pair, store", m_chosen,
                                        HubInitOptions{});
        addDir(*c, o.dir);
        c->add_option("--store", o.store,
                      "postgresql://USER@HOST/DB?sslmode=verify-full (default: SQLite in "
                      "the folder)");
        c->add_option("--store-passfile", o.storePassfile, "PostgreSQL password file")->needs("--store");
    }
    {
        auto [o, c] = m_line.addCommand(app, "serve", "Serve devices; prints \"listening on HOST:PORT\"",
                                        m_chosen, HubServeOptions{});
        addDir(*c, o.dir);
        c->add_option("--listen", o.listen, "HOST:PORT for devices")->required();
        c->add_option("--ops-listen", o.opsListen, "HOST:PORT of /healthz and /metrics")
            ->capture_default_str();
        c->add_option("--idle-seconds", o.idleSeconds, "Close a connection silent this long (default 120)")
            ->check(common::wholeNumber(1, kMaxIdleSeconds));
        c->add_option("--oldest-schema", o.oldestSchema, "Refuse devices older than this schema (default 1)")
            ->check(common::wholeNumber(1, 1000000));
        c->add_option("--status-listen", o.statusListen,
                      "HOST:PORT of the public status page (HTTPS, /status); prints \"status on HOST:PORT\"");
        c->add_option("--status-cert", o.statusCert,
                      "The status page's certificate (PEM; default: from the CA)")
            ->needs("--status-listen");
        c->add_option("--status-key", o.statusKey, "The status page's key (PEM)")->needs("--status-listen");
        c->add_option("--status-static", o.statusStatic,
                      "Folder with the status page's files (default: status-static beside the program)")
            ->needs("--status-listen");
    }
    {
        CLI::App* unit = m_line.addGroup(app, "unit", "Units");
        auto [o, c] =
            m_line.addCommand(*unit, "add", "Add a unit and its key pair", m_chosen, HubUnitAddOptions{});
        addDir(*c, o.dir);
        c->add_option("NAME", o.name, "The unit, for example bike-07")->required();
    }
    {
        auto [o, c] = m_line.addCommand(app, "enroll-code", "A one-time enrolment code for a unit", m_chosen,
                                        HubEnrollCodeOptions{});
        addDir(*c, o.dir);
        c->add_option("--unit", o.unit, "The unit the device joins")->required();
        c->add_option("--valid-seconds", o.validSeconds, "How long the code is valid (default a day)")
            ->check(common::wholeNumber(1, kMaxCodeValidity));
    }
    {
        auto [o, c] = m_line.addCommand(app, "provision-device",
                                        "Enrol a device without a code (writes its sync "
                                        "configuration into its data folder)",
                                        m_chosen, HubProvisionOptions{});
        addDir(*c, o.dir);
        c->add_option("--unit", o.unit, "The unit the device joins")->required();
        c->add_option("--data", o.data, "The device's data folder")->required();
        c->add_option("--device-id", o.deviceId, "The device's id");
        c->add_option("--device-box-key", o.deviceBoxKey, "The device's box public key in hex");
        c->add_option("--hub-address", o.hubAddress, "HOST:PORT the device reaches the hub at");
    }
    {
        auto [o, c] = m_line.addCommand(app, "export", "Every case as JSON", m_chosen, HubExportOptions{});
        addDir(*c, o.dir);
        addJsonFlag(*c);
    }
    {
        auto [o, c] = m_line.addCommand(app, "stats", "Counts as JSON", m_chosen, HubStatsOptions{});
        addDir(*c, o.dir);
        addJsonFlag(*c);
    }
    {
        auto [o, c] =
            m_line.addCommand(app, "revoke", "Refuse a device from now on", m_chosen, HubRevokeOptions{});
        addDir(*c, o.dir);
        c->add_option("DEVICE", o.deviceId, "The device's id")->required();
    }
    {
        auto [o, c] = m_line.addCommand(app, "wipe",
                                        "Revoke a device and leave it a signed wipe order for its "
                                        "next contact",
                                        m_chosen, HubWipeOptions{});
        addDir(*c, o.dir);
        c->add_option("DEVICE", o.deviceId, "The device's id")->required();
    }
    {
        auto [o, c] = m_line.addCommand(app, "backup", "A checked copy of a SQLite center, while it serves",
                                        m_chosen, HubBackupOptions{});
        addDir(*c, o.dir);
        c->add_option("--out", o.out, "The backup file")->required();
    }
    {
        CLI::App* store = m_line.addGroup(app, "store", "The center store");
        auto [o, c] = m_line.addCommand(*store, "copy", "Move a SQLite center to PostgreSQL", m_chosen,
                                        HubStoreCopyOptions{});
        c->add_option("--from", o.from, "The center folder")->required();
        c->add_option("--to", o.to, "postgresql://USER@HOST/DB")->required();
        c->add_option("--store-passfile", o.storePassfile, "PostgreSQL password file");
        auto [r, rc] = m_line.addCommand(*store, "mark-restored",
                                         "After restoring the store from a backup, with every hub stopped: "
                                         "set aside the numbers devices may hold, so they converge",
                                         m_chosen, HubMarkRestoredOptions{});
        addDir(*rc, r.dir);
    }
}

std::variant<int, HubCommand> HubCommandLine::parse(int argc, const char* const* argv, std::ostream& out,
                                                    std::ostream& err) {
    if (auto status = m_line.parse(argc, argv, out, err)) {
        return *status;
    }
    return m_chosen.value();
}

} // namespace fieldkit::hub
