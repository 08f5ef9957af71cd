#include "sodium_guard.hpp"

#include <fieldkit/crypto/password_hash.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

Result<std::string> hashPassword(std::string_view password, const PasswordCost& cost) {
    detail::ensureSodium();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opsLimit, cost.memLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError("out_of_memory", "The password could not be hashed (not enough memory).");
    }
    return std::string(out);
}

bool verifyPassword(std::string_view hash, std::string_view password) {
    detail::ensureSodium();
    // crypto_pwhash_str_verify wants a NUL-terminated string of at most STRBYTES.
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    const std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool constantTimeEqual(ByteView a, ByteView b) {
    detail::ensureSodium();
    return a.size() == b.size() && (a.empty() || sodium_memcmp(a.data(), b.data(), a.size()) == 0);
}

} // namespace fieldkit::crypto
