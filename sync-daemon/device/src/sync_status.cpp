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
    o["needs_attention"] = s.needsAttention;
    o["last_refusal"] = s.lastRefusal;
    o["last_refusal_code"] = s.lastRefusalCode;
    o["oldest_pending_ms"] = s.oldestPendingMs;
    o["pull_cursor"] = s.pullCursor;
    o["hub_head"] = s.hubHead;
    o["plan"] = s.plan;
    o["connected"] = s.connected;
    const auto progress = [](const TransferProgress& p) {
        return json::object{{"items_done", p.itemsDone},
                            {"items_left", p.itemsLeft},
                            {"bytes_done", p.bytesDone},
                            {"bytes_left", p.bytesLeft}};
    };
    o["link"] = json::object{{"bytes_per_second", s.linkBytesPerSecond},
                             {"push_bytes", s.linkPushBytes},
                             {"cut_factor", s.linkCutFactor}};
    o["progress"] = json::object{{"active", s.transferring},
                                 {"up", progress(s.up)},
                                 {"down", progress(s.down)},
                                 {"attachments", progress(s.attachments)}};
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
    s.needsAttention = static_cast<std::uint64_t>(num("needs_attention"));
    s.lastRefusal = str("last_refusal");
    s.lastRefusalCode = str("last_refusal_code");
    s.oldestPendingMs = num("oldest_pending_ms");
    s.pullCursor = static_cast<std::uint64_t>(num("pull_cursor"));
    s.hubHead = static_cast<std::uint64_t>(num("hub_head"));
    s.plan = str("plan");
    const auto* connected = o.if_contains("connected");
    s.connected = connected != nullptr && connected->is_bool() && connected->as_bool();
    if (const auto* link = o.if_contains("link"); link != nullptr && link->is_object()) {
        const auto real = [&](const char* key) {
            const auto* v = link->as_object().if_contains(key);
            return v != nullptr && v->is_number() ? v->to_number<double>(ec) : 0.0;
        };
        s.linkBytesPerSecond = real("bytes_per_second");
        // An edited or damaged file must not overflow the conversion (nan, inf, 1e300 are undefined
        // behaviour as integers); LinkPace brings whatever remains within its limits.
        const double pushBytes = real("push_bytes");
        s.linkPushBytes = pushBytes >= 0 && pushBytes < 1e15 ? static_cast<std::uint64_t>(pushBytes) : 0;
        s.linkCutFactor = real("cut_factor");
    }
    if (const auto* progress = o.if_contains("progress"); progress != nullptr && progress->is_object()) {
        const auto& p = progress->as_object();
        const auto* active = p.if_contains("active");
        s.transferring = active != nullptr && active->is_bool() && active->as_bool();
        const auto direction = [&](const char* key) {
            TransferProgress t;
            const auto* d = p.if_contains(key);
            if (d == nullptr || !d->is_object()) {
                return t;
            }
            const auto field = [&](const char* name) -> std::uint64_t {
                const auto* v = d->as_object().if_contains(name);
                if (v == nullptr) {
                    return 0;
                }
                auto n = v->to_number<std::uint64_t>(ec);
                return ec ? 0 : n;
            };
            t.itemsDone = field("items_done");
            t.itemsLeft = field("items_left");
            t.bytesDone = field("bytes_done");
            t.bytesLeft = field("bytes_left");
            return t;
        };
        s.up = direction("up");
        s.down = direction("down");
        s.attachments = direction("attachments");
    }
    return s;
}

std::filesystem::path syncStatusFile(const std::filesystem::path& dataDir) {
    return common::syncDir(dataDir) / "status.json";
}

Status saveSyncStatus(const std::filesystem::path& dataDir, const SyncStatus& status) {
    return common::writeFileAtomic(syncStatusFile(dataDir), toJson(status) + "\n", true);
}

Result<SyncStatus> loadSyncStatus(const std::filesystem::path& dataDir) {
    auto text = common::readFile(syncStatusFile(dataDir));
    if (!text) {
        return text.error();
    }
    return syncStatusFromJson(*text);
}

} // namespace fieldkit::device
