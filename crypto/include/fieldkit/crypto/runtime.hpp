#pragma once

#include <fieldkit/core/result.hpp>

namespace fieldkit::crypto {

/** Initialises libsodium; idempotent and thread-safe. Every crypto entry point also calls it, so this is for
 *  failing early at start-up with a clear error. */
[[nodiscard]] Status initCrypto();

/** Sets RLIMIT_CORE to 0 and marks the process non-dumpable, so keys never land in a core file or in a
 *  ptrace by another user's process. Called early by the app and the daemon. */
[[nodiscard]] Status disableCoreDumps();

} // namespace fieldkit::crypto
