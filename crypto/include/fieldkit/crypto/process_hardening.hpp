#pragma once

#include <fieldkit/core/result.hpp>

namespace fieldkit::crypto {

/** Start-up hardening of every program that can hold a key or a decrypted value (app, ctl, syncd, hub): call
 *  it first in `main`, before anything is opened or read.
 *
 *  - no core file and no ptrace attach by another user's process: RLIMIT_CORE 0 (soft and hard, so a child
 *    cannot raise it again) and PR_SET_DUMPABLE 0;
 *  - a last-resort std::terminate handler: an exception nobody caught (in any thread) prints
 *    "<program>: internal error: ..." and exits 1 instead of aborting with 134 (and a core).
 *
 *  `program` must outlive the process (a string literal). Fails only when the kernel refuses. */
[[nodiscard]] Status hardenProcess(const char* program);

/** For the catch-all in `main`: prints "<program>: internal error: <what>" for the exception in flight and
 *  returns the exit code 1. */
int reportUncaughtException(const char* program) noexcept;

} // namespace fieldkit::crypto
