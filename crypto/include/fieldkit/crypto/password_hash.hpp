#pragma once

#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/errors.hpp>
#include <string>
#include <string_view>

namespace fieldkit::crypto {

/** How much an Argon2id password hash costs; the defaults are libsodium's "interactive" limits (64 MiB). */
struct PasswordCost {
    std::uint64_t opsLimit = 2;
    std::size_t memLimit = 64u * 1024u * 1024u;
};

/** Argon2id (crypto_pwhash_str_alg, algorithm named explicitly) of a console password, as the self-describing
 *  "$argon2id$..." string: salt and limits travel in it. Code "out_of_memory" when the limit cannot be met.
 */
[[nodiscard]] Result<std::string> hashPassword(std::string_view password, const PasswordCost& cost = {});

/** True when `password` matches `hash` (a string from hashPassword); any malformed hash is simply false. */
[[nodiscard]] bool verifyPassword(std::string_view hash, std::string_view password);

/** Constant-time equality of two byte strings (sodium_memcmp); different lengths are unequal. */
[[nodiscard]] bool constantTimeEqual(ByteView a, ByteView b);

} // namespace fieldkit::crypto
