#pragma once

#include <cstdint>
#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/store/store_types.hpp>
#include <vector>

namespace fieldkit::bench {

/** Realistic cases from casegen, mapped to the store's NewCase the way fieldkit-ctl's "case generate" does,
 *  so the encrypted store and plain SQLite are fed the same data. */
class CaseSource {
public:
    explicit CaseSource(std::uint64_t seed)
        : m_generator(seed) {}

    [[nodiscard]] store::NewCase next();
    [[nodiscard]] std::vector<store::NewCase> next(std::size_t count);

private:
    casegen::CaseGenerator m_generator;
};

/** The field values of the operation that creates `input`, built as Session::createCase builds them (CPR
 *  digits, name, address, phone, checklist answers, notes). */
[[nodiscard]] std::vector<crypto::FieldValue> creationValues(const store::NewCase& input);

} // namespace fieldkit::bench
