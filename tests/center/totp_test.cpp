// TOTP against the RFC 6238 appendix B test vectors (SHA-1), and the ±1 step window.
#include <doctest/doctest.h>
#include <fieldkit/center/totp.hpp>

using namespace fieldkit;
using namespace fieldkit::center;

namespace {

const std::string kRfcSecret = "12345678901234567890";

} // namespace

TEST_CASE("HOTP and TOTP match the RFC 6238 SHA-1 test vectors") {
    const auto secret = crypto::asBytes(kRfcSecret);
    // RFC 6238 appendix B: time, 8-digit TOTP.
    const std::pair<std::int64_t, std::uint32_t> vectors[] = {
        {59, 94287082},         {1111111109, 7081804},  {1111111111, 14050471},
        {1234567890, 89005924}, {2000000000, 69279037}, {20000000000, 65353130},
    };
    for (const auto& [time, code] : vectors) {
        CHECK(hotp(secret, static_cast<std::uint64_t>(totpStep(time)), 8) == code);
        const auto six = std::to_string(code % 1000000);
        CHECK(totpCode(secret, totpStep(time)) == std::string(6 - six.size(), '0') + six);
    }
    // RFC 4226 appendix D: HOTP counter 0 and 9.
    CHECK(hotp(secret, 0) == 755224);
    CHECK(hotp(secret, 9) == 520489);
}

TEST_CASE("a TOTP code matches its own step and one either side, nothing further or malformed") {
    const auto secret = crypto::asBytes(kRfcSecret);
    const std::int64_t now = 1000;
    CHECK(matchTotp(secret, totpCode(secret, now), now) == now);
    CHECK(matchTotp(secret, totpCode(secret, now - 1), now) == now - 1);
    CHECK(matchTotp(secret, totpCode(secret, now + 1), now) == now + 1);
    CHECK_FALSE(matchTotp(secret, totpCode(secret, now - 2), now).has_value());
    CHECK_FALSE(matchTotp(secret, totpCode(secret, now + 2), now).has_value());
    CHECK_FALSE(matchTotp(secret, "12345", now).has_value());
    CHECK_FALSE(matchTotp(secret, "12a456", now).has_value());
}

TEST_CASE("base32 and the otpauth URI follow RFC 4648 and the key-uri format") {
    CHECK(base32(crypto::asBytes("foobar")) == "MZXW6YTBOI");
    CHECK(base32(crypto::asBytes(kRfcSecret)) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    CHECK(otpauthUri("anna j", crypto::asBytes(kRfcSecret)) ==
          "otpauth://totp/fieldkit-center:anna%20j?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
          "&issuer=fieldkit-center&algorithm=SHA1&digits=6&period=30");
}
