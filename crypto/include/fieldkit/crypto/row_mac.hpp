#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>

namespace fieldkit::crypto {

/** Keyed hash over a case row's clear metadata (service, status, unit, channel, times, creator): the row
 * keeps it and verify checks it, so an edit of the raw file outside fieldkit shows. Only the unlocked app can
 *  compute it: the key is a crypto_kdf subkey of the DEK (context "fkrowmc1", subkey id 1). */
class RowMac {
public:
    explicit RowMac(const DataKey& dek);
    /** BLAKE2b-256 keyed by the subkey over `row`. */
    [[nodiscard]] std::array<std::uint8_t, 32> mac(ByteView row) const;
    /** Whether `mac` is the MAC of `row` (constant-time comparison). */
    [[nodiscard]] bool matches(ByteView row, ByteView mac) const;

private:
    SecretBytes m_subkey;
};

} // namespace fieldkit::crypto
