#include <fieldkit/hub/hub_metrics.hpp>
#include <sstream>

namespace fieldkit::hub {

void HubMetrics::observeSyncDuration(double seconds) {
    for (std::size_t i = 0; i < kDurationBuckets.size(); ++i) {
        if (seconds <= kDurationBuckets[i]) {
            ++syncDurationBuckets[i];
        }
    }
    ++syncDurationCount;
    syncDurationSum += seconds;
}

std::string renderPrometheus(const HubMetrics& m) {
    std::ostringstream out;
    const auto gauge = [&](const char* name, const char* help, const char* type, auto value) {
        out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n'
            << name << ' ' << value << '\n';
    };
    gauge("fieldkit_hub_connected_devices", "Devices with an open sync connection.", "gauge",
          m.connectedDevices);
    gauge("fieldkit_hub_sessions_total", "Sync connections accepted.", "counter", m.sessionsTotal);
    gauge("fieldkit_hub_rounds_total", "Sync rounds (hello to reply); many per connection.", "counter",
          m.roundsTotal);
    gauge("fieldkit_hub_handshake_failures_total", "TLS or WebSocket handshakes that failed.", "counter",
          m.handshakeFailures);
    gauge("fieldkit_hub_frames_rejected_total", "Malformed, oversized or out-of-order frames.", "counter",
          m.framesRejected);
    gauge("fieldkit_hub_connections_replaced_total",
          "Connections closed because the same device opened a new one.", "counter", m.connectionsReplaced);
    gauge("fieldkit_hub_ops_applied_total", "Operations applied to the center store.", "counter",
          m.opsApplied);
    gauge("fieldkit_hub_unit_change_notices_total",
          "Units told changed by a commit of any hub sharing the PostgreSQL center.", "counter",
          m.unitChangeNotices);
    gauge("fieldkit_hub_wake_ups_total",
          "Connected devices told that their unit has changes (ChangesWaiting), so they sync at once.",
          "counter", m.wakeUps);
    gauge("fieldkit_hub_conflicts_total", "Field conflicts detected.", "counter", m.conflicts);
    gauge("fieldkit_hub_bytes_in_total", "Payload bytes received from devices.", "counter", m.bytesIn);
    gauge("fieldkit_hub_bytes_out_total", "Payload bytes sent to devices.", "counter", m.bytesOut);
    gauge("fieldkit_attachment_chunks_served_total", "Attachment chunks sent to devices downloading them.",
          "counter", m.chunksServed);
    gauge("fieldkit_attachment_chunk_slices_served_total",
          "Slices of attachment chunks sent to devices downloading them (links too short for a chunk).",
          "counter", m.chunkSlicesServed);
    gauge("fieldkit_attachment_offers_total", "Attachment offers answered.", "counter", m.attachmentOffers);
    gauge("fieldkit_attachment_chunks_received_total",
          "Attachment chunks received from devices, resends and refused ones included.", "counter",
          m.chunksReceived);
    gauge("fieldkit_attachment_chunk_slices_held_total",
          "Slices of attachment chunks held until their chunk was whole (links too short for a chunk).",
          "counter", m.chunkSlicesHeld);
    gauge("fieldkit_attachment_chunks_stored_total", "Attachment chunks committed for the first time.",
          "counter", m.chunksStored);
    gauge("fieldkit_attachment_chunks_duplicate_total", "Attachment chunks the center already held.",
          "counter", m.chunksDuplicate);
    gauge("fieldkit_attachment_chunks_refused_total",
          "Attachment chunks refused (checksum, offset, length or unknown attachment).", "counter",
          m.chunksRefused);
    out << "# HELP fieldkit_hub_sync_duration_seconds Time from hello to reply.\n"
        << "# TYPE fieldkit_hub_sync_duration_seconds histogram\n";
    for (std::size_t i = 0; i < HubMetrics::kDurationBuckets.size(); ++i) {
        out << "fieldkit_hub_sync_duration_seconds_bucket{le=\"" << HubMetrics::kDurationBuckets[i] << "\"} "
            << m.syncDurationBuckets[i] << '\n';
    }
    out << "fieldkit_hub_sync_duration_seconds_bucket{le=\"+Inf\"} " << m.syncDurationCount << '\n'
        << "fieldkit_hub_sync_duration_seconds_sum " << m.syncDurationSum << '\n'
        << "fieldkit_hub_sync_duration_seconds_count " << m.syncDurationCount << '\n';
    return out.str();
}

} // namespace fieldkit::hub
