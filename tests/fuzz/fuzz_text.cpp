// libFuzzer target: UTF-8 validation and repair, and the command-line parser with its number options.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/common/args.hpp>
#include <fieldkit/core/utf8.hpp>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const bool valid = fieldkit::core::isValidUtf8(text);
    const std::string repaired = fieldkit::core::toValidUtf8(text);
    if (!fieldkit::core::isValidUtf8(repaired) || (valid && repaired != text)) {
        std::abort();
    }
    // The input as a command line: words split at NUL bytes.
    std::vector<std::string> words{"prog"};
    std::string word;
    for (char c : text) {
        if (c == '\0') {
            words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    words.push_back(word);
    std::vector<const char*> argv;
    for (const auto& w : words) {
        argv.push_back(w.c_str());
    }
    auto args =
        fieldkit::common::Args::parse(static_cast<int>(argv.size()), argv.data(), {"json", "confirm"});
    if (!args) {
        return 0;
    }
    for (const auto& name : {"limit", "count", "seed", "older-than", "idle-seconds"}) {
        auto whole = args->integer(name, 1, 1000, 7);
        if (whole && (*whole < 1 || *whole > 1000)) {
            std::abort();
        }
        auto decimal = args->decimal(name, 0, 876000, 0);
        if (decimal && !(*decimal >= 0 && *decimal <= 876000)) {
            std::abort();
        }
    }
    return 0;
}
