#include "little_endian.hpp"
#include "sodium_guard.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <chrono>
#include <cmath>
#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <sodium.h>

namespace fieldkit::crypto {

namespace {

constexpr std::uint8_t kVersion = 0x01;
constexpr std::size_t kHeaderSize = 1 + 1 + 8 + 8 + 16;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagSize = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kBlobSize = kHeaderSize + kNonceSize + DataKey::kSize + kTagSize;

// Accepted range for stored parameters: a tampered slot must not make unlock allocate gigabytes or spin for
// hours.
constexpr std::uint64_t kMinOpslimit = crypto_pwhash_argon2id_OPSLIMIT_MIN;
constexpr std::uint64_t kMaxOpslimit = 1000;
constexpr std::uint64_t kMinMemlimit = crypto_pwhash_argon2id_MEMLIMIT_MIN;
constexpr std::uint64_t kMaxMemlimit = 4ull << 30;
constexpr std::uint64_t kMinCalibratedOps = 3;

static_assert(static_cast<int>(KdfAlgorithm::argon2id13) == crypto_pwhash_ALG_ARGON2ID13);
static_assert(crypto_pwhash_SALTBYTES == 16);

Status checkParams(const KdfParams& p) {
    if (p.alg != KdfAlgorithm::argon2id13) {
        return makeError(errc::invalid_kdf_params, "The key slot names an unknown password hash.");
    }
    if (p.opslimit < kMinOpslimit || p.opslimit > kMaxOpslimit || p.memlimit < kMinMemlimit ||
        p.memlimit > kMaxMemlimit) {
        return makeError(errc::invalid_kdf_params, "The key slot's password hash costs are out of range.");
    }
    return {};
}

Bytes header(const KdfParams& p) {
    Bytes out{kVersion, static_cast<std::uint8_t>(p.alg)};
    detail::appendU64(out, p.opslimit);
    detail::appendU64(out, p.memlimit);
    detail::appendBytes(out, p.salt);
    return out;
}

Result<SecretBytes> deriveKek(std::string_view pin, const KdfParams& p) {
    detail::ensureSodium();
    SecretBytes kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(kek.data(), kek.size(), pin.data(), pin.size(), p.salt.data(), p.opslimit,
                      static_cast<std::size_t>(p.memlimit), static_cast<int>(p.alg)) != 0) {
        return makeError(errc::out_of_memory, "There is not enough memory to check the PIN.");
    }
    return kek;
}

Result<KdfParams> parseHeader(detail::Reader& in) {
    const auto version = in.u8();
    if (!version) {
        return makeError(errc::truncated, "The key slot is empty.");
    }
    if (*version != kVersion) {
        return makeError(errc::unsupported_version, "The key slot has an unknown format version.");
    }
    const auto alg = in.u8();
    const auto ops = in.u64();
    const auto mem = in.u64();
    const auto salt = in.take(16);
    if (!alg || !ops || !mem || !salt) {
        return makeError(errc::truncated, "The key slot is cut short.");
    }
    KdfParams p;
    p.alg = static_cast<KdfAlgorithm>(*alg);
    p.opslimit = *ops;
    p.memlimit = *mem;
    std::ranges::copy(*salt, p.salt.begin());
    if (auto ok = checkParams(p); !ok) {
        return ok.error();
    }
    return p;
}

/** Wall time of one Argon2id run with `opslimit` passes over `memlimit` bytes; negative when it cannot
 *  allocate. */
double timeArgon2(std::uint64_t opslimit, std::uint64_t memlimit, RandomSource& random) {
    KdfParams probe = KdfParams::withCosts(opslimit, memlimit, random);
    const auto start = std::chrono::steady_clock::now();
    auto kek = deriveKek("calibration", probe);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (!kek) {
        return -1.0;
    }
    return std::chrono::duration<double, std::milli>(elapsed).count();
}

} // namespace

KdfParams KdfParams::withCosts(std::uint64_t opslimit, std::uint64_t memlimit, RandomSource& random) {
    KdfParams p;
    random.fill(p.salt);
    p.opslimit = opslimit;
    p.memlimit = memlimit;
    return p;
}

Result<WrappedKey> wrapKey(const DataKey& dek, std::string_view pin, const KdfParams& params,
                           RandomSource& random) {
    if (auto ok = checkParams(params); !ok) {
        return ok.error();
    }
    auto kek = deriveKek(pin, params);
    if (!kek) {
        return kek.error();
    }
    Bytes out = header(params);
    std::array<std::uint8_t, kNonceSize> nonce{};
    random.fill(nonce);
    detail::appendBytes(out, nonce);
    out.resize(kBlobSize);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kHeaderSize + kNonceSize, &written,
                                               dek.secret().data(), dek.secret().size(), out.data(),
                                               kHeaderSize, nullptr, nonce.data(), kek->data());
    assert(written == DataKey::kSize + kTagSize);
    return WrappedKey{std::move(out)};
}

Result<KdfParams> kdfParamsOf(const WrappedKey& wrapped) {
    detail::Reader in(wrapped.bytes);
    return parseHeader(in);
}

Result<DataKey> unwrapKey(const WrappedKey& wrapped, std::string_view pin) {
    detail::Reader in(wrapped.bytes);
    auto params = parseHeader(in);
    if (!params) {
        return params.error();
    }
    const auto nonce = in.take(kNonceSize);
    const auto ciphertext = in.take(DataKey::kSize + kTagSize);
    if (!nonce || !ciphertext) {
        return makeError(errc::truncated, "The key slot is cut short.");
    }
    if (!in.atEnd()) {
        return makeError(errc::malformed, "The key slot has trailing bytes.");
    }
    auto kek = deriveKek(pin, *params);
    if (!kek) {
        return kek.error();
    }
    SecretBytes dek(DataKey::kSize);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(dek.data(), nullptr, nullptr, ciphertext->data(),
                                                   ciphertext->size(), wrapped.bytes.data(), kHeaderSize,
                                                   nonce->data(), kek->data()) != 0) {
        return makeError(errc::wrong_pin, "The PIN is not correct.");
    }
    return DataKey::fromSecret(std::move(dek));
}

Result<WrappedKey> rewrapKey(const WrappedKey& wrapped, std::string_view oldPin, std::string_view newPin,
                             const KdfParams& newParams, RandomSource& random) {
    auto dek = unwrapKey(wrapped, oldPin);
    if (!dek) {
        return dek.error();
    }
    return wrapKey(*dek, newPin, newParams, random);
}

std::uint64_t planOpslimit(double targetMs, double msPerPass, double fixedMs) {
    if (!(msPerPass > 0.0) || !(targetMs > 0.0)) {
        return kMinCalibratedOps;
    }
    const double passes = std::floor((targetMs - std::max(0.0, fixedMs)) / msPerPass);
    if (!(passes > 0.0)) {
        return kMinCalibratedOps;
    }
    return std::clamp(static_cast<std::uint64_t>(std::min(passes, static_cast<double>(kMaxOpslimit))),
                      kMinCalibratedOps, kMaxOpslimit);
}

KdfTiming fitKdfTiming(double msAtOnePass, double msAtManyPasses, std::uint64_t manyPasses) {
    if (manyPasses <= 1 || !(msAtManyPasses > msAtOnePass) || !(msAtOnePass > 0.0)) {
        // No usable slope (noise made the longer run no slower): count the whole single run as per-pass
        // cost, which errs on the short side rather than making every unlock take seconds.
        return KdfTiming{msAtOnePass > 0.0 ? msAtOnePass : 0.0, 0.0};
    }
    const double perPass = (msAtManyPasses - msAtOnePass) / static_cast<double>(manyPasses - 1);
    return KdfTiming{perPass, std::max(0.0, msAtOnePass - perPass)};
}

Result<KdfParams> calibrateKdf(std::uint32_t targetMs, std::uint64_t minMemBytes, RandomSource& random) {
    const std::uint64_t memlimit = std::clamp(minMemBytes, kMinSlotMemlimit, kMaxMemlimit);
    // Memory is the cost an attacker's hardware pays for; passes are the cheap knob we tune for time.
    //
    // One run costs a fixed part (allocating and first touching memlimit bytes, thread start) plus a part per
    // pass. Dividing the target by the time of a single-pass run, as this once did, counts the fixed part
    // once per pass and undershot. So time 1 and 4 passes, fit the line, and solve it for the target. The
    // median of three probes each, not the fastest: the fastest is the machine with nothing else running, and
    // an unlock on a busy tablet then takes twice the budget.
    constexpr std::uint64_t kProbePasses = 4;
    std::array<double, 3> ones{};
    std::array<double, 3> manys{};
    for (std::size_t i = 0; i < ones.size(); ++i) {
        ones[i] = timeArgon2(1, memlimit, random);
        manys[i] = timeArgon2(kProbePasses, memlimit, random);
        if (ones[i] < 0.0 || manys[i] < 0.0) {
            return makeError(errc::out_of_memory, "There is not enough memory for the PIN hash.");
        }
    }
    std::sort(ones.begin(), ones.end());
    std::sort(manys.begin(), manys.end());
    const double one = ones[1];
    const double many = manys[1];
    const KdfTiming timing = fitKdfTiming(one, many, kProbePasses);
    return KdfParams::withCosts(planOpslimit(targetMs, timing.msPerPass, timing.fixedMs), memlimit, random);
}

} // namespace fieldkit::crypto
