#include <algorithm>
#include <fieldkit/core/case_meta.hpp>

namespace fieldkit::core {

std::map<std::string, std::string> parseCaseMeta(std::string_view meta) {
    std::map<std::string, std::string> out;
    std::size_t pos = 0;
    while (pos < meta.size()) {
        const auto end = std::min(meta.find(';', pos), meta.size());
        const auto eq = meta.find('=', pos);
        if (eq != std::string_view::npos && eq < end) {
            out[std::string(meta.substr(pos, eq - pos))] = std::string(meta.substr(eq + 1, end - eq - 1));
        }
        pos = end + 1;
    }
    return out;
}

} // namespace fieldkit::core
