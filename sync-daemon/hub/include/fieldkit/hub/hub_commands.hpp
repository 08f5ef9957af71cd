#pragma once

#include <fieldkit/common/args.hpp>

namespace fieldkit::hub {

/** The `fieldkit-hub` subcommands; each returns the process exit status and prints errors to stderr. */
int runHubCommand(const common::Args& args);

} // namespace fieldkit::hub
