// fieldkit-casegen: writes reproducible synthetic cases, as JSON for fieldkit-ctl or as encoded field values
// (one operation payload per file) for training the zstd dictionary.
#include <cstdint>
#include <cstdio>
#include <fieldkit/casegen/case_generator.hpp>
#include <fieldkit/common/command_line.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/process_hardening.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <string_view>

namespace {

struct Options {
    std::uint64_t count = 100;
    std::uint64_t seed = 1;
    std::string format = "json";
    std::filesystem::path out;
};

constexpr std::uint64_t kMaxCount = 10'000'000;

bool writeFile(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(file);
}

int generate(const Options& options) {
    std::error_code ec;
    std::filesystem::create_directories(options.out, ec);
    if (ec) {
        static_cast<void>(std::fprintf(stderr, "fieldkit-casegen: cannot create the output folder: %s\n",
                                       ec.message().c_str()));
        return 1;
    }

    fieldkit::casegen::CaseGenerator generator(options.seed);
    for (std::uint64_t n = 0; n < options.count; ++n) {
        const auto generated = generator.next();
        char name[48];
        std::string contents;
        if (options.format == "json") {
            static_cast<void>(
                std::snprintf(name, sizeof name, "case-%06llu.json", static_cast<unsigned long long>(n)));
            contents = fieldkit::casegen::toJson(generated);
        } else {
            static_cast<void>(
                std::snprintf(name, sizeof name, "payload-%06llu.bin", static_cast<unsigned long long>(n)));
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

} // namespace

int main(int argc, char** argv) {
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-casegen"); !st) {
        std::cerr << "fieldkit-casegen: " << st.error().message << '\n';
        return 1;
    }
    try {
        Options options;
        fieldkit::common::CommandLine commandLine(
            "fieldkit-casegen",
            "Reproducible synthetic cases: JSON for fieldkit-ctl, or encoded field values "
            "(one operation payload per file) for training the zstd dictionary.");
        CLI::App& app = commandLine.app();
        app.add_option("--count", options.count, "How many cases")
            ->check(fieldkit::common::unsignedWholeNumber(1, kMaxCount))
            ->capture_default_str();
        app.add_option("--seed", options.seed, "Seed of the generator")
            ->check(fieldkit::common::unsignedWholeNumber(0, std::numeric_limits<std::uint64_t>::max()))
            ->capture_default_str();
        app.add_option("--format", options.format, "json or payloads")
            ->check(CLI::IsMember({"json", "payloads"}))
            ->capture_default_str();
        app.add_option("--out", options.out, "Folder to write the files into")->required();
        if (auto status = commandLine.parse(argc, argv, std::cout, std::cerr)) {
            return *status;
        }
        return generate(options);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-casegen");
    }
}
