#pragma once
// The throw-away PostgreSQL cluster of a test run, and a fresh database in it per test.

#include <string>

namespace fieldkit::testing {

/** The cluster `ctest` started for the run (the `pg` fixture writes its connection string to the file named
 *  by FIELDKIT_TEST_PG), or, when a test binary runs by hand, one this process starts with
 *  tests/pg/pg-cluster.sh and stops when it exits. */
class PgTestCluster {
public:
    static PgTestCluster& shared();

    /** libpq key=value string for `database` over the cluster's unix socket (trusted login). */
    [[nodiscard]] std::string conninfo(const std::string& database) const;
    /** The superuser's password for logins over TCP on 127.0.0.1 (password and TLS tests). */
    [[nodiscard]] const std::string& password() const { return m_password; }
    [[nodiscard]] int port() const { return m_port; }
    /** The certificate of the CA that issued the cluster's TLS server certificate (for 127.0.0.1). */
    [[nodiscard]] const std::string& caFile() const { return m_caFile; }

private:
    PgTestCluster();
    std::string m_socketDir;
    int m_port = 0;
    std::string m_password;
    std::string m_caFile;
};

/** A database of its own for one test, created empty and dropped (connections and all) when destroyed. */
class PgTestDatabase {
public:
    PgTestDatabase();
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase&) = delete;
    PgTestDatabase& operator=(const PgTestDatabase&) = delete;

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] std::string conninfo() const { return PgTestCluster::shared().conninfo(m_name); }

private:
    std::string m_name;
};

/** Runs one SQL statement in the cluster's `postgres` database (or `database`); throws with the server's
 *  message on failure (test code only). */
void pgAdminExec(const std::string& sql, const std::string& database = "postgres");

} // namespace fieldkit::testing
