#include "little_endian.hpp"

#include <fieldkit/crypto/device_identity.hpp>
#include <fieldkit/crypto/errors.hpp>
#include <utility>

namespace fieldkit::crypto {

namespace {

constexpr std::uint8_t kVersion = 0x01;

struct Parsed {
    SigningPublicKey signing;
    BoxPublicKey box;
    ByteView wrappedSeed;
    ByteView wrappedBox;
};

Result<Parsed> parse(ByteView serialised) {
    detail::Reader in(serialised);
    const auto version = in.u8();
    if (!version) {
        return makeError(errc::truncated, "The device identity is empty.");
    }
    if (*version != kVersion) {
        return makeError(errc::unsupported_version, "The device identity has an unknown format version.");
    }
    const auto signPk = in.take(32);
    const auto boxPk = in.take(32);
    if (!signPk || !boxPk) {
        return makeError(errc::truncated, "The device identity is cut short.");
    }
    Parsed out{*SigningPublicKey::fromBytes(*signPk), *BoxPublicKey::fromBytes(*boxPk), {}, {}};
    for (ByteView* field : {&out.wrappedSeed, &out.wrappedBox}) {
        const auto size = in.u32();
        const auto bytes = size ? in.take(*size) : std::nullopt;
        if (!bytes) {
            return makeError(errc::truncated, "The device identity is cut short.");
        }
        *field = *bytes;
    }
    if (!in.atEnd()) {
        return makeError(errc::malformed, "The device identity has trailing bytes.");
    }
    return out;
}

} // namespace

DeviceIdentity::DeviceIdentity(SigningKeyPair signing, BoxKeyPair box)
    : m_signing(std::move(signing))
    , m_box(std::move(box)) {}

DeviceIdentity DeviceIdentity::generate(RandomSource& random) {
    auto signing = SigningKeyPair::generate(random);
    auto box = BoxKeyPair::generate(random);
    return DeviceIdentity(std::move(signing), std::move(box));
}

Bytes DeviceIdentity::serialise(const DataKey& dek, RandomSource& random) const {
    Bytes out{kVersion};
    detail::appendBytes(out, m_signing.publicKey().bytes);
    detail::appendBytes(out, m_box.publicKey().bytes);
    // The public keys are the binding, so secrets cannot be swapped between two identities of one store.
    Bytes binding;
    detail::appendBytes(binding, m_signing.publicKey().bytes);
    detail::appendBytes(binding, m_box.publicKey().bytes);
    for (const auto& [kind, secret] : {std::pair{WrappedKeyKind::deviceSigningSeed, &m_signing.seed()},
                                       std::pair{WrappedKeyKind::deviceBoxSecret, &m_box.secret()}}) {
        const Bytes wrapped = wrapUnderDataKey(dek, kind, *secret, binding, random);
        detail::appendU32(out, static_cast<std::uint32_t>(wrapped.size()));
        detail::appendBytes(out, wrapped);
    }
    return out;
}

Result<DeviceIdentity> DeviceIdentity::deserialise(const DataKey& dek, ByteView serialised) {
    auto parsed = parse(serialised);
    if (!parsed) {
        return parsed.error();
    }
    Bytes binding;
    detail::appendBytes(binding, parsed->signing.bytes);
    detail::appendBytes(binding, parsed->box.bytes);
    auto seed = unwrapUnderDataKey(dek, WrappedKeyKind::deviceSigningSeed, parsed->wrappedSeed, binding);
    if (!seed) {
        return seed.error();
    }
    auto boxSecret = unwrapUnderDataKey(dek, WrappedKeyKind::deviceBoxSecret, parsed->wrappedBox, binding);
    if (!boxSecret) {
        return boxSecret.error();
    }
    auto signing = SigningKeyPair::fromSeed(std::move(seed).value());
    if (!signing) {
        return signing.error();
    }
    auto box = BoxKeyPair::fromSecret(std::move(boxSecret).value());
    if (!box) {
        return box.error();
    }
    if (signing->publicKey() != parsed->signing || box->publicKey() != parsed->box) {
        return makeError(errc::malformed, "The device identity's public keys do not match its secrets.");
    }
    return DeviceIdentity(std::move(signing).value(), std::move(box).value());
}

Result<SigningPublicKey> DeviceIdentity::signingPublicKeyOf(ByteView serialised) {
    auto parsed = parse(serialised);
    if (!parsed) {
        return parsed.error();
    }
    return parsed->signing;
}

Result<BoxPublicKey> DeviceIdentity::boxPublicKeyOf(ByteView serialised) {
    auto parsed = parse(serialised);
    if (!parsed) {
        return parsed.error();
    }
    return parsed->box;
}

} // namespace fieldkit::crypto
