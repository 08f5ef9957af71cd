#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/crypto/runtime.hpp>

namespace fieldkit::crypto {
namespace {

// Set once at start-up, before any thread exists.
const char* g_program = "fieldkit"; // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

[[noreturn]] void lastResort() noexcept {
    (void)reportUncaughtException(g_program);
    std::_Exit(1); // no unwinding and no atexit handlers: the state is unknown; never abort (core, 134)
}

} // namespace

int reportUncaughtException(const char* program) noexcept {
    const char* what = "an unknown exception";
    try {
        if (const auto current = std::current_exception()) {
            std::rethrow_exception(current);
        }
        what = "terminate was called without an exception";
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) { // NOLINT(bugprone-empty-catch): `what` already says so
    }
    (void)std::fflush(stdout);
    (void)std::fprintf(stderr, "%s: internal error, stopping: %s\n", program, what);
    (void)std::fflush(stderr);
    return 1;
}

Status hardenProcess(const char* program) {
    g_program = program;
    std::set_terminate(lastResort);
    return disableCoreDumps();
}

} // namespace fieldkit::crypto
