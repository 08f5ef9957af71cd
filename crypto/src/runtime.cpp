#include "sodium_guard.hpp"

#include <cstdio>
#include <cstdlib>
#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/runtime.hpp>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace fieldkit::crypto {

namespace detail {

void ensureSodium() {
    // A magic static: thread-safe, and after the first call just a load.
    static const bool initialised = sodium_init() >= 0;
    if (!initialised) {
        static_cast<void>(std::fprintf(stderr, "fieldkit crypto: sodium_init failed\n"));
        std::abort();
    }
}

} // namespace detail

Status initCrypto() {
    if (sodium_init() < 0) {
        return makeError(errc::system_error, "The cryptography library could not be initialised.");
    }
    detail::ensureSodium();
    return {};
}

Status disableCoreDumps() {
    const rlimit none{0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        return makeError(errc::system_error, "Core dumps could not be disabled.");
    }
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        return makeError(errc::system_error, "The process could not be marked as not dumpable.");
    }
    return {};
}

} // namespace fieldkit::crypto
