#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** Keyed hash for looking up a case by CPR without storing the CPR: deterministic per data key, unlinkable
 * across devices. The key is a crypto_kdf subkey of the DEK (context "fkblind1", subkey id 1), so the DEK
 * itself never keys anything but wrapping. */
class BlindIndex {
public:
    explicit BlindIndex(const DataKey& dek);

    /** crypto_generichash (BLAKE2b-256) keyed by the subkey over the caller's normalised bytes (CPR digits).
     */
    [[nodiscard]] std::array<std::uint8_t, 32> compute(ByteView normalised) const;

private:
    SecretBytes m_subkey;
};

} // namespace fieldkit::crypto
