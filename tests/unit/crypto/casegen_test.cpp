#include "test_support.hpp"

#include <algorithm>
#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/casegen/split_mix64.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <set>

using namespace fieldkit;

TEST_CASE("splitmix64 matches its reference sequence") {
    // Reference values for seed 1234567 from the splitmix64.c of Vigna.
    casegen::SplitMix64 random(1234567);
    CHECK(random.next() == 6457827717110365317ull);
    CHECK(random.next() == 3203168211198807973ull);
    CHECK(random.next() == 9817491932198370423ull);
}

TEST_CASE("the generator is reproducible from its seed") {
    casegen::CaseGenerator a(5);
    casegen::CaseGenerator b(5);
    casegen::CaseGenerator c(6);
    const auto first = a.next();
    CHECK(casegen::toJson(first) == casegen::toJson(b.next()));
    CHECK(casegen::toJson(first) != casegen::toJson(c.next()));
}

TEST_CASE("generated cases are realistic and about 1 KB") {
    casegen::CaseGenerator generator(2024);
    std::set<std::string> services;
    std::size_t totalJson = 0;
    constexpr int kCount = 500;
    for (int i = 0; i < kCount; ++i) {
        const auto c = generator.next();
        services.insert(c.service);
        CHECK(casegen::isPlausibleCpr(c.cpr));
        CHECK(std::ranges::find(casegen::CaseGenerator::serviceCodes(), c.service) !=
              casegen::CaseGenerator::serviceCodes().end());
        CHECK_FALSE(c.name.empty());
        CHECK(c.address.find(", ") != std::string::npos);
        CHECK_FALSE(c.notes.empty());
        CHECK_FALSE(c.checklist.empty());
        // CPR gender digit matches the generated first name's list is not checked; parity is: odd = male.
        const std::string json = casegen::toJson(c);
        CHECK(json.find("\"citizen\": {\"cpr\": \"" + c.cpr + "\"") != std::string::npos);
        totalJson += json.size();

        auto decoded = crypto::decodeFieldValues(crypto::encodeFieldValues(casegen::toFieldValues(c)));
        REQUIRE(decoded.ok());
        CHECK(decoded->at(0) == crypto::FieldValue{crypto::field_id::cpr, c.cpr});
    }
    CHECK(services.size() == 13);
    const std::size_t average = totalJson / kCount;
    CHECK(average > 600);
    CHECK(average < 1600);
}

TEST_CASE("CPR numbers follow the century rule and modulus 11 before 2007") {
    casegen::CaseGenerator generator(77);
    for (int i = 0; i < 300; ++i) {
        const bool male = i % 2 == 0;
        const std::string cpr = generator.cpr(male);
        REQUIRE(casegen::isPlausibleCpr(cpr));
        CHECK(((cpr.back() - '0') % 2 == 1) == male);
    }
    CHECK(casegen::isPlausibleCpr("290200-4000"));       // 2000 was a leap year (7th digit 4, YY 00 -> 2000)
    CHECK_FALSE(casegen::isPlausibleCpr("290200-0000")); // 1900 was not
    CHECK_FALSE(casegen::isPlausibleCpr("320101-1234"));
    CHECK_FALSE(casegen::isPlausibleCpr("0101011234"));
}
