#include "sodium_guard.hpp"

#include <array>
#include <cctype>
#include <fieldkit/crypto/citizen_access.hpp>
#include <sodium.h>

namespace fieldkit::crypto {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford: no I, L, O, U
constexpr std::string_view kSaltDomain = "fieldkit citizen view salt v1";
constexpr std::string_view kAadDomain = "fieldkit citizen view v1";
constexpr std::uint8_t kFormat = 1;
// Argon2id cost of one derivation (see citizen_access.hpp for the arithmetic). Changing it changes every
// key: a new format byte and a republish would be needed.
constexpr unsigned long long kOpsLimit = 1;
constexpr std::size_t kMemLimit = 1024u * 1024u;
constexpr std::size_t kKeyBytes = 32;

std::string randomText(RandomSource& random, std::size_t length) {
    std::array<std::uint8_t, 32> bytes{};
    random.fill(std::span(bytes.data(), length));
    std::string out;
    for (std::size_t i = 0; i < length; ++i) {
        out += kAlphabet[bytes[i] % kAlphabet.size()]; // 256 is a multiple of 32: no bias
    }
    sodium_memzero(bytes.data(), bytes.size());
    return out;
}

Result<std::string> normalise(std::string_view typed, std::size_t length, std::string_view code,
                              std::string_view what) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ') {
            continue;
        }
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        c = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
        if (kAlphabet.find(c) == std::string_view::npos || out.size() >= length) {
            return makeError(std::string(code), std::string(what) + " has " + std::to_string(length) +
                                                    " letters and digits (dashes optional).");
        }
        out += c;
    }
    if (out.size() != length) {
        return makeError(std::string(code), std::string(what) + " has " + std::to_string(length) +
                                                " letters and digits (dashes optional).");
    }
    return out;
}

std::string grouped(std::string_view text, std::size_t group) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i > 0 && i % group == 0) {
            out += '-';
        }
        out += text[i];
    }
    return out;
}

Bytes associatedData(std::string_view reference) {
    Bytes aad(kAadDomain.begin(), kAadDomain.end());
    aad.push_back(0);
    aad.insert(aad.end(), reference.begin(), reference.end());
    return aad;
}

} // namespace

CitizenAccess CitizenAccess::generate(RandomSource& random) {
    return CitizenAccess{randomText(random, kCitizenReferenceLength), randomText(random, kCitizenCodeLength)};
}

Result<std::string> parseCitizenReference(std::string_view typed) {
    return normalise(typed, kCitizenReferenceLength, "bad_reference", "A case reference");
}

Result<std::string> parseCitizenCode(std::string_view typed) {
    return normalise(typed, kCitizenCodeLength, "bad_code", "An access code");
}

std::string displayCitizenCode(std::string_view normalised) {
    return grouped(normalised, 4);
}

std::string displayCitizenReference(std::string_view normalised) {
    return grouped(normalised, 5);
}

Result<CitizenKeys> deriveCitizenKeys(std::string_view reference, std::string_view code) {
    detail::ensureSodium();
    std::array<std::uint8_t, crypto_pwhash_SALTBYTES> salt{};
    const Bytes saltInput = [&] {
        Bytes in(kSaltDomain.begin(), kSaltDomain.end());
        in.push_back(0);
        in.insert(in.end(), reference.begin(), reference.end());
        return in;
    }();
    crypto_generichash(salt.data(), salt.size(), saltInput.data(), saltInput.size(), nullptr, 0);
    SecretBytes derived(2 * kKeyBytes);
    if (crypto_pwhash(derived.data(), derived.size(), code.data(), code.size(), salt.data(), kOpsLimit,
                      kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError("out_of_memory", "The access code could not be derived (not enough memory).");
    }
    CitizenKeys keys{SecretBytes::copyOf(derived.view().first(kKeyBytes)), Bytes(kKeyBytes)};
    // The verifier is a hash of the second half: a separate value from the view key, so the server can
    // compare it without holding anything that opens the view.
    constexpr std::string_view kVerifierDomain = "fieldkit citizen verifier v1";
    crypto_generichash(keys.verifier.data(), keys.verifier.size(),
                       reinterpret_cast<const unsigned char*>(kVerifierDomain.data()), kVerifierDomain.size(),
                       derived.data() + kKeyBytes, kKeyBytes);
    return keys;
}

Bytes sealCitizenView(const CitizenKeys& keys, std::string_view reference, ByteView view,
                      RandomSource& random) {
    detail::ensureSodium();
    Bytes out(1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + view.size() +
              crypto_aead_xchacha20poly1305_ietf_ABYTES);
    out[0] = kFormat;
    std::uint8_t* nonce = out.data() + 1;
    random.fill(std::span(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES));
    const auto aad = associatedData(reference);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + 1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                               &written, view.data(), view.size(), aad.data(), aad.size(),
                                               nullptr, nonce, keys.viewKey.data());
    return out;
}

Result<std::string> openCitizenView(const CitizenKeys& keys, std::string_view reference, ByteView sealed) {
    detail::ensureSodium();
    constexpr std::size_t kOverhead =
        1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < kOverhead || sealed[0] != kFormat || keys.viewKey.size() != kKeyBytes) {
        return makeError("tampered", "The citizen view does not open.");
    }
    std::string out(sealed.size() - kOverhead, '\0');
    const auto aad = associatedData(reference);
    unsigned long long length = 0;
    const std::size_t body = 1 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char*>(out.data()), &length, nullptr, sealed.data() + body,
            sealed.size() - body, aad.data(), aad.size(), sealed.data() + 1, keys.viewKey.data()) != 0) {
        return makeError("tampered", "The citizen view does not open.");
    }
    out.resize(length);
    return out;
}

} // namespace fieldkit::crypto
