#pragma once

#include <fieldkit/common/args.hpp>
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
};

/** Runs one `fieldkit-ctl` command line; returns the exit status. Errors: one sentence on `err`, status 1
 *  (2 for a malformed command line). */
int runCtlCommand(const common::Args& args, CtlEnvironment& env);

} // namespace fieldkit::ctl
