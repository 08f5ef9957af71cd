#include <fieldkit/engine/handshake.hpp>
#include <string>

namespace fieldkit::engine {

protocol::Hello makeHello(const DeviceSyncState& state) {
    protocol::Hello hello;
    hello.set_protocol_version(protocol::kProtocolVersion);
    hello.set_schema_version(protocol::kSchemaVersion);
    hello.set_device_id(state.deviceId);
    hello.set_pull_cursor(state.pullCursor);
    hello.set_last_acked_device_seq(state.lastAckedDeviceSeq);
    hello.set_app_version(state.appVersion);
    return hello;
}

protocol::Welcome answerHello(const protocol::Hello& hello, std::uint64_t serverHead,
                              std::uint64_t lastAppliedDeviceSeq, std::int64_t hubTimeMs,
                              const HelloPolicy& policy) {
    protocol::Welcome welcome;
    welcome.set_protocol_version(protocol::kProtocolVersion);
    welcome.set_hub_time_ms(hubTimeMs);
    if (hello.protocol_version() < policy.oldestProtocol) {
        welcome.set_status(protocol::Welcome::UPGRADE_REQUIRED);
        welcome.set_reason("Protocol version " + std::to_string(hello.protocol_version()) +
                           " is no longer supported; update fieldkit (the outbox is kept).");
        return welcome;
    }
    if (hello.schema_version() < policy.oldestSchema) {
        welcome.set_status(protocol::Welcome::UPGRADE_REQUIRED);
        welcome.set_reason("Schema version " + std::to_string(hello.schema_version()) +
                           " is no longer accepted by the center; update fieldkit (the outbox is kept).");
        return welcome;
    }
    if (hello.device_id().empty()) {
        welcome.set_status(protocol::Welcome::REFUSED);
        welcome.set_reason("The hello names no device.");
        return welcome;
    }
    welcome.set_status(protocol::Welcome::OK);
    welcome.set_server_head(serverHead);
    welcome.set_last_applied_device_seq(lastAppliedDeviceSeq);
    return welcome;
}

HandshakeOutcome evaluateWelcome(const protocol::Welcome& welcome) {
    if (welcome.protocol_version() == 0) {
        return HandshakeOutcome::ProtocolViolation;
    }
    switch (welcome.status()) {
    case protocol::Welcome::OK:
        return HandshakeOutcome::Proceed;
    case protocol::Welcome::UPGRADE_REQUIRED:
        return HandshakeOutcome::UpgradeRequired;
    case protocol::Welcome::REFUSED:
        return HandshakeOutcome::Refused;
    default:
        return HandshakeOutcome::ProtocolViolation;
    }
}

} // namespace fieldkit::engine
