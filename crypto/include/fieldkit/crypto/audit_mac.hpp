#pragma once

#include <array>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <fieldkit/crypto/symmetric_key.hpp>
#include <utility>

namespace fieldkit::crypto {

/** Keyed hash that chains the audit log: each entry's MAC covers the previous MAC, so removing, reordering or
 *  editing an entry breaks the chain, and without the data key nobody can forge a consistent replacement.
 *  The key is a crypto_kdf subkey of the DEK (context "fkaudit1", subkey id 1). */
class AuditMac {
public:
    explicit AuditMac(const DataKey& dek);
    /** The center console's audit chain (who viewed which case, and why): keyed by a crypto_kdf subkey of the
     *  center's secret box key (context "fkcaud01", subkey id 1), so only the console, which holds that key,
     *  can extend or check it. */
    [[nodiscard]] static AuditMac forCenter(const SecretBytes& centerSecret);
    /** BLAKE2b-256 keyed by the subkey over previous MAC | entry bytes. */
    [[nodiscard]] std::array<std::uint8_t, 32> chain(ByteView previous, ByteView entry) const;

private:
    explicit AuditMac(SecretBytes subkey)
        : m_subkey(std::move(subkey)) {}
    SecretBytes m_subkey;
};

} // namespace fieldkit::crypto
