#include "pg_test_cluster.hpp"

#include <cstdlib>
#include <fstream>
#include <libpq-fe.h>
#include <random>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace fieldkit::testing {
namespace {

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
        s.pop_back();
    }
    return s;
}

/** The info file of a cluster this process started itself; stopped at exit. */
std::string& ownClusterInfo() {
    static std::string info;
    return info;
}

void stopOwnCluster() {
    const std::string command = std::string(FIELDKIT_PG_CLUSTER_SCRIPT) + " stop " + ownClusterInfo();
    (void)std::system(command.c_str());
}

} // namespace

PgTestCluster& PgTestCluster::shared() {
    static PgTestCluster cluster;
    return cluster;
}

PgTestCluster::PgTestCluster() {
    std::string info;
    if (const char* fromCtest = std::getenv("FIELDKIT_TEST_PG"); fromCtest != nullptr && *fromCtest != '\0') {
        info = fromCtest;
    } else {
        info = "/tmp/fieldkit-pg-own-" + std::to_string(::getpid()) + ".info";
        const std::string command = std::string(FIELDKIT_PG_CLUSTER_SCRIPT) + " start " + info;
        if (std::system(command.c_str()) != 0) {
            throw std::runtime_error("could not start a PostgreSQL test cluster (" + command + ")");
        }
        ownClusterInfo() = info;
        std::atexit(stopOwnCluster);
    }
    const std::string conninfo = readFile(info);
    // "host=DIR port=N user=fieldkit dbname=postgres", as pg-cluster.sh writes it
    std::istringstream words(conninfo);
    for (std::string word; words >> word;) {
        if (word.starts_with("host=")) {
            m_socketDir = word.substr(5);
        } else if (word.starts_with("port=")) {
            m_port = std::stoi(word.substr(5));
        }
    }
    if (m_socketDir.empty() || m_port == 0) {
        throw std::runtime_error("the PostgreSQL test cluster's info file " + info + " is unreadable");
    }
    m_password = readFile(info + ".password");
    m_caFile = readFile(info + ".ca");
}

std::string PgTestCluster::conninfo(const std::string& database) const {
    return "host=" + m_socketDir + " port=" + std::to_string(m_port) + " user=fieldkit dbname=" + database;
}

void pgAdminExec(const std::string& sql, const std::string& database) {
    PGconn* conn = PQconnectdb(PgTestCluster::shared().conninfo(database).c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        const std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("test cluster: " + message);
    }
    PGresult* result = PQexec(conn, sql.c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    const std::string message = ok ? "" : PQerrorMessage(conn);
    PQclear(result);
    PQfinish(conn);
    if (!ok) {
        throw std::runtime_error("test cluster: " + message);
    }
}

PgTestDatabase::PgTestDatabase() {
    std::random_device random;
    std::ostringstream name;
    name << "fk_" << std::hex << random() << random();
    m_name = name.str();
    pgAdminExec("CREATE DATABASE " + m_name);
}

PgTestDatabase::~PgTestDatabase() {
    try {
        pgAdminExec("DROP DATABASE IF EXISTS " + m_name + " WITH (FORCE)");
    } catch (const std::exception&) {
        // the cluster is thrown away at the end of the run anyway
    }
}

} // namespace fieldkit::testing
