#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <string>
#include <string_view>

namespace fieldkit::crypto {

/**
 * The citizen's receipt: a case reference and an access code (issue 18), both Crockford base32.
 *
 * Sizes and cost, chosen together:
 * - The code has 16 characters of 5 bits = 80 bits. The public status server keeps, per case, a verifier and
 *   the citizen view sealed under a key derived from (reference, code). Whoever steals that database must
 *   guess codes offline: 2^79 derivations on average per case. Even at the cheapest derivation imaginable
 *   (1 µs, a thousand times below the Argon2id below) on a million cores that is 2^79 / 10^12 s ≈ 6e11 s ≈
 *   19,000 years for one case; with the real derivation (≈1 ms) 19 million years. So the derivation need not
 *   be slow to protect a stolen database; the code's entropy does it.
 * - The derivation is Argon2id (crypto_pwhash, algorithm named) with opslimit 1 and 1 MiB: about 1-2 ms on
 * one core of the reference machine, which the server pays on every look-up (it derives per request and
 *   forgets). 300 look-ups/s on 2 cores then cost 0.3-0.6 core-seconds per second: within the target with
 *   room for TLS and HTML. The memory cost makes GPU/ASIC searches no cheaper per guess than a CPU's.
 * - Online guessing is bounded by the server's limits per reference and per client address
 *   (status_rate_limiter.hpp): at most a few dozen tries per reference per day against 2^80 codes.
 * - The reference has 10 characters (50 bits), random, not derived from the case id (whose first 48 bits
 *   are its creation time): it names a case on the public server and in the citizen's hands and reveals
 *   nothing; 50 bits keep collisions out of reach (1e-5 at 100,000 cases) and references unguessable.
 */
struct CitizenAccess {
    std::string reference; // 10 characters, normalised (upper case, no dashes)
    std::string code;      // 16 characters, normalised

    /** Fresh reference and code from `random`. */
    [[nodiscard]] static CitizenAccess generate(RandomSource& random = systemRandom());
};

inline constexpr std::size_t kCitizenReferenceLength = 10;
inline constexpr std::size_t kCitizenCodeLength = 16;

/** Normalises a typed reference or code: any case, dashes and spaces ignored, O read as 0, I and L as 1.
 *  Code "bad_reference" / "bad_code" for other characters or the wrong length. */
[[nodiscard]] Result<std::string> parseCitizenReference(std::string_view typed);
[[nodiscard]] Result<std::string> parseCitizenCode(std::string_view typed);
/** Groups of 4 (code) or 5 (reference) joined with dashes, as printed on the receipt. */
[[nodiscard]] std::string displayCitizenCode(std::string_view normalised);
[[nodiscard]] std::string displayCitizenReference(std::string_view normalised);

/** What (reference, code) derive to: the key the citizen view is sealed under, and the verifier the server
 *  compares (a separate output of the derivation: it reveals neither the code nor the key). */
struct CitizenKeys {
    SecretBytes viewKey; // 32 bytes
    Bytes verifier;      // 32 bytes
};

/** Argon2id over the normalised code, salted with the reference (so no two cases share a derivation).
 *  Code "out_of_memory" when the derivation cannot get its memory. */
[[nodiscard]] Result<CitizenKeys> deriveCitizenKeys(std::string_view reference, std::string_view code);

/** The view (any bytes; status_view.hpp's format) sealed under the view key: version byte, nonce,
 *  XChaCha20-Poly1305 with the reference as associated data, so a view moved to another reference fails. */
[[nodiscard]] Bytes sealCitizenView(const CitizenKeys& keys, std::string_view reference, ByteView view,
                                    RandomSource& random = systemRandom());
/** Code "tampered" when the view does not open under these keys for this reference. */
[[nodiscard]] Result<std::string> openCitizenView(const CitizenKeys& keys, std::string_view reference,
                                                  ByteView sealed);

} // namespace fieldkit::crypto
