#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** What a blind index is for; the value is its crypto_kdf subkey id, fixed forever. Each purpose has its
 *  own key, so a CPR hash and a name-key hash of the same bytes never compare equal. */
enum class BlindIndexPurpose : std::uint64_t {
    Cpr = 1,
    NameKey = 2,
};

/** Keyed hash for looking up a case by CPR (or name key) without storing it: deterministic per data key,
 * unlinkable across devices. The key is a crypto_kdf subkey of the DEK (context "fkblind1", the purpose as
 * subkey id), so the DEK itself never keys anything but wrapping. */
class BlindIndex {
public:
    explicit BlindIndex(const DataKey& dek, BlindIndexPurpose purpose = BlindIndexPurpose::Cpr);

    /** crypto_generichash (BLAKE2b-256) keyed by the subkey over the caller's normalised bytes (CPR digits).
     */
    [[nodiscard]] std::array<std::uint8_t, 32> compute(ByteView normalised) const;
    /** The same with a 16-byte output (BLAKE2b-128): for indexes with many rows per case (name keys), where
     *  128 bits keep collisions out of reach at any store size and halve the bytes on disk. */
    [[nodiscard]] std::array<std::uint8_t, 16> computeShort(ByteView normalised) const;

private:
    SecretBytes m_subkey;
};

} // namespace fieldkit::crypto
