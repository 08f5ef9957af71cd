#pragma once

#include <chrono>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <memory>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** What a hub learns of changes that hub processes (itself included) committed to a shared center database,
 *  so it can tell the devices of those units it serves. Only a PostgreSQL center has several hubs; a SQLite
 *  center is served by one process, which knows its own changes. */
class ChangeFeed {
public:
    virtual ~ChangeFeed() = default;

    /** Waits up to `timeout`; returns each unit with changes committed since the last call once (empty when
     *  none came). Code store_unreachable when the connection was lost; the next call connects again. A
     *  notice missed meanwhile costs only latency: devices also sync on their own schedule. */
    [[nodiscard]] virtual Result<std::vector<std::string>>
    waitForChanges(std::chrono::milliseconds timeout) = 0;
};

/** LISTENs on the PostgreSQL center's change channel over a connection of its own. */
[[nodiscard]] Result<std::unique_ptr<ChangeFeed>> openPostgresChangeFeed(const PostgresStoreOptions& options);

} // namespace fieldkit::hub
