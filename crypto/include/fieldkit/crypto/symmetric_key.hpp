#pragma once

#include <cstddef>
#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <utility>

namespace fieldkit::crypto {

/** A 256-bit secret key whose purpose is part of its type, so a record key cannot be passed as the data key.
 */
template <typename Purpose>
class SymmetricKey {
public:
    static constexpr std::size_t kSize = 32;

    [[nodiscard]] static SymmetricKey generate(RandomSource& random = systemRandom()) {
        SecretBytes secret(kSize);
        random.fill(secret.span());
        return SymmetricKey(std::move(secret));
    }
    /** Adopts key material (from an unwrap or a test vector); code "malformed" unless it is 32 bytes. */
    [[nodiscard]] static Result<SymmetricKey> fromSecret(SecretBytes secret) {
        if (secret.size() != kSize) {
            return makeError(errc::malformed, "A key has the wrong length.");
        }
        return SymmetricKey(std::move(secret));
    }

    [[nodiscard]] const SecretBytes& secret() const { return m_secret; }
    [[nodiscard]] SymmetricKey clone() const { return SymmetricKey(m_secret.clone()); }

private:
    explicit SymmetricKey(SecretBytes secret)
        : m_secret(std::move(secret)) {}
    SecretBytes m_secret;
};

struct DataKeyPurpose;
struct RecordKeyPurpose;
struct AttachmentKeyPurpose;
struct EnrolmentCodeKeyPurpose;

/** The per-store data key (DEK): never stored unwrapped. */
using DataKey = SymmetricKey<DataKeyPurpose>;
/** Random per case; encrypts that case's operations. */
using RecordKey = SymmetricKey<RecordKeyPurpose>;
/** Random per attachment; keys its secretstream. */
using AttachmentKey = SymmetricKey<AttachmentKeyPurpose>;
/** Derived from a one-time enrolment code; wraps the unit's secret from the code's creation until its use. */
using EnrolmentCodeKey = SymmetricKey<EnrolmentCodeKeyPurpose>;

} // namespace fieldkit::crypto
