#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <chrono>
#include <cstdlib>
#include <fieldkit/center/center_audit_log.hpp>
#include <fieldkit/center/center_command_line.hpp>
#include <fieldkit/center/center_commands.hpp>
#include <fieldkit/center/console_app.hpp>
#include <fieldkit/center/console_auth.hpp>
#include <fieldkit/center/console_server.hpp>
#include <fieldkit/center/console_tls.hpp>
#include <fieldkit/center/fleet_actions.hpp>
#include <fieldkit/common/log.hpp>
#include <fieldkit/common/service_notify.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <iostream>

namespace fieldkit::center {
namespace {

int fail(const Error& error) {
    std::cerr << "fieldkit-center: " << error.message << '\n';
    return 1;
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/** The DKFDS files and the console's stylesheet: --static, else `static/` beside the program. */
std::filesystem::path staticDir(const std::optional<std::string>& given) {
    if (given) {
        return *given;
    }
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path("static") : self.parent_path() / "static";
}

int run(const ServeOptions& o) {
    // A service: everything it says goes through the log (journal fields under systemd, JSON lines
    // otherwise).
    const auto log = common::programLog("fieldkit-center");
    const auto failed = [&log](const Error& error) {
        log.error("start_failed", error.message, {{"code", error.code}});
        return 1;
    };
    auto where = common::parseHostPort(o.listen);
    if (!where) {
        return failed(where.error());
    }
    const hub::CenterDir centerDir{o.dir};
    // The console is the one center process that loads the center secret key (openCenter reads it).
    auto center = hub::openCenter(centerDir);
    if (!center) {
        return failed(center.error());
    }
    std::optional<std::filesystem::path> certFile, keyFile;
    if (o.cert) {
        certFile = *o.cert;
    }
    if (o.key) {
        keyFile = *o.key;
    }
    auto credentials = consoleCredentials(*center, centerDir, certFile, keyFile);
    if (!credentials) {
        return failed(credentials.error());
    }
    auto tls = makeConsoleTlsContext(*credentials);
    if (!tls) {
        return failed(tls.error());
    }
    auto& store = *center->store;
    CenterAuditLog audit(store.audit(), crypto::AuditMac::forCenter(center->centerKey.secret()), nowMs);
    LocalPasswords passwords;
    ConsoleAuth auth(store.accounts(), center->centerKey, audit, passwords, nowMs, crypto::systemRandom());
    // Where devices reach fieldkit-hub, for the enrolment QR code (the console cannot know it otherwise).
    const std::string& hubAddress = o.hubAddress;
    if (!hubAddress.empty()) {
        if (auto parsed = common::parseHostPort(hubAddress); !parsed) {
            return failed(parsed.error());
        }
    }
    CenterFleetActions fleet(*center, hubAddress, nowMs);
    ConsoleApp app(store, center->centerKey, auth, audit, fleet, staticDir(o.staticDir),
                   crypto::systemRandom(), nowMs);
    boost::asio::io_context io;
    ConsoleServer server(
        io, *tls, [&app](const Request& r) { return app.handle(r); },
        [&log](const std::string& line) { log.error("internal_error", line); });
    auto bound = server.listen(*where);
    if (!bound) {
        return failed(bound.error());
    }
    server.start();
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        server.stop();
        io.stop();
    });
    std::cout << "listening on " << bound->toString() << std::endl;
    log.notice("listening", "listening on " + bound->toString(), {{"listen", bound->toString()}});
    if (auto st = common::notifyServiceManager("READY=1"); !st) { // systemd's Type=notify
        log.warning("notify_failed", st.error().message);
    }
    io.run();
    (void)common::notifyServiceManager("STOPPING=1");
    log.notice("stopped", "stopped");
    return 0;
}

int run(const UserAddOptions& o) {
    const char* password = std::getenv("FIELDKIT_PASSWORD");
    if (password == nullptr) {
        return fail(makeError("usage", "Give the password in the environment variable FIELDKIT_PASSWORD."));
    }
    auto center = hub::openCenter(hub::CenterDir{o.dir});
    if (!center) {
        return fail(center.error());
    }
    auto& store = *center->store;
    CenterAuditLog audit(store.audit(), crypto::AuditMac::forCenter(center->centerKey.secret()), nowMs);
    LocalPasswords passwords;
    ConsoleAuth auth(store.accounts(), center->centerKey, audit, passwords, nowMs, crypto::systemRandom());
    auto created = auth.addUser(o.name, o.role, password);
    if (!created) {
        return fail(created.error());
    }
    if (auto st = audit.record(o.name, "user_added:" + o.role, "", ""); !st) {
        return fail(st.error());
    }
    // Shown once: the authenticator app takes the URI (or the text), the center keeps it sealed.
    std::cout << created->otpauthUri << '\n' << created->totpBase32 << '\n';
    return 0;
}

} // namespace

int runCenterCommand(int argc, const char* const* argv) {
    CenterCommandLine commandLine;
    auto parsed = commandLine.parse(argc, argv, std::cout, std::cerr);
    if (const int* status = std::get_if<int>(&parsed)) {
        return *status;
    }
    return std::visit([](const auto& options) { return run(options); }, std::get<CenterCommand>(parsed));
}

} // namespace fieldkit::center
