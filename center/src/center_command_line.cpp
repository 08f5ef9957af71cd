#include <fieldkit/center/center_command_line.hpp>

namespace fieldkit::center {

CenterCommandLine::CenterCommandLine()
    : m_line("fieldkit-center",
             "The center console: the back office reads cases from the field in a browser.") {
    CLI::App& app = m_line.app();
    app.require_subcommand(1);
    app.footer("Each command lists its options with --help, e.g. fieldkit-center serve --help.");
    {
        auto [o, c] = m_line.addCommand(app, "serve",
                                        "Serve the console over HTTPS; prints \"listening on "
                                        "HOST:PORT\"",
                                        m_chosen, ServeOptions{});
        c->add_option("--dir", o.dir, "The center folder")->required();
        c->add_option("--listen", o.listen, "HOST:PORT")->required();
        c->add_option("--static", o.staticDir,
                      "Folder of the design system's files (default: static/ beside "
                      "the program)");
        CLI::Option* cert = c->add_option("--cert", o.cert,
                                          "TLS certificate (PEM), instead of one from the "
                                          "center's CA");
        CLI::Option* key = c->add_option("--key", o.key, "Its private key (PEM)");
        cert->needs(key);
        key->needs(cert);
        c->add_option("--hub-address", o.hubAddress,
                      "HOST:PORT where devices reach fieldkit-hub, for the enrolment QR code");
    }
    {
        CLI::App* user = m_line.addGroup(app, "user", "Console users");
        auto [o, c] = m_line.addCommand(*user, "add",
                                        "Add a user (password in FIELDKIT_PASSWORD); prints the "
                                        "TOTP secret once",
                                        m_chosen, UserAddOptions{});
        c->add_option("--dir", o.dir, "The center folder")->required();
        c->add_option("--name", o.name, "The user's login name")->required();
        c->add_option("--role", o.role, "caseworker, teamlead or admin")
            ->required()
            ->check(CLI::IsMember({"caseworker", "teamlead", "admin"}));
    }
}

std::variant<int, CenterCommand> CenterCommandLine::parse(int argc, const char* const* argv,
                                                          std::ostream& out, std::ostream& err) {
    if (auto status = m_line.parse(argc, argv, out, err)) {
        return *status;
    }
    return m_chosen.value();
}

} // namespace fieldkit::center
