// The public status page (issue 18): the citizen views concern on both backends, the rate limiter, the page
// rendering and the look-up logic (derivation, verifier, same answer for unknown reference and wrong code).
#include "center_store_fixture.hpp"

#include <doctest/doctest.h>
#include <fieldkit/core/citizen_view.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/status_pages.hpp>
#include <fieldkit/hub/status_rate_limiter.hpp>
#include <fieldkit/hub/status_service.hpp>
#include <fstream>
#include <map>
#include <unistd.h>

using namespace fieldkit;
using namespace fieldkit::hub;
using fieldkit::hub::testing::PostgresBackend;
using fieldkit::hub::testing::SqliteBackend;
using fieldkit::hub::testing::TempStore;

namespace {

constexpr std::string_view kReference = "7K2QM9XB4T";
constexpr std::string_view kCode = "ABCDEFGHJKMNPQRS";

core::CitizenView passportView() {
    core::CitizenView view;
    view.service = "passport";
    view.timeline = {{core::CaseStatus::Opened, 1'780'000'000'000},
                     {core::CaseStatus::Informed, 1'780'100'000'000}};
    view.missingItems = {1, 2};
    view.lookups = {{1'780'050'000'000, "case-page", "bike-07"}};
    return view;
}

PublishedCitizenView published(std::string reference, std::string_view code, const core::CitizenView& view,
                               std::int64_t updated, std::int64_t expires = 0, char caseByte = 'a') {
    auto keys = crypto::deriveCitizenKeys(reference, code);
    REQUIRE(keys.ok());
    const auto plain = core::encodeCitizenView(view);
    auto sealed = crypto::sealCitizenView(*keys, reference, crypto::asBytes(plain));
    return PublishedCitizenView{std::move(reference),
                                std::vector<std::uint8_t>(16, static_cast<std::uint8_t>(caseByte)),
                                "bike-07",
                                keys->verifier,
                                std::move(sealed),
                                updated,
                                expires};
}

/** The citizen views concern in memory, for the look-up logic. */
class MemoryViews final : public CitizenViews {
public:
    Status publish(const PublishedCitizenView& view) override {
        views[view.reference] = view;
        return {};
    }
    Result<std::optional<PublishedCitizenView>> find(const std::string& reference, std::int64_t) override {
        ++finds;
        auto it = views.find(reference);
        return it == views.end() ? std::optional<PublishedCitizenView>() : std::optional(it->second);
    }
    Result<std::int64_t> deleteExpired(std::int64_t) override { return std::int64_t{0}; }

    std::map<std::string, PublishedCitizenView> views;
    int finds = 0;
};

StatusRequest post(std::string_view reference, std::string_view code, std::string address = "192.0.2.1",
                   std::string lang = "") {
    StatusRequest r;
    r.method = "POST";
    r.target = "/status";
    r.contentType = "application/x-www-form-urlencoded";
    r.body = "reference=" + std::string(reference) + "&code=" + std::string(code) +
             (lang.empty() ? "" : "&lang=" + lang);
    r.clientAddress = std::move(address);
    return r;
}

std::string headerOf(const StatusResponse& r, std::string_view name) {
    for (const auto& [n, v] : r.headers) {
        if (n == name) {
            return v;
        }
    }
    return {};
}

} // namespace

TEST_CASE_TEMPLATE("status page: citizen views are kept per reference, newer versions win, expired ones go",
                   Backend, SqliteBackend, PostgresBackend) {
    TempStore t{Backend{}};
    auto& views = t.store->citizenViews();
    const std::int64_t now = 1'780'000'000'000;
    REQUIRE(views.publish(published(std::string(kReference), kCode, passportView(), 100)).ok());
    auto found = views.find(std::string(kReference), now);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->unit == "bike-07");
    CHECK((*found)->updatedMs == 100);

    // An older version never replaces a newer one; a newer one does.
    auto older = published(std::string(kReference), kCode, passportView(), 50);
    REQUIRE(views.publish(older).ok());
    CHECK((*views.find(std::string(kReference), now))->updatedMs == 100);
    REQUIRE(views.publish(published(std::string(kReference), kCode, passportView(), 200, now + 1000)).ok());
    CHECK((*views.find(std::string(kReference), now))->updatedMs == 200);

    // Another case cannot take the reference.
    CHECK(
        views.publish(published(std::string(kReference), kCode, passportView(), 300, 0, 'b')).error().code ==
        "reference_taken");

    // Expiry: invisible once expired, deleted by the sweep.
    CHECK_FALSE(views.find(std::string(kReference), now + 1000)->has_value());
    CHECK(*views.deleteExpired(now + 1000) == 1);
    CHECK(*views.deleteExpired(now + 1000) == 0);
    CHECK_FALSE(views.find("0000000000", now)->has_value());
}

TEST_CASE("status page: the rate limiter backs off per address and spares a clean address") {
    StatusRateLimiter::Limits limits;
    limits.freePerAddress = 3;
    limits.freePerReference = 5;
    StatusRateLimiter limiter(limits);
    std::int64_t now = 1'000'000;
    for (int i = 0; i < 3; ++i) {
        CHECK(limiter.waitMs("a", "R1", now) == 0);
        limiter.failed("a", "R1", now);
    }
    CHECK(limiter.waitMs("a", "R2", now) == 0); // three free failures
    limiter.failed("a", "R2", now);
    CHECK(limiter.waitMs("a", "R3", now) == 1000); // then 1 s
    now += 1000;
    limiter.failed("a", "R3", now);
    CHECK(limiter.waitMs("a", "R4", now) == 2000); // 2 s, doubling
    // The reference R1 has failed from a and from b; after its free failures it binds addresses that failed.
    for (int i = 0; i < 4; ++i) {
        limiter.failed("b" + std::to_string(i), "R1", now);
    }
    CHECK(limiter.waitMs("b0", "R1", now) > 0);
    // ... but not a clean address: the citizen on their own phone still gets their look-up.
    CHECK(limiter.waitMs("citizen", "R1", now) == 0);
    // Failures are forgotten after a day.
    CHECK(limiter.waitMs("a", "R9", now + limits.forgetMs) == 0);
}

TEST_CASE("status page: the limiter's memory stays bounded under a flood of addresses") {
    StatusRateLimiter::Limits limits;
    limits.maxTracked = 1000;
    StatusRateLimiter limiter(limits);
    for (int i = 0; i < 5000; ++i) {
        limiter.failed("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256), "R", i);
    }
    CHECK(limiter.trackedAddresses() <= 1001);
}

TEST_CASE("status page: the result shows service, status, missing items, next step, authority and Min log") {
    const auto da = renderStatusResult(core::Language::Danish, kReference, passportView());
    CHECK(da.find("<html lang=\"da\">") != std::string::npos);
    CHECK(da.find("Pas") != std::string::npos);
    CHECK(da.find("Oplyst") != std::string::npos);
    CHECK(da.find("7K2QM-9XB4T") != std::string::npos);
    CHECK(da.find("Du mangler") != std::string::npos);
    CHECK(da.find("Min log") != std::string::npos);
    CHECK(da.find("bike-07") != std::string::npos);
    CHECK(da.find("Sagen blev åbnet") != std::string::npos);
    CHECK(da.find("<script") == std::string::npos); // the result needs no script at all
    CHECK(da.find("style=") == std::string::npos);  // no inline style (CSP)
    const auto en = renderStatusResult(core::Language::English, kReference, passportView());
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("You still need") != std::string::npos);
    CHECK(en.find("My log") != std::string::npos);
    // A hostile unit name or purpose cannot inject markup.
    auto view = passportView();
    view.lookups = {{1, "<script>", "<b>x</b>"}};
    const auto escaped = renderStatusResult(core::Language::Danish, kReference, view);
    CHECK(escaped.find("<b>x</b>") == std::string::npos);
    CHECK(escaped.find("&lt;b&gt;x&lt;/b&gt;") != std::string::npos);
}

TEST_CASE("status page: the form references only its own script, and English is chosen by lang or header") {
    const auto form = renderStatusForm(core::Language::Danish, StatusFormNotice::None);
    CHECK(form.find("<script src=\"/static/status.js\" defer></script>") != std::string::npos);
    CHECK(form.find("<script>") == std::string::npos);
    CHECK(form.find("name=\"reference\"") != std::string::npos);
    CHECK(form.find("name=\"code\"") != std::string::npos);
    CHECK(statusLanguage("en", "") == core::Language::English);
    CHECK(statusLanguage("", "en-GB,en;q=0.8") == core::Language::English);
    CHECK(statusLanguage("", "da,en;q=0.8") == core::Language::Danish);
    CHECK(statusLanguage("da", "en") == core::Language::Danish);
}

TEST_CASE(
    "status page: a look-up opens the view with the right code only, and an unknown reference and a wrong "
    "code get the very same page") {
    MemoryViews views;
    StatusRateLimiter limiter;
    std::int64_t now = 1'780'000'000'000;
    StatusService service(
        views, limiter, [&] { return now; }, "/nonexistent", [](const std::string&) {});
    REQUIRE(views.publish(published(std::string(kReference), kCode, passportView(), 1)).ok());

    const auto ok = service.handle(post("7k2qm-9xb4t", "abcd-efgh-jkmn-pqrs"));
    CHECK(ok.status == 200);
    CHECK(ok.body.find("Oplyst") != std::string::npos);
    CHECK(ok.body.find("ABCD") == std::string::npos); // the code is never echoed

    const auto wrongCode = service.handle(post(kReference, "ABCDEFGHJKMNPQRT", "192.0.2.2"));
    const auto unknown = service.handle(post("7K2QM9XB4V", kCode, "192.0.2.3"));
    CHECK(wrongCode.status == unknown.status);
    CHECK(wrongCode.body == unknown.body);
    CHECK(wrongCode.body.find("Vi kunne ikke finde") != std::string::npos);

    const auto malformed = service.handle(post("123", kCode));
    CHECK(malformed.status == 400);

    // Security headers on every answer.
    for (const auto* r : {&ok, &wrongCode, &malformed}) {
        CHECK(headerOf(*r, "Content-Security-Policy").find("script-src 'self'") != std::string::npos);
        CHECK(headerOf(*r, "Content-Security-Policy").find("unsafe-inline") == std::string::npos);
        CHECK(headerOf(*r, "Strict-Transport-Security").starts_with("max-age="));
        CHECK(headerOf(*r, "Referrer-Policy") == "no-referrer");
        CHECK(headerOf(*r, "Cache-Control") == "no-store");
    }
}

TEST_CASE(
    "status page: too many wrong codes from one address get 429 with Retry-After, the citizen elsewhere "
    "is still served") {
    MemoryViews views;
    StatusRateLimiter limiter;
    std::int64_t now = 1'780'000'000'000;
    StatusService service(
        views, limiter, [&] { return now; }, "/nonexistent", [](const std::string&) {});
    REQUIRE(views.publish(published(std::string(kReference), kCode, passportView(), 1)).ok());
    int tooMany = 0;
    int served = 0;
    for (int i = 0; i < 40; ++i) {
        auto r = service.handle(
            post(kReference, "ZZZZZZZZZZZZZZZ" + std::string(1, "0123456789ABCDEFGHJKMNPQRSTVWXY"[i % 31]),
                 "198.51.100.7"));
        if (r.status == 429) {
            ++tooMany;
            CHECK(std::stoi(headerOf(r, "Retry-After")) >= 1);
        } else if (r.body.find("Oplyst") != std::string::npos) {
            ++served;
        }
    }
    CHECK(served == 0);
    CHECK(tooMany >= 29); // ten free failures, then locked
    CHECK(service.handle(post(kReference, kCode, "192.0.2.50")).body.find("Oplyst") != std::string::npos);
}

TEST_CASE(
    "status page: static files are served only from the folder, with a known type, gzipped on request") {
    const auto dir =
        std::filesystem::temp_directory_path() / ("fk-status-static-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "dkfds" / "css");
    {
        std::ofstream(dir / "status.css") << std::string(4000, 'a');
        std::ofstream(dir / "secret.txt") << "no";
    }
    MemoryViews views;
    StatusRateLimiter limiter;
    StatusService service(
        views, limiter, [] { return std::int64_t{0}; }, dir, [](const std::string&) {});
    StatusRequest get;
    get.method = "GET";
    get.target = "/static/status.css";
    get.acceptEncoding = "gzip, br";
    const auto css = service.handle(get);
    CHECK(css.status == 200);
    CHECK(headerOf(css, "Content-Encoding") == "gzip");
    CHECK(css.body.size() < 200);
    for (const char* bad :
         {"/static/secret.txt", "/static/../status.css", "/static/dkfds/../../x.css", "/etc/passwd"}) {
        get.target = bad;
        CHECK(service.handle(get).status == 404);
    }
    std::filesystem::remove_all(dir);
}
