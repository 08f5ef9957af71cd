#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>
#include <string_view>

namespace fieldkit::crypto {

/** Password-hash algorithms a slot may name; stored explicitly so a libsodium default change cannot lock
 * staff out. */
enum class KdfAlgorithm : std::uint8_t { argon2id13 = 2 }; // value = crypto_pwhash_ALG_ARGON2ID13

/** Argon2id parameters of one staff slot; stored with the slot. */
struct KdfParams {
    std::array<std::uint8_t, 16> salt{};
    std::uint64_t opslimit = 0;
    std::uint64_t memlimit = 0; // bytes
    KdfAlgorithm alg = KdfAlgorithm::argon2id13;

    /** Fresh random salt with the given costs. */
    [[nodiscard]] static KdfParams withCosts(std::uint64_t opslimit, std::uint64_t memlimit,
                                             RandomSource& random = systemRandom());
    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

/** A data key wrapped under a PIN: what a key slot stores.
 *  Format v1: 0x01 | alg | u64le opslimit | u64le memlimit | salt[16] | nonce[24] | ciphertext(32)+tag(16);
 *  XChaCha20-Poly1305 under the Argon2id output, AAD = everything before the nonce. */
struct WrappedKey {
    Bytes bytes;
};

inline constexpr std::uint64_t kMinSlotMemlimit = 64ull << 20; // the floor calibration never goes below

/** Code "out_of_memory" if Argon2id cannot allocate memlimit; "invalid_kdf_params" outside the accepted
 * range. */
[[nodiscard]] Result<WrappedKey> wrapKey(const DataKey& dek, std::string_view pin, const KdfParams& params,
                                         RandomSource& random = systemRandom());
/** Code "wrong_pin" when the tag fails; truncated / unsupported_version / invalid_kdf_params for a bad blob.
 */
[[nodiscard]] Result<DataKey> unwrapKey(const WrappedKey& wrapped, std::string_view pin);
/** Reads the slot's parameters without the PIN (to show or re-calibrate them). */
[[nodiscard]] Result<KdfParams> kdfParamsOf(const WrappedKey& wrapped);
/** Changing a PIN re-wraps the same data key; no data is re-encrypted. */
[[nodiscard]] Result<WrappedKey> rewrapKey(const WrappedKey& wrapped, std::string_view oldPin,
                                           std::string_view newPin, const KdfParams& newParams,
                                           RandomSource& random = systemRandom());

/** Measures Argon2id here and picks costs that take about `targetMs`, memory never below `minMemBytes`
 *  (clamped up to kMinSlotMemlimit). Code "out_of_memory" if even the floor cannot be allocated. */
[[nodiscard]] Result<KdfParams> calibrateKdf(std::uint32_t targetMs,
                                             std::uint64_t minMemBytes = kMinSlotMemlimit,
                                             RandomSource& random = systemRandom());

/** The pure part of calibration: the most passes whose run stays within `targetMs`, given the measured cost
 *  of one pass and the fixed cost of a run at the chosen memory; never below 3 passes (RFC 9106 for 64 MiB),
 *  never above 1000. Separate so it can be tested without a clock. */
[[nodiscard]] std::uint64_t planOpslimit(double targetMs, double msPerPass, double fixedMs = 0.0);

/** Argon2id run time as a line: fixedMs + passes × msPerPass. */
struct KdfTiming {
    double msPerPass = 0.0;
    double fixedMs = 0.0;
};

/** Fits the line through the times of a 1-pass and a `manyPasses` run. When noise makes the longer run no
 *  slower there is no slope: the whole 1-pass time counts as per-pass cost (the old, short-erring estimate).
 */
[[nodiscard]] KdfTiming fitKdfTiming(double msAtOnePass, double msAtManyPasses, std::uint64_t manyPasses);

} // namespace fieldkit::crypto
