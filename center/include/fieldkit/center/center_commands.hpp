#pragma once

namespace fieldkit::center {

/** Parses and runs one `fieldkit-center` command line (serve, user add); returns the exit status, errors on
 *  stderr (one line; status 2 for a malformed command line). */
int runCenterCommand(int argc, const char* const* argv);

} // namespace fieldkit::center
