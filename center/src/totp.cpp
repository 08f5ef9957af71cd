#include <array>
#include <cctype>
#include <fieldkit/center/totp.hpp>
#include <fieldkit/crypto/password_hash.hpp>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace fieldkit::center {

std::uint32_t hotp(crypto::ByteView secret, std::uint64_t counter, int digits) {
    std::array<unsigned char, 8> message{};
    for (int i = 7; i >= 0; --i) {
        message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int macLen = 0;
    HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message.data(), message.size(),
         mac.data(), &macLen);
    const unsigned offset = mac[macLen - 1] & 0x0f;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                                 static_cast<std::uint32_t>(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) {
        modulus *= 10;
    }
    return binary % modulus;
}

std::string totpCode(crypto::ByteView secret, std::int64_t step) {
    std::string code = std::to_string(hotp(secret, static_cast<std::uint64_t>(step), 6));
    return std::string(6 - code.size(), '0') + code;
}

std::optional<std::int64_t> matchTotp(crypto::ByteView secret, std::string_view typed, std::int64_t nowStep) {
    if (typed.size() != 6) {
        return std::nullopt;
    }
    for (char c : typed) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    std::optional<std::int64_t> found;
    // Every candidate is computed and compared, so the time taken does not say which step matched.
    for (std::int64_t step = nowStep - 1; step <= nowStep + 1; ++step) {
        const auto expected = totpCode(secret, step);
        if (crypto::constantTimeEqual(crypto::asBytes(expected), crypto::asBytes(typed)) && !found) {
            found = step;
        }
    }
    return found;
}

std::string base32(crypto::ByteView bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (auto b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 0x1f];
            bits -= 5;
        }
    }
    if (bits > 0) {
        out += kAlphabet[(buffer << (5 - bits)) & 0x1f];
    }
    return out;
}

std::string otpauthUri(const std::string& account, crypto::ByteView secret) {
    std::string label;
    for (unsigned char c : account) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_') {
            label += static_cast<char>(c);
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            label += '%';
            label += kHex[c >> 4];
            label += kHex[c & 0xf];
        }
    }
    return "otpauth://totp/fieldkit-center:" + label + "?secret=" + base32(secret) +
           "&issuer=fieldkit-center&algorithm=SHA1&digits=6&period=30";
}

} // namespace fieldkit::center
