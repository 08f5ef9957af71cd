#include "test_support.hpp"

#include <cstdio>
#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/operation_seal.hpp>

using namespace fieldkit;

TEST_CASE("the cases-v1 dictionary compresses realistic payloads well beyond plain zstd") {
    // A seed the dictionary was not trained on (it used seed 1), so this measures generalisation.
    casegen::CaseGenerator generator(424242);
    crypto::CompressionSizes full;
    crypto::CompressionSizes notes;
    for (int i = 0; i < 300; ++i) {
        const auto c = generator.next();
        const auto sizes = crypto::measureCompression(crypto::encodeFieldValues(casegen::toFieldValues(c)));
        full.raw += sizes.raw;
        full.withDictionary += sizes.withDictionary;
        full.withoutDictionary += sizes.withoutDictionary;
        // A later save: one appended note.
        const auto note =
            crypto::measureCompression(crypto::encodeFieldValues({{crypto::field_id::note, c.notes.back()}}));
        notes.raw += note.raw;
        notes.withDictionary += note.withDictionary;
        notes.withoutDictionary += note.withoutDictionary;
    }
    auto ratio = [](std::size_t part, std::size_t whole) {
        return static_cast<double>(part) / static_cast<double>(whole);
    };
    MESSAGE("whole-case payloads: raw " << full.raw / 300 << " B, dictionary "
                                        << ratio(full.withDictionary, full.raw) << ", plain zstd "
                                        << ratio(full.withoutDictionary, full.raw));
    MESSAGE("single-note payloads: raw " << notes.raw / 300 << " B, dictionary "
                                         << ratio(notes.withDictionary, notes.raw) << ", plain zstd "
                                         << ratio(notes.withoutDictionary, notes.raw));
    CHECK(ratio(full.withDictionary, full.raw) < 0.35);
    CHECK(full.withDictionary * 2 < full.withoutDictionary);
    CHECK(notes.withDictionary < notes.withoutDictionary);
}
