#pragma once

#include <cstdint>
#include <fieldkit/casegen/generated_case.hpp>
#include <fieldkit/casegen/split_mix64.hpp>
#include <span>
#include <string_view>

namespace fieldkit::casegen {

/** Produces realistic, reproducible Danish citizen-service cases from a seed (names, addresses, CPR numbers,
 *  service checklists, notes in Danish) for tests, benchmarks and dictionary training. */
class CaseGenerator {
public:
    explicit CaseGenerator(std::uint64_t seed)
        : m_random(seed) {}

    [[nodiscard]] GeneratedCase next();

    /** Service codes of DOMAIN.md's catalogue, in catalogue order. */
    [[nodiscard]] static std::span<const std::string_view> serviceCodes();

    // Pieces, exposed for tests that need one value of a kind.
    [[nodiscard]] std::string cpr(bool male);
    [[nodiscard]] std::string phone();

private:
    SplitMix64 m_random;
};

/** True if `cpr` is DDMMYY-SSSS with a real date for the century its 7th digit gives (DOMAIN.md rules). */
[[nodiscard]] bool isPlausibleCpr(std::string_view cpr);

} // namespace fieldkit::casegen
