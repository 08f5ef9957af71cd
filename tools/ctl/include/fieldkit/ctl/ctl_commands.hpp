#pragma once

#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace fieldkit::ctl {

/** The outside world of a ctl command: streams and environment, so commands are testable in-process. */
struct CtlEnvironment {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    std::function<std::optional<std::string>(const char*)> getenv;
    /** Tells the center that the device in `dataDir` is being wiped, so it revokes the device (wipe --confirm
     *  calls it while the sync identity still exists); `hub` overrides the enrolled address. Unset: the
     * center is not told. */
    std::function<Status(const std::filesystem::path& dataDir, const std::optional<std::string>& hub)> retire;
};

/** Parses and runs one `fieldkit-ctl` command line; returns the exit status. Errors: one sentence on `err`,
 *  status 1 (2 for a malformed command line; --help and --version print on `out`, status 0). */
int runCtlCommand(int argc, const char* const* argv, CtlEnvironment& env);

} // namespace fieldkit::ctl
