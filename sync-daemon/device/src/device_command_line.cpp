#include <fieldkit/device/device_command_line.hpp>

namespace fieldkit::device {

namespace {

constexpr const char* kExitCodes =
    R"(Each command lists its options with --help, e.g. fieldkit-syncd run --help.

Exit codes of sync-once and run:
  0  done (sync-once: everything went out and everything came in)
  1  error (no contact, refused, bad arguments given to a command, ...)
  2  usage
  3  sync-once: the sync worked but left something behind (pending, refused, more to pull, or an
     attachment of the unit not yet fetched)
  4  the center ordered this device wiped and it has been wiped: store and sync identity are gone,
     <data>/sync/status.json says "wiped"; enrol the device again to use it)";

void addData(CLI::App& command, std::string& data) {
    command.add_option("--data", data, "The device's data folder")->required();
}

void addHub(CLI::App& command, std::optional<std::string>& hub) {
    command.add_option("--hub", hub, "HOST:PORT of the center, instead of the enrolled one");
}

} // namespace

DeviceCommandLine::DeviceCommandLine()
    : m_line("fieldkit-syncd",
             "The sync daemon of a fieldkit device: ships ciphertext between the device store "
             "and the center's hub.") {
    CLI::App& app = m_line.app();
    app.require_subcommand(1);
    app.footer(kExitCodes);
    {
        auto [o, c] = m_line.addCommand(app, "enroll",
                                        "Enrol with a one-time code: certificate, hub key pin, "
                                        "center and unit keys",
                                        m_chosen, EnrollOptions{});
        addData(*c, o.data);
        CLI::Option* hub = c->add_option("--hub", o.hub, "HOST:PORT of the center");
        CLI::Option* code = c->add_option("--code", o.code, "The enrolment code");
        CLI::Option* link = c->add_option("--link", o.link,
                                          "Both in one, as the center's QR code carries them "
                                          "(fieldkit-enrol:?hub=HOST:PORT&code=CODE)");
        hub->needs(code);
        code->needs(hub);
        link->excludes(hub)->excludes(code);
    }
    {
        auto [o, c] = m_line.addCommand(app, "run", "Sync whenever the hardware profile says so", m_chosen,
                                        RunOptions{});
        addData(*c, o.data);
        addHub(*c, o.hub);
        c->add_option("--profile", o.profile,
                      "Hardware profile (instead of FIELDKIT_PROFILE or the DMI name)");
        c->add_option("--sysfs-root", o.sysfsRoot, "Where the battery and network sensors are read")
            ->capture_default_str();
    }
    {
        auto [o, c] = m_line.addCommand(app, "sync-once", "Sync now and end", m_chosen, SyncOnceOptions{});
        addData(*c, o.data);
        addHub(*c, o.hub);
        c->add_option("--rounds", o.rounds, "Rounds on one connection (each prints its bytes on the wire)")
            ->check(common::wholeNumber(1, 1000));
    }
    {
        auto [o, c] =
            m_line.addCommand(app, "status", "The daemon's last status as JSON", m_chosen, StatusOptions{});
        addData(*c, o.data);
        static const std::string jsonHelp = "Print JSON (the only format)";
        c->add_flag("--json", jsonHelp);
    }
    {
        auto [o, c] = m_line.addCommand(app, "retire",
                                        "Tell the center this device is being wiped (it revokes "
                                        "the device), then delete the sync identity; fieldkit-ctl "
                                        "wipe --confirm runs it first when the device is enrolled",
                                        m_chosen, RetireOptions{});
        addData(*c, o.data);
        addHub(*c, o.hub);
    }
}

std::variant<int, DeviceCommand> DeviceCommandLine::parse(int argc, const char* const* argv,
                                                          std::ostream& out, std::ostream& err) {
    if (auto status = m_line.parse(argc, argv, out, err)) {
        return *status;
    }
    return m_chosen.value();
}

} // namespace fieldkit::device
