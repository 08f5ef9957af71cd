#include <fieldkit/core/hex_digit.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/errors.hpp>

namespace fieldkit::crypto {

std::string toHex(ByteView bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0f]);
    }
    return out;
}

Result<Bytes> fromHex(std::string_view hex) {
    if (hex.size() % 2 != 0) {
        return makeError(errc::malformed, "Hex text has an odd number of digits.");
    }
    Bytes out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        const int hi = core::hexDigitValue(hex[i]);
        const int lo = core::hexDigitValue(hex[i + 1]);
        if (hi < 0 || lo < 0) {
            return makeError(errc::malformed, "Hex text contains a character that is not a hex digit.");
        }
        out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
    }
    return out;
}

} // namespace fieldkit::crypto
