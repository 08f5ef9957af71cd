#include <atomic>
#include <boost/asio/signal_set.hpp>
#include <chrono>
#include <fieldkit/common/files.hpp>
#include <fieldkit/common/log.hpp>
#include <fieldkit/common/service_notify.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/hub/center_backup.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <fieldkit/hub/center_export.hpp>
#include <fieldkit/hub/center_store_config.hpp>
#include <fieldkit/hub/change_feed.hpp>
#include <fieldkit/hub/enrolment_service.hpp>
#include <fieldkit/hub/hub_command_line.hpp>
#include <fieldkit/hub/hub_commands.hpp>
#include <fieldkit/hub/hub_server.hpp>
#include <fieldkit/hub/status_listener.hpp>
#include <fieldkit/hub/store_copy.hpp>
#include <fieldkit/hub/wipe_orders.hpp>
#include <fieldkit/tls/tls_context.hpp>
#include <iostream>
#include <malloc.h>
#include <optional>
#include <thread>

namespace fieldkit::hub {
namespace {

int fail(const Error& error) {
    std::cerr << "fieldkit-hub: " << error.message << '\n';
    return 1;
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

int run(const HubInitOptions& o) {
    std::optional<PostgresStoreOptions> postgres;
    if (o.store) {
        postgres = PostgresStoreOptions{*o.store, o.storePassfile.value_or(""), 4};
    }
    if (auto st = initCenter(CenterDir{o.dir}, postgres); !st) {
        return fail(st.error());
    }
    std::cout << "center created in " << o.dir << '\n';
    return 0;
}

int run(const HubServeOptions& o) {
    // A service: everything it says goes through the log (journal fields under systemd, JSON lines
    // otherwise).
    const auto log = common::programLog("fieldkit-hub");
    const auto failed = [&log](const Error& error) {
        log.error("start_failed", error.message, {{"code", error.code}});
        return 1;
    };
    auto where = common::parseHostPort(o.listen);
    if (!where) {
        return failed(where.error());
    }
    auto opsWhere = common::parseHostPort(o.opsListen);
    if (!opsWhere) {
        return failed(opsWhere.error());
    }
    HubLimits limits;
    // Bounded (kMaxIdleSeconds) so no conversion to milliseconds or timer deadline can overflow.
    limits.idle = std::chrono::seconds(o.idleSeconds.value_or(limits.idle.count()));
    HubPolicy policy;
    policy.hello.oldestSchema = static_cast<unsigned>(o.oldestSchema.value_or(policy.hello.oldestSchema));
    // Frames and their buffers of up to a megabyte come and go with connections: allocated with mmap, they
    // go back to the system when freed instead of staying in the heap after a burst of large pushes.
    ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    if (std::error_code ec; std::filesystem::exists(CenterDir{o.dir}.copyMarker(), ec)) {
        return failed(makeError("copy_running",
                                "A store copy of this center is running; the hub serves once it ends."));
    }
    // The device-facing hub never reads the center's secret keys (center.key, center.sign): enrolment codes
    // carry the unit key wrapped by whoever made them, and wipe orders are signed when they are given.
    auto center = openHubCenter(CenterDir{o.dir});
    if (!center) {
        return failed(center.error());
    }
    // The TLS handshake asks whether a device is refused on the I/O thread, while pushes are applied on the
    // store's own thread (HubServer): so it reads through a connection of its own.
    auto revocationView = openCenterStore(CenterDir{o.dir});
    if (!revocationView) {
        return failed(revocationView.error());
    }
    auto tls = tls::makeServerContext(center->hub, center->authority.certPem,
                                      [&view = **revocationView](const std::string& id) {
                                          auto record = view.devices().device(id);
                                          return !record || record->refused();
                                      });
    if (!tls) {
        return failed(tls.error());
    }
    boost::asio::io_context io;
    EnrolmentService enrolment(*center, nowMs);
    HubServer server(io, *tls, *center->store, HubEnvironment{nowMs, log}, limits, policy, &enrolment);
    auto bound = server.listen(*where);
    if (!bound) {
        return failed(bound.error());
    }
    auto opsBound = server.listenOps(*opsWhere);
    if (!opsBound) {
        return failed(opsBound.error());
    }
    server.start();
    std::unique_ptr<StatusListener> status;
    if (o.statusListen) {
        auto statusWhere = common::parseHostPort(*o.statusListen);
        if (!statusWhere) {
            return fail(statusWhere.error());
        }
        std::error_code ec;
        StatusListenOptions statusOptions{
            *statusWhere, std::nullopt, std::nullopt,
            o.statusStatic
                ? std::filesystem::path(*o.statusStatic)
                : std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() / "status-static",
            2};
        if (o.statusCert) {
            statusOptions.certFile = *o.statusCert;
        }
        if (o.statusKey) {
            statusOptions.keyFile = *o.statusKey;
        }
        auto started =
            StatusListener::start(*center, CenterDir{o.dir}, statusOptions, [](const std::string& line) {
                std::clog << "fieldkit-hub: " << line << '\n';
            });
        if (!started) {
            return fail(started.error());
        }
        status = std::move(*started);
        std::cout << "status on " << status->bound().toString() << '\n';
    }
    // Several hubs may share a PostgreSQL center: each learns of the others' commits on a thread of its own.
    std::atomic<bool> serving{true};
    std::thread changes;
    if (auto postgres = readStoreConfig(CenterDir{o.dir}.storeConfig()); postgres && *postgres) {
        server.useChangeFeed();
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
    const auto listening = common::HostPort{bound->address().to_string(), bound->port()}.toString();
    std::cout << "listening on " << listening << std::endl;
    log.notice(
        "listening", "listening on " + listening,
        {{"listen", listening},
         {"ops_listen", common::HostPort{opsBound->address().to_string(), opsBound->port()}.toString()}});
    if (auto st = common::notifyServiceManager("READY=1"); !st) { // systemd's Type=notify
        log.warning("notify_failed", st.error().message);
    }
    io.run();
    (void)common::notifyServiceManager("STOPPING=1");
    if (status) {
        status->stop();
    }
    serving = false;
    if (changes.joinable()) {
        changes.join();
    }
    log.notice("stopped", "stopped");
    return 0;
}

int run(const HubUnitAddOptions& o) {
    const std::string& name = o.name;
    auto center = openCenter(CenterDir{o.dir});
    if (!center) {
        return fail(center.error());
    }
    if (auto st = addUnit(*center, name); !st) {
        return fail(st.error());
    }
    std::cout << "unit " << name << " added\n";
    return 0;
}

int run(const HubEnrollCodeOptions& o) {
    const auto validFor = std::chrono::seconds(o.validSeconds.value_or(kDefaultCodeValidity.count()));
    auto center = openCenter(CenterDir{o.dir});
    if (!center) {
        return fail(center.error());
    }
    auto code = createEnrolmentCode(*center, o.unit, validFor, nowMs());
    if (!code) {
        return fail(code.error());
    }
    // The code alone on stdout, so scripts can take it; the explanation goes to stderr.
    std::cout << code->display() << '\n';
    std::cerr << "fieldkit-hub: one-time enrolment code for unit " << o.unit << ", valid for "
              << validFor.count() << " s: fieldkit-syncd enroll --data DIR --hub HOST:PORT --code CODE\n";
    return 0;
}

int run(const HubProvisionOptions& o) {
    auto center = openCenter(CenterDir{o.dir});
    if (!center) {
        return fail(center.error());
    }
    auto boxKey = crypto::fromHex(o.deviceBoxKey);
    if (!boxKey) {
        return fail(
            makeError("bad_device_key", "--device-box-key must be the device's box public key in hex."));
    }
    auto config = provisionDevice(*center, o.unit, o.hubAddress, o.deviceId, *boxKey);
    if (!config) {
        return fail(config.error());
    }
    if (auto st = common::saveDeviceSyncConfig(o.data, *config); !st) {
        return fail(st.error());
    }
    std::cout << config->deviceId << '\n';
    return 0;
}

int printJson(const std::string& dir, bool stats) {
    auto center = openCenter(CenterDir{dir});
    if (!center) {
        return fail(center.error());
    }
    auto json = stats ? centerStatsJson(*center->store, nowMs()) : exportCases(*center, nowMs());
    if (!json) {
        return fail(json.error());
    }
    std::cout << *json << '\n';
    return 0;
}

int run(const HubExportOptions& o) {
    return printJson(o.dir, false);
}

int run(const HubStatsOptions& o) {
    return printJson(o.dir, true);
}

int run(const HubRevokeOptions& o) {
    auto center = openCenter(CenterDir{o.dir});
    if (!center) {
        return fail(center.error());
    }
    if (auto st = center->store->devices().revokeDevice(o.deviceId); !st) {
        return fail(st.error());
    }
    std::cout << "device " << o.deviceId << " revoked\n";
    return 0;
}

/** Revokes the device and leaves it a signed wipe order; it still gets through once more, to hand over its
 *  last push (into quarantine) and receive the order. */
int run(const HubWipeOptions& o) {
    const std::string& deviceId = o.deviceId;
    auto center = openCenter(CenterDir{o.dir});
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
int run(const HubBackupOptions& o) {
    const CenterDir center{o.dir};
    if (std::error_code ec; std::filesystem::exists(center.storeConfig(), ec)) {
        return fail(makeError("postgres_backup",
                              "This center's store is PostgreSQL: back it up with pg_dump or "
                              "pg_basebackup (README, The center on PostgreSQL)."));
    }
    if (auto st = backupSqliteCenter(center.store(), o.out); !st) {
        return fail(st.error());
    }
    std::cout << "backup written to " << o.out << " and checked\n";
    return 0;
}

/** After a restore from a backup: devices hold numbers the backup never saw; they are set aside, so no new
 *  change gets one, and devices that pushed changes the backup lacks send them again (restore_numbering.hpp).
 */
int run(const HubMarkRestoredOptions& o) {
    auto center = openCenter(CenterDir{o.dir});
    if (!center) {
        return fail(center.error());
    }
    auto range = center->store->operations().setAsideAfterRestore(nowMs());
    if (!range) {
        return fail(range.error());
    }
    std::cout << "numbers " << range->first << " to " << range->last
              << " set aside; devices send again what the backup lacks at their next contact\n";
    return 0;
}

/** Moves a SQLite center to PostgreSQL: copies and verifies in one PostgreSQL transaction, then points the
 *  center folder at the copy (store.conf); center.db stays as it was. `serve` refuses to start meanwhile. */
int run(const HubStoreCopyOptions& o) {
    const CenterDir dir{o.from};
    std::error_code ec;
    if (std::filesystem::exists(dir.storeConfig(), ec)) {
        return fail(makeError("already_postgres", "The center in " + o.from + " already uses PostgreSQL."));
    }
    const PostgresStoreOptions target{o.to, o.storePassfile, 1};
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
              << " tables; counts and the checksums of " << report->units << " units verified; " << o.from
              << " now uses PostgreSQL\n";
    return 0;
}

} // namespace

int runHubCommand(int argc, const char* const* argv) {
    HubCommandLine commandLine;
    auto parsed = commandLine.parse(argc, argv, std::cout, std::cerr);
    if (const int* status = std::get_if<int>(&parsed)) {
        return *status;
    }
    return std::visit([](const auto& options) { return run(options); }, std::get<HubCommand>(parsed));
}

} // namespace fieldkit::hub
