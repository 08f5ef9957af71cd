#include "postgresql/pg_center_parts.hpp"

#include <algorithm>
#include <fieldkit/hub/change_feed.hpp>
#include <libpq-fe.h>
#include <poll.h>

namespace fieldkit::hub {
namespace {

/** LISTEN on a dedicated connection; applyBatch's pg_notify arrives here after each commit. */
class PgChangeFeed final : public ChangeFeed {
public:
    explicit PgChangeFeed(pg::ConnectOptions options)
        : m_options(std::move(options)) {}

    Status connect() {
        m_connection.reset();
        auto opened = pg::Connection::open(m_options);
        if (!opened) {
            return opened.error();
        }
        if (auto st = (*opened)->exec(std::string("LISTEN ") + pg_center::kChangesChannel); !st) {
            return st;
        }
        m_connection = std::move(*opened);
        return {};
    }

    Result<std::vector<std::string>> waitForChanges(std::chrono::milliseconds timeout) override {
        if (!m_connection) {
            if (auto st = connect(); !st) {
                return st.error();
            }
        }
        PGconn* conn = m_connection->handle();
        std::vector<std::string> units;
        const auto collect = [&] {
            while (PGnotify* notice = PQnotifies(conn)) {
                std::string unit = notice->extra;
                PQfreemem(notice);
                if (std::find(units.begin(), units.end(), unit) == units.end()) {
                    units.push_back(std::move(unit));
                }
            }
        };
        collect(); // notices that came with an earlier result
        if (!units.empty()) {
            return units;
        }
        pollfd socket{PQsocket(conn), POLLIN, 0};
        const int ready = ::poll(&socket, 1, static_cast<int>(timeout.count()));
        if (ready > 0 && PQconsumeInput(conn) == 0) {
            m_connection.reset();
            return makeError("store_unreachable", "The PostgreSQL change feed lost its connection.");
        }
        collect();
        return units;
    }

private:
    pg::ConnectOptions m_options;
    std::unique_ptr<pg::Connection> m_connection;
};

} // namespace

Result<std::unique_ptr<ChangeFeed>> openPostgresChangeFeed(const PostgresStoreOptions& options) {
    auto feed = std::make_unique<PgChangeFeed>(pg::ConnectOptions{options.conninfo, options.passfile});
    if (auto st = feed->connect(); !st) {
        return st.error();
    }
    return std::unique_ptr<ChangeFeed>(std::move(feed));
}

} // namespace fieldkit::hub
