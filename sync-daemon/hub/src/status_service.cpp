#include <fieldkit/common/files.hpp>
#include <fieldkit/common/url_encoding.hpp>
#include <fieldkit/core/citizen_view.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/crypto/password_hash.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/hub/status_pages.hpp>
#include <fieldkit/hub/status_service.hpp>
#include <zlib.h>

namespace fieldkit::hub {
namespace {

std::string gzip(const std::string& plain) {
    z_stream z{};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        return {};
    }
    std::string out(deflateBound(&z, plain.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
    z.avail_in = static_cast<uInt>(plain.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return rc == Z_STREAM_END ? out : std::string();
}

std::string typeOf(const std::string& path) {
    const auto ends = [&](std::string_view suffix) { return path.ends_with(suffix); };
    if (ends(".css")) {
        return "text/css; charset=utf-8";
    }
    if (ends(".js")) {
        return "text/javascript; charset=utf-8";
    }
    if (ends(".woff2")) {
        return "font/woff2";
    }
    if (ends(".svg")) {
        return "image/svg+xml";
    }
    if (ends(".png")) {
        return "image/png";
    }
    return {};
}

StatusResponse html(int status, std::string body) {
    StatusResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = StatusService::securityHeaders(false);
    return r;
}

StatusResponse plain(int status, std::string body) {
    StatusResponse r = html(status, std::move(body));
    r.contentType = "text/plain; charset=utf-8";
    return r;
}

std::string queryLang(std::string_view target) {
    const auto q = target.find('?');
    if (q == std::string_view::npos) {
        return {};
    }
    const auto form = common::parseUrlEncoded(target.substr(q + 1));
    const auto it = form.find("lang");
    return it == form.end() ? std::string() : it->second;
}

} // namespace

std::vector<std::pair<std::string, std::string>> StatusService::securityHeaders(bool cacheable) {
    return {
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
        {"Strict-Transport-Security", "max-age=31536000"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Cache-Control", cacheable ? "public, max-age=86400" : "no-store"},
    };
}

StatusService::StatusService(CitizenViews& views, StatusRateLimiter& limiter, Clock clock,
                             std::filesystem::path staticDir, Log log)
    : m_views(views)
    , m_limiter(limiter)
    , m_clock(std::move(clock))
    , m_staticDir(std::move(staticDir))
    , m_log(std::move(log))
    , m_standInVerifier(32) {
    // A verifier no code derives to in practice (a random one): an unknown reference is checked against it.
    crypto::systemRandom().fill(m_standInVerifier);
}

StatusResponse StatusService::handle(const StatusRequest& request) {
    const std::string_view target = request.target;
    const std::string path(target.substr(0, target.find('?')));
    if (path == "/" && (request.method == "GET" || request.method == "HEAD")) {
        StatusResponse r = plain(303, "");
        r.headers.emplace_back("Location", "/status");
        return r;
    }
    if (path == "/status") {
        if (request.method == "GET") {
            const auto language = statusLanguage(queryLang(target), request.acceptLanguage);
            return html(200, renderStatusForm(language, StatusFormNotice::None));
        }
        if (request.method == "POST") {
            if (!request.contentType.starts_with("application/x-www-form-urlencoded")) {
                return plain(415, "A form is expected.");
            }
            return lookUp(request, common::parseUrlEncoded(request.body));
        }
        StatusResponse r = plain(405, "Method not allowed.");
        r.headers.emplace_back("Allow", "GET, POST");
        return r;
    }
    if (path.starts_with("/static/") && request.method == "GET") {
        return staticFile(path.substr(8), request);
    }
    return plain(404, "Not found.");
}

Result<std::int64_t> StatusService::deleteExpired(std::int64_t nowMs) {
    const std::lock_guard guard(m_storeLock);
    return m_views.deleteExpired(nowMs);
}

StatusResponse StatusService::lookUp(const StatusRequest& request,
                                     const std::map<std::string, std::string>& form) {
    const auto field = [&](const char* name) {
        const auto it = form.find(name);
        return it == form.end() ? std::string() : it->second;
    };
    const auto language = statusLanguage(field("lang"), request.acceptLanguage);
    auto reference = crypto::parseCitizenReference(field("reference"));
    auto code = crypto::parseCitizenCode(field("code"));
    if (!reference || !code) {
        return html(400, renderStatusForm(language, StatusFormNotice::Malformed));
    }
    const std::int64_t now = m_clock();
    if (const auto wait = m_limiter.waitMs(request.clientAddress, *reference, now); wait > 0) {
        const std::int64_t seconds = (wait + 999) / 1000;
        StatusResponse r = html(429, renderStatusForm(language, StatusFormNotice::TooMany, seconds));
        r.headers.emplace_back("Retry-After", std::to_string(seconds));
        return r;
    }
    Result<std::optional<PublishedCitizenView>> found = std::optional<PublishedCitizenView>();
    {
        const std::lock_guard guard(m_storeLock);
        found = m_views.find(*reference, now);
    }
    if (!found) {
        m_log("a status look-up could not read the store: " + found.error().code);
        return html(503, renderStatusForm(language, StatusFormNotice::Unavailable));
    }
    // The same work whether or not the reference exists: one derivation, one comparison.
    auto keys = crypto::deriveCitizenKeys(*reference, *code);
    if (!keys) {
        return html(503, renderStatusForm(language, StatusFormNotice::Unavailable));
    }
    const auto& expected = *found ? (*found)->verifier : m_standInVerifier;
    const bool match = crypto::constantTimeEqual(keys->verifier, expected);
    if (match && *found) {
        auto opened = crypto::openCitizenView(*keys, *reference, (*found)->sealed);
        auto view = opened ? core::decodeCitizenView(*opened) : Result<core::CitizenView>(opened.error());
        if (view) {
            return html(200, renderStatusResult(language, *reference, *view));
        }
        m_log("a citizen view matched its verifier but did not open: " + view.error().code);
    }
    m_limiter.failed(request.clientAddress, *reference, now);
    return html(200, renderStatusForm(language, StatusFormNotice::NotFound));
}

StatusResponse StatusService::staticFile(const std::string& path, const StatusRequest& request) {
    // Only plain relative names below the folder: no "..", no hidden files, a known type.
    if (path.empty() || path.find("..") != std::string::npos || path.find("//") != std::string::npos ||
        path.front() == '/' || path.find("/.") != std::string::npos || typeOf(path).empty()) {
        return plain(404, "Not found.");
    }
    std::shared_ptr<const CachedFile> file;
    {
        const std::lock_guard guard(m_filesLock);
        if (auto it = m_files.find(path); it != m_files.end()) {
            file = it->second;
        }
    }
    if (!file) {
        auto bytes = common::readFile(m_staticDir / path);
        if (!bytes) {
            return plain(404, "Not found.");
        }
        auto made = std::make_shared<CachedFile>();
        made->contentType = typeOf(path);
        made->plain = std::move(*bytes);
        if (!path.ends_with(".woff2") && !path.ends_with(".png")) {
            made->gzipped = gzip(made->plain);
        }
        const std::lock_guard guard(m_filesLock);
        file = m_files.emplace(path, std::move(made)).first->second;
    }
    StatusResponse r;
    r.contentType = file->contentType;
    r.headers = securityHeaders(true);
    r.headers.emplace_back("Vary", "Accept-Encoding");
    if (!file->gzipped.empty() && request.acceptEncoding.find("gzip") != std::string::npos) {
        r.body = file->gzipped;
        r.headers.emplace_back("Content-Encoding", "gzip");
    } else {
        r.body = file->plain;
    }
    return r;
}

} // namespace fieldkit::hub
