#include <doctest/doctest.h>
#include <fieldkit/app/qr_code.hpp>
#include <string_view>

using namespace fieldkit::app;

namespace {

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

bool finderAt(const QrCode& code, int x0, int y0) {
    // 7x7: dark ring, light ring, dark 3x3 centre.
    for (int dy = 0; dy < 7; ++dy) {
        for (int dx = 0; dx < 7; ++dx) {
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
            if (code.dark(x0 + dx, y0 + dy) != (ring != 2)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("Reed-Solomon matches the worked 1-M example (HELLO WORLD)") {
    const std::uint8_t data[] = {32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17};
    const std::vector<std::uint8_t> expected{196, 35, 39, 119, 235, 215, 231, 226, 93, 23};
    CHECK(qrReedSolomon(data, 10) == expected);
}

TEST_CASE("format bits for level M are the standard's table") {
    const int table[8] = {0b101010000010010, 0b101000100100101, 0b101111001111100, 0b101101101001011,
                          0b100010111111001, 0b100000011001110, 0b100111110010111, 0b100101010100000};
    for (int mask = 0; mask < 8; ++mask) {
        CHECK(qrFormatBits(mask) == table[mask]);
    }
}

TEST_CASE("byte capacities at level M") {
    CHECK(qrByteCapacity(1) == 14);
    CHECK(qrByteCapacity(2) == 26);
    CHECK(qrByteCapacity(5) == 84);
    CHECK(qrByteCapacity(10) == 213);
    CHECK(qrByteCapacity(40) == 2331);
}

TEST_CASE("the smallest version that holds the data is chosen") {
    CHECK(encodeQr(bytes("12345678901234"))->version() == 1);
    CHECK(encodeQr(bytes("123456789012345"))->version() == 2);
    const auto url = encodeQr(bytes("https://www.borger.dk/internationalt/pas-og-visum/pas"));
    REQUIRE(url.ok());
    CHECK(url->version() == 4);
    CHECK(url->size() == 33);
}

TEST_CASE("function patterns are where readers look for them") {
    const auto code = encodeQr(bytes("https://www.borger.dk/flytning-i-danmark-eller-til-udlandet"));
    REQUIRE(code.ok());
    const int n = code->size();
    CHECK(finderAt(*code, 0, 0));
    CHECK(finderAt(*code, n - 7, 0));
    CHECK(finderAt(*code, 0, n - 7));
    for (int i = 8; i < n - 8; ++i) {
        CHECK(code->dark(i, 6) == (i % 2 == 0));
        CHECK(code->dark(6, i) == (i % 2 == 0));
    }
    CHECK(code->dark(8, n - 8)); // the dark module
    // Format bits, first copy, read back around the top-left finder.
    const int expected = qrFormatBits(code->mask());
    int read = 0;
    for (int i = 0; i <= 5; ++i) {
        read |= (code->dark(8, i) ? 1 : 0) << i;
    }
    read |= (code->dark(8, 7) ? 1 : 0) << 6;
    read |= (code->dark(8, 8) ? 1 : 0) << 7;
    read |= (code->dark(7, 8) ? 1 : 0) << 8;
    for (int i = 9; i < 15; ++i) {
        read |= (code->dark(14 - i, 8) ? 1 : 0) << i;
    }
    CHECK(read == expected);
}

TEST_CASE("too much data is an error, not a broken code") {
    const std::string big(2332, 'x');
    const auto code = encodeQr(bytes(big));
    REQUIRE_FALSE(code.ok());
    CHECK(code.error().code == "qr_too_long");
    CHECK(encodeQr(bytes(std::string(2331, 'x')))->version() == 40);
}
