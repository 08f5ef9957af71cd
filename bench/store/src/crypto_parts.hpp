#pragma once

#include <cstddef>
#include <fieldkit/store/store_types.hpp>
#include <span>

namespace fieldkit::bench {

/** Mean cost of each cryptographic step Session::createCase takes for one case, measured alone in a loop
 *  over realistic cases (microseconds per call, fastest of several rounds). */
struct CryptoParts {
    double encodeUs = 0;             // encodeFieldValues
    double sealOperationUs = 0;      // zstd level 9 with the cases-v1 dictionary, then XChaCha20-Poly1305
    double aeadUs = 0;               // XChaCha20-Poly1305 alone over a compressed-size payload
    double measureCompressionUs = 0; // zstd twice: with and without the dictionary
    double sealRecordKeyUs = 0;      // one KeySealer box (createCase makes two: center and unit)
    double wrapRecordKeyUs = 0;      // under the DEK
    double blindIndexUs = 0;         // keyed BLAKE2b of the CPR
    double auditMacUs = 0;           // keyed BLAKE2b chaining the audit entry
    double randomUs = 0;             // case id and record key from the system CSPRNG
    double plaintextBytes = 0;       // mean raw size of the creating operation
    double withDictionaryBytes = 0;  // mean zstd size with the dictionary
    double withoutDictionaryBytes = 0;
    double sealedBytes = 0;

    /** Everything createCase does cryptographically for one case. */
    [[nodiscard]] double perCaseUs() const {
        return encodeUs + sealOperationUs + 2 * sealRecordKeyUs + wrapRecordKeyUs + blindIndexUs +
               auditMacUs + randomUs;
    }
};

[[nodiscard]] CryptoParts measureCryptoParts(std::span<const store::NewCase> cases, int iterations);

} // namespace fieldkit::bench
