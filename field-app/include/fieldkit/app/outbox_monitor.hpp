#pragma once

#include <QDateTime>
#include <fieldkit/core/result.hpp>

namespace fieldkit::app {

/** The device's own outbox as the sync line shows it: counts and a time, never content. */
struct OutboxHealth {
    qint64 pendingOps = 0;
    QDateTime oldestPending; // invalid when nothing waits
    qint64 rejectedOps = 0;  // refused by the center: they need a person ("needs attention")
    QString lastRefusalCode; // the newest refusal's code (core/refusal.hpp), worded by Texts.refusalText
    QString lastRefusal;     // ... and the center's own sentence, shown when the code is unknown here

    friend bool operator==(const OutboxHealth&, const OutboxHealth&) = default;
};

/** Reads the outbox without a key (the store's sync queue); absent for the in-memory demo. */
class OutboxMonitor {
public:
    virtual ~OutboxMonitor() = default;
    [[nodiscard]] virtual Result<OutboxHealth> health() = 0;
};

} // namespace fieldkit::app
