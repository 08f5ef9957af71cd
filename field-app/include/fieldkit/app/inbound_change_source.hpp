#pragma once

#include <QString>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <optional>

namespace fieldkit::app {

/**
 * What the app needs to notice that another process (the sync daemon) wrote to the device store: a change
 * mark, the revision of one case, and the blind-index catch-up only the app can do (it holds the key).
 * Implemented on the encrypted store; absent for the in-memory demo, which has no other writer.
 */
class InboundChangeSource {
public:
    virtual ~InboundChangeSource() = default;
    /** A number that changes whenever another connection committed to the store (never for the app's own
     *  writes); nullopt while locked or unreadable. */
    [[nodiscard]] virtual std::optional<std::int64_t> externalChangeMark() = 0;
    /** How many operations the case has (clear metadata, nothing decrypted, not audited); nullopt when
     *  unknown. It grows when an inbound operation touched the case. */
    [[nodiscard]] virtual std::optional<std::int64_t> caseRevision(const QString& caseId) = 0;
    /** Makes cases that arrived from other devices of the unit findable by CPR; returns how many. */
    [[nodiscard]] virtual Result<int> indexArrivedCases() = 0;
};

} // namespace fieldkit::app
