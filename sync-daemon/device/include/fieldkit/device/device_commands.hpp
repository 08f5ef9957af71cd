#pragma once

#include <fieldkit/common/args.hpp>

namespace fieldkit::device {

/** The `fieldkit-syncd` subcommands; each returns the process exit status and prints errors to stderr. */
int runDeviceCommand(const common::Args& args);

} // namespace fieldkit::device
