// libFuzzer target: UTF-8 validation and repair, and the shared number checks of every command line.
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/common/command_line.hpp>
#include <fieldkit/core/utf8.hpp>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const bool valid = fieldkit::core::isValidUtf8(text);
    const std::string repaired = fieldkit::core::toValidUtf8(text);
    if (!fieldkit::core::isValidUtf8(repaired) || (valid && repaired != text)) {
        std::abort();
    }
    // The text as an option's value: whatever a validator lets through converts and lies in its range.
    std::string value = text;
    if (fieldkit::common::wholeNumber(1, 1000)(value).empty()) {
        std::int64_t n = 0;
        const auto parsed = std::from_chars(value.data(), value.data() + value.size(), n);
        if (parsed.ec != std::errc() || parsed.ptr != value.data() + value.size() || n < 1 || n > 1000) {
            std::abort();
        }
    }
    if (fieldkit::common::decimalNumber(0, 876000)(value).empty()) {
        double d = 0;
        const auto parsed = std::from_chars(value.data(), value.data() + value.size(), d);
        if (parsed.ec != std::errc() || !std::isfinite(d) || d < 0 || d > 876000) {
            std::abort();
        }
    }
    // The text as an argument: refused exactly when it is not UTF-8.
    const char* argv[] = {"prog", "--name", text.c_str()};
    const bool refused = !fieldkit::common::checkArgumentsAreText(CLI::App(), 3, argv).ok();
    if (refused == fieldkit::core::isValidUtf8(text.c_str())) {
        std::abort();
    }
    return 0;
}
