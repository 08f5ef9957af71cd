// The center's store on PostgreSQL over TLS, as a municipality's IT runs it: TCP to the database server,
// sslmode=verify-full against the CA that issued its certificate, the password in a file of its own.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace fieldkit::testing;

namespace {

/** A libpq password file for the cluster's superuser over TCP (0600, as libpq insists). */
std::filesystem::path writePassfile(const TempDir& dir) {
    const auto file = dir / "pgpass";
    std::ofstream(file) << "127.0.0.1:" << PgTestCluster::shared().port()
                        << ":*:fieldkit:" << PgTestCluster::shared().password() << '\n';
    std::filesystem::permissions(file,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    return file;
}

std::string tlsUrl(const PgTestDatabase& db, const std::string& caFile) {
    return "postgresql://fieldkit@127.0.0.1:" + std::to_string(PgTestCluster::shared().port()) + "/" +
           db.name() + "?sslmode=verify-full&sslrootcert=" + caFile;
}

} // namespace

TEST_CASE(
    "a center on PostgreSQL over TLS verifies the server, and a certificate from another CA is refused") {
    TempDir secrets;
    const auto passfile = writePassfile(secrets);
    const auto viaTls = [&](const std::string& caFile) {
        return [&, caFile](const PgTestDatabase& db) {
            return std::vector<std::string>{"--store", tlsUrl(db, caFile), "--store-passfile",
                                            passfile.string()};
        };
    };

    // The center's own CA did not issue the database server's certificate: init refuses, and says why.
    CenterFixture other;
    {
        PgTestDatabase db;
        TempDir center;
        auto refused = runProcess({kHub, "init", "--dir", (center / "c").string(), "--store",
                                   tlsUrl(db, (std::filesystem::path(other.center()) / "ca.crt").string()),
                                   "--store-passfile", passfile.string()});
        CHECK(refused.exitCode != 0);
        CHECK_MESSAGE(refused.err.find("certificate") != std::string::npos, refused.err);
        CHECK(refused.err.find(PgTestCluster::shared().password()) == std::string::npos);
    }

    CenterFixture center(CenterBackend::Postgres, viaTls(PgTestCluster::shared().caFile()));
    TempDir device;
    center.provision(device.path().string());
    RunningHub hub(center.center());
    // The hub's pool holds its connections over TLS (PostgreSQL's view of them, not the hub's word).
    CHECK_NOTHROW(
        pgAdminExec("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_stat_ssl s JOIN pg_stat_activity a "
                    "USING (pid) WHERE a.datname = '" +
                    center.database->name() +
                    "' AND s.ssl) THEN RAISE EXCEPTION 'no TLS connection'; END IF; "
                    "IF EXISTS (SELECT 1 FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE "
                    "a.datname = '" +
                    center.database->name() +
                    "' AND NOT s.ssl) THEN RAISE EXCEPTION "
                    "'a connection without TLS'; END IF; END $$"));
    REQUIRE(runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()})
                .exitCode == 0); // files the enrolment keys
    auto made = runProcess(
        {kCtl, "--data", device.path().string(), "case", "generate", "--count", "3", "--seed", "5"},
        std::chrono::seconds(60), {"FIELDKIT_PIN=2468"});
    REQUIRE_MESSAGE(made.exitCode == 0, made.err);
    auto sync = runProcess({kSyncd, "sync-once", "--data", device.path().string(), "--hub", hub.address()});
    REQUIRE_MESSAGE(sync.exitCode == 0, sync.err);
    auto exported = runProcess({kHub, "export", "--dir", center.center(), "--json"});
    REQUIRE(exported.exitCode == 0);
    CHECK(exported.out.find(made.out.substr(0, 32)) != std::string::npos);
    // Nothing of the password is in the center folder's configuration.
    std::ifstream conf(std::filesystem::path(center.center()) / "store.conf");
    const std::string written((std::istreambuf_iterator<char>(conf)), {});
    CHECK(written.find(PgTestCluster::shared().password()) == std::string::npos);
    CHECK(written.find("sslmode=verify-full") != std::string::npos);
}
