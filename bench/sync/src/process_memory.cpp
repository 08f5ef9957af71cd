#include "process_memory.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace fieldkit::bench {

std::optional<std::int64_t> residentKiB(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            std::int64_t kib = 0;
            if (fields >> kib) {
                return kib;
            }
        }
    }
    return std::nullopt;
}

} // namespace fieldkit::bench
