#include <atomic>
#include <boost/asio/signal_set.hpp>
#include <chrono>
#include <fieldkit/common/files.hpp>
#include <fieldkit/common/service_notify.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/hub/center_backup.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <fieldkit/hub/center_export.hpp>
#include <fieldkit/hub/center_store_config.hpp>
#include <fieldkit/hub/change_feed.hpp>
#include <fieldkit/hub/enrolment_service.hpp>
#include <fieldkit/hub/hub_commands.hpp>
#include <fieldkit/hub/hub_server.hpp>
#include <fieldkit/hub/store_copy.hpp>
#include <fieldkit/hub/wipe_orders.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <fieldkit/version.hpp>
#include <iostream>
#include <malloc.h>
#include <optional>
#include <thread>

namespace fieldkit::hub {
namespace {

constexpr const char* kUsage = R"(usage:
  fieldkit-hub init --dir D [--store postgresql://USER@HOST/DB?sslmode=verify-full [--store-passfile FILE]]
  fieldkit-hub serve --dir D --listen HOST:PORT [--ops-listen HOST:PORT] [--idle-seconds N] [--oldest-schema N]
  fieldkit-hub unit add --dir D NAME
  fieldkit-hub enroll-code --dir D --unit NAME [--valid-seconds N]
  fieldkit-hub provision-device --dir D --unit NAME --data DEVICE_DATA_DIR --device-id ID --device-box-key HEX [--hub-address HOST:PORT]
  fieldkit-hub export --dir D --json
  fieldkit-hub stats --dir D --json
  fieldkit-hub revoke --dir D DEVICE
  fieldkit-hub wipe --dir D DEVICE
  fieldkit-hub backup --dir D --out FILE
  fieldkit-hub store copy --from D --to postgresql://USER@HOST/DB [--store-passfile FILE]
  fieldkit-hub --version
)";

// Longest idle timeout and enrolment code validity a command line may ask for (a day, thirty days).
constexpr std::int64_t kMaxIdleSeconds = 24 * 60 * 60;
constexpr std::int64_t kMaxCodeValidity = 30 * 24 * 60 * 60;

int fail(const Error& error) {
    std::cerr << "fieldkit-hub: " << error.message << '\n';
    return 1;
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int init(const common::Args& args) {
    auto dir = args.required("dir");
    if (!dir) {
        return fail(dir.error());
    }
    std::optional<PostgresStoreOptions> postgres;
    if (auto store = args.option("store")) {
        postgres = PostgresStoreOptions{*store, args.option("store-passfile").value_or(""), 4};
    } else if (args.option("store-passfile")) {
        return fail(makeError("usage", "--store-passfile goes with --store."));
    }
    if (auto st = initCenter(CenterDir{*dir}, postgres); !st) {
        return fail(st.error());
    }
    std::cout << "center created in " << *dir << '\n';
    return 0;
}

int serve(const common::Args& args) {
    auto dir = args.required("dir");
    auto listen = args.required("listen");
    if (!dir || !listen) {
        return fail(!dir ? dir.error() : listen.error());
    }
    auto where = common::parseHostPort(*listen);
    if (!where) {
        return fail(where.error());
    }
    auto opsWhere = common::parseHostPort(args.option("ops-listen").value_or("127.0.0.1:0"));
    if (!opsWhere) {
        return fail(opsWhere.error());
    }
    HubLimits limits;
    // Bounded so no conversion to milliseconds or timer deadline can overflow.
    auto idle = args.integer("idle-seconds", 1, kMaxIdleSeconds, limits.idle.count());
    if (!idle) {
        return fail(idle.error());
    }
    limits.idle = std::chrono::seconds(*idle);
    HubPolicy policy;
    auto oldest = args.integer("oldest-schema", 1, 1000000, policy.hello.oldestSchema);
    if (!oldest) {
        return fail(oldest.error());
    }
    policy.hello.oldestSchema = static_cast<unsigned>(*oldest);
    // Frames and their buffers of up to a megabyte come and go with connections: allocated with mmap, they
    // go back to the system when freed instead of staying in the heap after a burst of large pushes.
    ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    if (std::error_code ec; std::filesystem::exists(CenterDir{*dir}.copyMarker(), ec)) {
        return fail(makeError("copy_running",
                              "A store copy of this center is running; the hub serves once it ends."));
    }
    // The device-facing hub never reads the center's secret keys (center.key, center.sign): enrolment codes
    // carry the unit key wrapped by whoever made them, and wipe orders are signed when they are given.
    auto center = openHubCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    // The TLS handshake asks whether a device is refused on the I/O thread, while pushes are applied on the
    // store's own thread (HubServer): so it reads through a connection of its own.
    auto revocationView = openCenterStore(CenterDir{*dir});
    if (!revocationView) {
        return fail(revocationView.error());
    }
    auto tls = tls::makeServerContext(center->hub, center->authority.certPem,
                                      [&view = **revocationView](const std::string& id) {
                                          auto record = view.devices().device(id);
                                          return !record || record->refused();
                                      });
    if (!tls) {
        return fail(tls.error());
    }
    boost::asio::io_context io;
    EnrolmentService enrolment(*center, nowMs);
    HubServer server(
        io, *tls, *center->store,
        HubEnvironment{nowMs, [](const std::string& line) { std::clog << "fieldkit-hub: " << line << '\n'; }},
        limits, policy, &enrolment);
    auto bound = server.listen(*where);
    if (!bound) {
        return fail(bound.error());
    }
    auto opsBound = server.listenOps(*opsWhere);
    if (!opsBound) {
        return fail(opsBound.error());
    }
    server.start();
    // Several hubs may share a PostgreSQL center: each learns of the others' commits on a thread of its own.
    std::atomic<bool> serving{true};
    std::thread changes;
    if (auto postgres = readStoreConfig(CenterDir{*dir}.storeConfig()); postgres && *postgres) {
        changes = std::thread([&server, &serving, options = **postgres] {
            std::unique_ptr<ChangeFeed> feed;
            while (serving) {
                if (!feed) {
                    auto opened = openPostgresChangeFeed(options);
                    if (!opened) {
                        std::this_thread::sleep_for(std::chrono::seconds(1));
                        continue;
                    }
                    feed = std::move(*opened);
                }
                auto units = feed->waitForChanges(std::chrono::milliseconds(500));
                if (!units) {
                    feed.reset();
                } else if (!units->empty()) {
                    server.noteUnitsChanged(std::move(*units));
                }
            }
        });
    }
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { server.stop(); });
    std::cout << "ops on " << common::HostPort{opsBound->address().to_string(), opsBound->port()}.toString()
              << '\n';
    std::cout << "listening on " << common::HostPort{bound->address().to_string(), bound->port()}.toString()
              << std::endl;
    if (auto st = common::notifyServiceManager("READY=1"); !st) { // systemd's Type=notify
        std::clog << "fieldkit-hub: " << st.error().message << '\n';
    }
    io.run();
    (void)common::notifyServiceManager("STOPPING=1");
    serving = false;
    if (changes.joinable()) {
        changes.join();
    }
    std::clog << "fieldkit-hub: stopped\n";
    return 0;
}

int unitAdd(const common::Args& args) {
    auto dir = args.required("dir");
    const std::string name = args.word(2);
    if (!dir) {
        return fail(dir.error());
    }
    if (name.empty()) {
        return fail(makeError("missing_name", "Name the unit, for example: unit add --dir D bike-07"));
    }
    auto center = openCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    if (auto st = addUnit(*center, name); !st) {
        return fail(st.error());
    }
    std::cout << "unit " << name << " added\n";
    return 0;
}

int enrollCode(const common::Args& args) {
    auto dir = args.required("dir");
    auto unit = args.required("unit");
    if (!dir || !unit) {
        return fail(!dir ? dir.error() : unit.error());
    }
    auto validSeconds = args.integer("valid-seconds", 1, kMaxCodeValidity, kDefaultCodeValidity.count());
    if (!validSeconds) {
        return fail(validSeconds.error());
    }
    const auto validFor = std::chrono::seconds(*validSeconds);
    auto center = openCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    auto code = createEnrolmentCode(*center, *unit, validFor, nowMs());
    if (!code) {
        return fail(code.error());
    }
    // The code alone on stdout, so scripts can take it; the explanation goes to stderr.
    std::cout << code->display() << '\n';
    std::clog << "fieldkit-hub: one-time enrolment code for unit " << *unit << ", valid for "
              << validFor.count() << " s: fieldkit-syncd enroll --data DIR --hub HOST:PORT --code CODE\n";
    return 0;
}

int provision(const common::Args& args) {
    auto dir = args.required("dir");
    auto unit = args.required("unit");
    auto data = args.required("data");
    if (!dir || !unit || !data) {
        return fail(!dir ? dir.error() : !unit ? unit.error() : data.error());
    }
    auto center = openCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    auto boxKey = crypto::fromHex(args.option("device-box-key").value_or(""));
    if (!boxKey) {
        return fail(
            makeError("bad_device_key", "--device-box-key must be the device's box public key in hex."));
    }
    auto config = provisionDevice(*center, *unit, args.option("hub-address").value_or(""),
                                  args.option("device-id").value_or(""), *boxKey);
    if (!config) {
        return fail(config.error());
    }
    if (auto st = common::saveDeviceSyncConfig(*data, *config); !st) {
        return fail(st.error());
    }
    std::cout << config->deviceId << '\n';
    return 0;
}

int exportCommand(const common::Args& args) {
    auto dir = args.required("dir");
    if (!dir) {
        return fail(dir.error());
    }
    auto center = openCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    auto json =
        args.word(0) == "export" ? exportCases(*center, nowMs()) : centerStatsJson(*center->store, nowMs());
    if (!json) {
        return fail(json.error());
    }
    std::cout << *json << '\n';
    return 0;
}

int revoke(const common::Args& args) {
    auto dir = args.required("dir");
    if (!dir) {
        return fail(dir.error());
    }
    auto center = openCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    if (auto st = center->store->devices().revokeDevice(args.word(1)); !st) {
        return fail(st.error());
    }
    std::cout << "device " << args.word(1) << " revoked\n";
    return 0;
}

/** Revokes the device and leaves it a signed wipe order; it still gets through once more, to hand over its
 *  last push (into quarantine) and receive the order. */
int wipe(const common::Args& args) {
    auto dir = args.required("dir");
    if (!dir) {
        return fail(dir.error());
    }
    const std::string deviceId = args.word(1);
    if (deviceId.empty()) {
        return fail(makeError("missing_device", "Name the device, for example: wipe --dir D DEVICE_ID"));
    }
    auto center = openCenter(CenterDir{*dir});
    if (!center) {
        return fail(center.error());
    }
    auto order = orderWipe(*center, deviceId, nowMs());
    if (!order) {
        return fail(order.error());
    }
    std::cout << "device " << deviceId << " revoked; wipe order " << order->orderId
              << " waits for its next contact\n";
    return 0;
}

/** A consistent copy of the SQLite center while it serves; a PostgreSQL center is backed up with its own
 * tools. */
int backup(const common::Args& args) {
    auto dir = args.required("dir");
    auto out = args.required("out");
    if (!dir || !out) {
        return fail(!dir ? dir.error() : out.error());
    }
    const CenterDir center{*dir};
    if (std::error_code ec; std::filesystem::exists(center.storeConfig(), ec)) {
        return fail(makeError("postgres_backup",
                              "This center's store is PostgreSQL: back it up with pg_dump or "
                              "pg_basebackup (README, The center on PostgreSQL)."));
    }
    if (auto st = backupSqliteCenter(center.store(), *out); !st) {
        return fail(st.error());
    }
    std::cout << "backup written to " << *out << " and checked\n";
    return 0;
}

/** Moves a SQLite center to PostgreSQL: copies and verifies in one PostgreSQL transaction, then points the
 *  center folder at the copy (store.conf); center.db stays as it was. `serve` refuses to start meanwhile. */
int storeCopy(const common::Args& args) {
    auto from = args.required("from");
    auto to = args.required("to");
    if (!from || !to) {
        return fail(!from ? from.error() : to.error());
    }
    const CenterDir dir{*from};
    std::error_code ec;
    if (std::filesystem::exists(dir.storeConfig(), ec)) {
        return fail(makeError("already_postgres", "The center in " + *from + " already uses PostgreSQL."));
    }
    const PostgresStoreOptions target{*to, args.option("store-passfile").value_or(""), 1};
    if (auto st = checkPostgresConnectionString(target.conninfo); !st) {
        return fail(st.error());
    }
    if (std::filesystem::exists(dir.copyMarker(), ec)) {
        return fail(
            makeError("copy_running", "A store copy of this center is running or was interrupted; remove " +
                                          dir.copyMarker().string() + " once no copy runs."));
    }
    if (auto st = common::writeFileAtomic(dir.copyMarker(), "store copy to PostgreSQL\n", true); !st) {
        return fail(st.error());
    }
    auto report = copySqliteToPostgres(dir.store(), target);
    if (report) {
        if (auto st = writeStoreConfig(dir.storeConfig(), target); !st) {
            report = st.error();
        }
    }
    std::filesystem::remove(dir.copyMarker(), ec);
    if (!report) {
        return fail(report.error());
    }
    std::cout << "copied " << report->rows << " rows in " << report->tables
              << " tables; counts and the checksums of " << report->units << " units verified; " << *from
              << " now uses PostgreSQL\n";
    return 0;
}

} // namespace

int runHubCommand(const common::Args& args) {
    if (auto st =
            args.allowOnly({"dir", "listen", "ops-listen", "idle-seconds", "oldest-schema", "valid-seconds",
                            "unit", "data", "hub-address", "device-id", "device-box-key", "version", "help",
                            "json", "store", "store-passfile", "from", "to", "out"});
        !st) {
        std::cerr << "fieldkit-hub: " << st.error().message << '\n' << kUsage;
        return 2;
    }
    const std::string command = args.word(0);
    if (args.flag("version")) {
        std::cout << "fieldkit-hub " << kVersion << '\n';
        return 0;
    }
    if (command == "init") {
        return init(args);
    }
    if (command == "serve") {
        return serve(args);
    }
    if (command == "unit" && args.word(1) == "add") {
        return unitAdd(args);
    }
    if (command == "enroll-code") {
        return enrollCode(args);
    }
    if (command == "provision-device") {
        return provision(args);
    }
    if (command == "export" || command == "stats") {
        return exportCommand(args);
    }
    if (command == "revoke") {
        return revoke(args);
    }
    if (command == "wipe") {
        return wipe(args);
    }
    if (command == "backup") {
        return backup(args);
    }
    if (command == "store" && args.word(1) == "copy") {
        return storeCopy(args);
    }
    std::cerr << kUsage;
    return args.flag("help") ? 0 : 2;
}

} // namespace fieldkit::hub
