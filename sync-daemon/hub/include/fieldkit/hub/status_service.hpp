#pragma once

#include <cstdint>
#include <fieldkit/hub/citizen_views.hpp>
#include <fieldkit/hub/status_rate_limiter.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::hub {

/** A request to the status listener as its logic sees it (no Beast), with the client's address for limits. */
struct StatusRequest {
    std::string method;
    std::string target; // path and query
    std::string body;   // application/x-www-form-urlencoded for POST /status
    std::string contentType;
    std::string acceptLanguage;
    std::string acceptEncoding;
    std::string clientAddress;
};

struct StatusResponse {
    int status = 200;
    std::string contentType = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers; // the security headers included
};

/**
 * The public status page's logic (issue 18): GET /status (the form), POST /status (reference + code), the
 * static files (Det Fælles Designsystem, status.css, status.js). Per look-up it derives the keys from the
 * code (crypto::deriveCitizenKeys), compares the verifier in constant time, opens the view, renders it and
 * forgets all of it. An unknown reference and a wrong code take the same path (a derivation and a comparison
 * against a stand-in verifier) and get the same page. It logs no reference, code, address or view.
 * Thread-safe: the store is used under a lock of its own, derivations run in parallel.
 */
class StatusService {
public:
    using Clock = std::function<std::int64_t()>;
    using Log = std::function<void(const std::string&)>;

    StatusService(CitizenViews& views, StatusRateLimiter& limiter, Clock clock,
                  std::filesystem::path staticDir, Log log);

    [[nodiscard]] StatusResponse handle(const StatusRequest& request);
    /** Deletes the views whose receipt expired (closed + core::kCitizenViewRetentionMs); how many. */
    [[nodiscard]] Result<std::int64_t> deleteExpired(std::int64_t nowMs);

    /** The headers every answer carries: CSP without inline scripts or styles, HSTS, no referrer, no
     * sniffing, no framing, no caching of pages. */
    [[nodiscard]] static std::vector<std::pair<std::string, std::string>> securityHeaders(bool cacheable);

private:
    StatusResponse lookUp(const StatusRequest& request, const std::map<std::string, std::string>& form);
    StatusResponse staticFile(const std::string& path, const StatusRequest& request);

    CitizenViews& m_views;
    std::mutex m_storeLock;
    StatusRateLimiter& m_limiter;
    Clock m_clock;
    std::filesystem::path m_staticDir;
    Log m_log;
    std::vector<std::uint8_t> m_standInVerifier; // compared against when the reference is unknown

    struct CachedFile {
        std::string contentType;
        std::string plain;
        std::string gzipped; // empty when compression does not pay
    };
    std::mutex m_filesLock;
    std::map<std::string, std::shared_ptr<const CachedFile>> m_files;
};

} // namespace fieldkit::hub
