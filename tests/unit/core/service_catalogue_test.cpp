#include <array>
#include <cstddef>
#include <doctest/doctest.h>
#include <fieldkit/core/service_catalogue.hpp>
#include <iterator>
#include <set>
#include <string_view>

using fieldkit::core::Language;
using fieldkit::core::Service;
using fieldkit::core::serviceCatalogue;

namespace {

bool isKleCode(std::string_view kle) {
    // NN.NN.NN (DOMAIN.md); the action facet is not part of a service's classification.
    if (kle.size() != 8 || kle[2] != '.' || kle[5] != '.') {
        return false;
    }
    for (std::size_t i : {0U, 1U, 3U, 4U, 6U, 7U}) {
        if (kle[i] < '0' || kle[i] > '9') {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("ServiceCatalogue: the 13 services of DOMAIN.md, in order") {
    const std::array<std::string_view, 13> codes{
        "moving",       "health-card", "residence-cert", "passport",   "driving-licence", "youth-id", "mitid",
        "digital-post", "tax-card",    "child-benefit",  "free-place", "pension",         "guidance",
    };
    const auto all = serviceCatalogue().all();
    REQUIRE(all.size() == codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i) {
        CHECK(all[i].code == codes[i]);
        const Service* found = serviceCatalogue().find(codes[i]);
        REQUIRE(found != nullptr);
        CHECK(found == &all[i]);
    }
}

TEST_CASE("ServiceCatalogue: unknown codes are absent, not errors") {
    for (std::string_view code : {"", "Passport", "passports", "housing-benefit", " moving"}) {
        CAPTURE(code);
        CHECK(serviceCatalogue().find(code) == nullptr);
    }
}

TEST_CASE("ServiceCatalogue: every service is complete in both languages") {
    for (const Service& service : serviceCatalogue().all()) {
        CAPTURE(service.code);
        for (Language language : {Language::Danish, Language::English}) {
            CHECK_FALSE(service.name.in(language).empty());
            CHECK_FALSE(service.authority.in(language).empty());
            CHECK_FALSE(service.fee.in(language).empty());
        }
        CHECK(service.selfServiceUrl.starts_with("https://www.borger.dk"));
        CHECK_FALSE(service.checklist.empty());
        std::set<std::uint16_t> ids;
        for (const auto& item : service.checklist) {
            CHECK(item.id > 0);
            CHECK_FALSE(item.text.da.empty());
            CHECK_FALSE(item.text.en.empty());
            CHECK(ids.insert(item.id).second); // ids are unique within a service
        }
    }
}

TEST_CASE("ServiceCatalogue: KLE only where DOMAIN.md gives one") {
    struct Row {
        std::string_view code;
        std::string_view kle;
    };
    const Row rows[] = {{"moving", "23.05.00"}, {"health-card", "29.03.00"}, {"residence-cert", "23.05.03"}};
    std::size_t withKle = 0;
    for (const Service& service : serviceCatalogue().all()) {
        CAPTURE(service.code);
        if (!service.kle.empty()) {
            ++withKle;
            CHECK(isKleCode(service.kle));
        }
    }
    CHECK(withKle == std::size(rows));
    for (const Row& row : rows) {
        const Service* service = serviceCatalogue().find(row.code);
        REQUIRE(service != nullptr);
        CHECK(service->kle == row.kle);
    }
}

TEST_CASE("ServiceCatalogue: personal attendance for passport, driving licence and ID card") {
    for (const Service& service : serviceCatalogue().all()) {
        CAPTURE(service.code);
        const bool expected =
            service.code == "passport" || service.code == "driving-licence" || service.code == "youth-id";
        CHECK(service.personalAttendanceRequired == expected);
    }
}

TEST_CASE("ServiceCatalogue: a catalogue can be built over other data (for tests of other layers)") {
    const std::array services{
        Service{"x", {"X", "X"}, {"A", "A"}, "", false, {}, "https://www.borger.dk", {}}};
    const fieldkit::core::ServiceCatalogue catalogue{services};
    CHECK(catalogue.all().size() == 1);
    CHECK(catalogue.find("x") == &services[0]);
    CHECK(catalogue.find("moving") == nullptr);
}
