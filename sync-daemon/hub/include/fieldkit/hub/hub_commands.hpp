#pragma once

namespace fieldkit::hub {

/** Parses and runs one `fieldkit-hub` command line; returns the process exit status and prints errors to
 *  stderr (one line; status 2 for a malformed command line). */
int runHubCommand(int argc, const char* const* argv);

} // namespace fieldkit::hub
