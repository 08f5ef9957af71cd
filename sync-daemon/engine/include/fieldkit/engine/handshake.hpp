#pragma once

#include <cstdint>
#include <fieldkit/protocol/codec.hpp>
#include <string>

namespace fieldkit::engine {

/** What the device knows about itself when it opens a session. */
struct DeviceSyncState {
    std::string deviceId;
    std::uint64_t pullCursor = 0;
    std::uint64_t lastAckedDeviceSeq = 0;
    std::string appVersion;
};

/** The oldest devices a hub still serves. A center raises the schema floor to retire app versions (for
 *  example after a security fix); older devices are told to upgrade and keep their outbox. */
struct HelloPolicy {
    unsigned oldestProtocol = protocol::kOldestSupportedProtocol;
    unsigned oldestSchema = 1;
};

/** Builds the hello a device sends first in every round. */
[[nodiscard]] protocol::Hello makeHello(const DeviceSyncState& state);

/** The hub's verdict on a hello: go on, or tell the device why not. */
[[nodiscard]] protocol::Welcome answerHello(const protocol::Hello& hello, std::uint64_t serverHead,
                                            std::uint64_t lastAppliedDeviceSeq, std::int64_t hubTimeMs,
                                            const HelloPolicy& policy = {});

/** What the device does with the hub's answer. */
enum class HandshakeOutcome { Proceed, UpgradeRequired, Refused, ProtocolViolation };

[[nodiscard]] HandshakeOutcome evaluateWelcome(const protocol::Welcome& welcome);

} // namespace fieldkit::engine
