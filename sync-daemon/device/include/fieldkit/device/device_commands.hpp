#pragma once

namespace fieldkit::device {

/** Parses and runs one `fieldkit-syncd` command line; returns the process exit status and prints errors to
 *  stderr (one line; status 2 for a malformed command line). */
int runDeviceCommand(int argc, const char* const* argv);

} // namespace fieldkit::device
