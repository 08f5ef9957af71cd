#pragma once

#include <fieldkit/common/args.hpp>

namespace fieldkit::center {

/** The `fieldkit-center` subcommands (serve, user add); each returns the exit status, errors on stderr. */
int runCenterCommand(const common::Args& args);

} // namespace fieldkit::center
