#include "crypto_parts.hpp"

#include "case_source.hpp"

#include <algorithm>
#include <array>
#include <fieldkit/bench/samples.hpp>
#include <fieldkit/core/cpr.hpp>
#include <fieldkit/crypto/audit_mac.hpp>
#include <fieldkit/crypto/blind_index.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/key_sealer.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <sodium.h>
#include <vector>

namespace fieldkit::bench {
namespace {

constexpr int kRounds = 5;

/** Runs `step(i)` for i in [0, iterations) after a short warm-up, in rounds; the mean microseconds per call
 *  of the fastest round, since on a shared machine the slower rounds measure the neighbours. */
template <typename F>
double meanUs(int iterations, F&& step) {
    for (int i = 0; i < std::max(1, iterations / 10); ++i) {
        step(i);
    }
    const int perRound = std::max(1, iterations / kRounds);
    double best = -1;
    for (int round = 0; round < kRounds; ++round) {
        const auto total = timed([&] {
            for (int i = 0; i < perRound; ++i) {
                step(round * perRound + i);
            }
        });
        const double us = toUs(total) / perRound;
        best = best < 0 ? us : std::min(best, us);
    }
    return best;
}

/** Keeps the optimiser from dropping a result. */
template <typename T>
void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

} // namespace

CryptoParts measureCryptoParts(std::span<const store::NewCase> cases, int iterations) {
    CryptoParts out;
    const auto n = cases.size();
    std::vector<std::vector<crypto::FieldValue>> values;
    std::vector<crypto::Bytes> plaintexts;
    std::vector<std::string> cprDigits;
    for (const auto& c : cases) {
        values.push_back(creationValues(c));
        plaintexts.push_back(crypto::encodeFieldValues(values.back()));
        auto cpr = core::parseCpr(c.citizen.cpr);
        cprDigits.push_back(cpr ? cpr->digits() : std::string("0101001234"));
    }
    const auto at = [n](int i) { return static_cast<std::size_t>(i) % n; };

    const auto dek = crypto::DataKey::generate();
    const auto recordKey = crypto::RecordKey::generate();
    const auto center = crypto::BoxKeyPair::generate();
    const crypto::BlindIndex blind(dek);
    const crypto::AuditMac audit(dek);
    std::array<std::uint8_t, 16> caseId{};
    crypto::systemRandom().fill(caseId);
    const std::array<std::uint32_t, 12> fieldIds{1, 2, 3, 4, 5, 100, 101, 102, 103, 104, 105, 106};
    const auto aad =
        crypto::operationAad(caseId, std::string_view("0123456789abcdef0123456789abcdef"), 42, fieldIds, 1);

    out.encodeUs = meanUs(iterations, [&](int i) { keep(crypto::encodeFieldValues(values[at(i)])); });
    out.sealOperationUs =
        meanUs(iterations, [&](int i) { keep(crypto::sealOperation(recordKey, aad, plaintexts[at(i)])); });
    out.measureCompressionUs =
        meanUs(iterations, [&](int i) { keep(crypto::measureCompression(plaintexts[at(i)])); });

    double raw = 0;
    double withDict = 0;
    double withoutDict = 0;
    double sealed = 0;
    for (const auto& p : plaintexts) {
        const auto sizes = crypto::measureCompression(p);
        raw += static_cast<double>(sizes.raw);
        withDict += static_cast<double>(sizes.withDictionary);
        withoutDict += static_cast<double>(sizes.withoutDictionary);
        sealed += static_cast<double>(crypto::sealOperation(recordKey, aad, p).size());
    }
    const auto count = static_cast<double>(n);
    out.plaintextBytes = raw / count;
    out.withDictionaryBytes = withDict / count;
    out.withoutDictionaryBytes = withoutDict / count;
    out.sealedBytes = sealed / count;

    // The AEAD alone, over a payload the size the dictionary compresses a case to.
    const auto payloadSize = static_cast<std::size_t>(out.withDictionaryBytes);
    std::vector<std::uint8_t> payload(payloadSize, 0x5a);
    std::vector<std::uint8_t> cipher(payloadSize + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    std::array<std::uint8_t, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES> nonce{};
    out.aeadUs = meanUs(iterations, [&](int) {
        randombytes_buf(nonce.data(), nonce.size());
        unsigned long long written = 0;
        crypto_aead_xchacha20poly1305_ietf_encrypt(cipher.data(), &written, payload.data(), payload.size(),
                                                   aad.data(), aad.size(), nullptr, nonce.data(),
                                                   recordKey.secret().data());
        keep(cipher);
    });

    // The session's sealer: its ephemeral key and shared key are made once at unlock, not per case.
    const crypto::KeySealer sealer(center.publicKey());
    out.sealRecordKeyUs =
        meanUs(iterations, [&](int) { keep(sealer.sealRecordKey(recordKey, crypto::ByteView(caseId))); });
    out.wrapRecordKeyUs = meanUs(
        iterations, [&](int) { keep(crypto::wrapRecordKey(dek, recordKey, crypto::ByteView(caseId))); });
    out.blindIndexUs =
        meanUs(iterations, [&](int i) { keep(blind.compute(crypto::asBytes(cprDigits[at(i)]))); });
    const std::array<std::uint8_t, 32> previous{};
    std::vector<std::uint8_t> entry(120, 0x41);
    out.auditMacUs = meanUs(iterations, [&](int) { keep(audit.chain(previous, entry)); });
    out.randomUs = meanUs(iterations, [&](int) {
        crypto::systemRandom().fill(caseId);
        keep(crypto::RecordKey::generate());
    });
    return out;
}

} // namespace fieldkit::bench
