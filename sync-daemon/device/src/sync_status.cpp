#include <boost/json.hpp>
#include <fieldkit/common/device_sync_config.hpp>
#include <fieldkit/common/files.hpp>
#include <fieldkit/device/sync_status.hpp>

namespace fieldkit::device {
namespace json = boost::json;

std::string toJson(const SyncStatus& s) {
    json::object o;
    o["state"] = s.state;
    o["last_attempt_ms"] = s.lastAttemptMs;
    o["last_success_ms"] = s.lastSuccessMs;
    o["last_error"] = s.lastError;
    o["pending_ops"] = s.pendingOps;
    o["oldest_pending_ms"] = s.oldestPendingMs;
    o["pull_cursor"] = s.pullCursor;
    o["hub_head"] = s.hubHead;
    o["plan"] = s.plan;
    return json::serialize(o);
}

Result<SyncStatus> syncStatusFromJson(std::string_view text) {
    boost::system::error_code ec;
    const json::value value = json::parse(text, ec);
    if (ec || !value.is_object()) {
        return makeError("bad_status", "The sync status file is not valid JSON.");
    }
    const auto& o = value.as_object();
    SyncStatus s;
    const auto str = [&](const char* key) {
        const auto* v = o.if_contains(key);
        return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    const auto num = [&](const char* key) -> std::int64_t {
        const auto* v = o.if_contains(key);
        if (v == nullptr) {
            return 0;
        }
        auto n = v->to_number<std::int64_t>(ec);
        return ec ? 0 : n;
    };
    s.state = str("state");
    s.lastAttemptMs = num("last_attempt_ms");
    s.lastSuccessMs = num("last_success_ms");
    s.lastError = str("last_error");
    s.pendingOps = static_cast<std::uint64_t>(num("pending_ops"));
    s.oldestPendingMs = num("oldest_pending_ms");
    s.pullCursor = static_cast<std::uint64_t>(num("pull_cursor"));
    s.hubHead = static_cast<std::uint64_t>(num("hub_head"));
    s.plan = str("plan");
    return s;
}

std::filesystem::path syncStatusFile(const std::filesystem::path& dataDir) {
    return common::syncDir(dataDir) / "status.json";
}

Status saveSyncStatus(const std::filesystem::path& dataDir, const SyncStatus& status) {
    return common::writeFileAtomic(syncStatusFile(dataDir), toJson(status) + "\n", false);
}

Result<SyncStatus> loadSyncStatus(const std::filesystem::path& dataDir) {
    auto text = common::readFile(syncStatusFile(dataDir));
    if (!text) {
        return text.error();
    }
    return syncStatusFromJson(*text);
}

} // namespace fieldkit::device
