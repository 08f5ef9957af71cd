// fieldkit-casegen: writes reproducible synthetic cases, as JSON for fieldkit-ctl or as encoded field values
// (one operation payload per file) for training the zstd dictionary.
#include <cstdio>
#include <cstdlib>
#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace {

struct Options {
    unsigned long long count = 100;
    unsigned long long seed = 1;
    std::string format = "json";
    std::filesystem::path out;
};

int usage(const char* error) {
    if (error != nullptr) {
        static_cast<void>(std::fprintf(stderr, "fieldkit-casegen: %s\n", error));
    }
    static_cast<void>(std::fprintf(
        stderr, "usage: fieldkit-casegen --count N --seed S --format json|payloads --out DIR\n"));
    return 2;
}

bool parseNumber(const char* text, unsigned long long& out) {
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return end != text && *end == '\0';
}

bool writeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(file);
}

} // namespace

int main(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            static_cast<void>(usage(nullptr));
            return 0;
        }
        if (i + 1 >= argc) {
            return usage("every option needs a value");
        }
        const char* value = argv[++i];
        if (arg == "--count") {
            if (!parseNumber(value, options.count)) {
                return usage("--count needs a number");
            }
        } else if (arg == "--seed") {
            if (!parseNumber(value, options.seed)) {
                return usage("--seed needs a number");
            }
        } else if (arg == "--format") {
            options.format = value;
            if (options.format != "json" && options.format != "payloads") {
                return usage("--format is json or payloads");
            }
        } else if (arg == "--out") {
            options.out = value;
        } else {
            return usage("unknown option");
        }
    }
    if (options.out.empty()) {
        return usage("--out is required");
    }
    std::error_code ec;
    std::filesystem::create_directories(options.out, ec);
    if (ec) {
        static_cast<void>(std::fprintf(stderr, "fieldkit-casegen: cannot create the output folder: %s\n",
                                       ec.message().c_str()));
        return 1;
    }

    fieldkit::casegen::CaseGenerator generator(options.seed);
    for (unsigned long long n = 0; n < options.count; ++n) {
        const auto generated = generator.next();
        char name[48];
        std::string contents;
        if (options.format == "json") {
            static_cast<void>(std::snprintf(name, sizeof name, "case-%06llu.json", n));
            contents = fieldkit::casegen::toJson(generated);
        } else {
            static_cast<void>(std::snprintf(name, sizeof name, "payload-%06llu.bin", n));
            const auto encoded =
                fieldkit::crypto::encodeFieldValues(fieldkit::casegen::toFieldValues(generated));
            contents.assign(encoded.begin(), encoded.end());
        }
        if (!writeFile(options.out / name, contents)) {
            static_cast<void>(
                std::fprintf(stderr, "fieldkit-casegen: cannot write %s\n", (options.out / name).c_str()));
            return 1;
        }
    }
    return 0;
}
