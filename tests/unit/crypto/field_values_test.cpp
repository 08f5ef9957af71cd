#include "test_support.hpp"

#include <fieldkit/crypto/field_values.hpp>

using namespace fieldkit::crypto;

TEST_CASE("field values round-trip, including empty and long values") {
    const std::vector<FieldValue> values = {
        {field_id::cpr, "010203-1234"}, {field_id::name, "Søren Østergaard"},
        {field_id::note, ""},           {field_id::attachment, std::string(300, 'x')},
        {UINT32_MAX, "max id"},
    };
    auto decoded = decodeFieldValues(encodeFieldValues(values));
    REQUIRE(decoded.ok());
    CHECK(*decoded == values);

    auto empty = decodeFieldValues(encodeFieldValues({}));
    REQUIRE(empty.ok());
    CHECK(empty->empty());
}

TEST_CASE("field values reject truncation, trailing bytes and odd encodings") {
    const Bytes good = encodeFieldValues({{1, "abc"}, {300, "de"}});
    CHECK(toHex(good) == "01020103616263ac02026465");

    for (std::size_t size = 0; size < good.size(); ++size) {
        auto r = decodeFieldValues(ByteView(good).first(size));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == errc::truncated);
    }
    Bytes trailing = good;
    trailing.push_back(0);
    CHECK(decodeFieldValues(trailing).error().code == errc::malformed);

    CHECK(decodeFieldValues(test::hex("02")).error().code == errc::unsupported_version);
    // Overlong varint for count (0x81 0x00 = 1 written in two bytes).
    CHECK(decodeFieldValues(test::hex("01810001016100")).error().code == errc::malformed);
    // Field id beyond 32 bits.
    CHECK(decodeFieldValues(test::hex("0101808080801000")).error().code == errc::malformed);
    // Varint beyond 64 bits.
    CHECK(decodeFieldValues(test::hex("01ffffffffffffffffff7f")).error().code == errc::malformed);
    // A count that promises more entries than bytes remain.
    CHECK(decodeFieldValues(test::hex("01ff01")).error().code == errc::truncated);
    // A value length past the end.
    CHECK(decodeFieldValues(test::hex("0101010561")).error().code == errc::truncated);
}
