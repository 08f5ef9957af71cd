// fieldkit-ctl commands run in-process against a real store in a temporary folder.
#include <doctest/doctest.h>
#include <fieldkit/common/args.hpp>
#include <fieldkit/ctl/ctl_commands.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace fieldkit;

namespace {

struct CtlRun {
    int status = 0;
    std::string out;
    std::string err;
};

struct CtlFixture {
    std::filesystem::path dir;

    CtlFixture() {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("fieldkit-ctl-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~CtlFixture() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    CtlRun run(std::vector<std::string> words, const std::string& input = {}) const {
        words.insert(words.begin(), {"fieldkit-ctl", "--data", (dir / "data").string()});
        std::vector<const char*> argv;
        for (const auto& w : words) {
            argv.push_back(w.c_str());
        }
        auto args = common::Args::parse(static_cast<int>(argv.size()), argv.data(),
                                        {"version", "help", "json", "standalone", "confirm"});
        REQUIRE(args.ok());
        std::istringstream in(input);
        std::ostringstream out;
        std::ostringstream err;
        ctl::CtlEnvironment env{in, out, err, [](const char* name) -> std::optional<std::string> {
                                    return std::string(name) == "FIELDKIT_PIN"
                                               ? std::optional<std::string>("1234")
                                               : std::nullopt;
                                }};
        const int status = ctl::runCtlCommand(*args, env);
        return {status, out.str(), err.str()};
    }

    std::filesystem::path write(const std::string& name, const std::string& content) const {
        std::ofstream(dir / name, std::ios::binary) << content;
        return dir / name;
    }
};

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) {
        s.pop_back();
    }
    return s;
}

} // namespace

TEST_CASE("ctl attaches a file to a case and writes it back out decrypted") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    auto created = f.run({"case", "create", "--json", "-"},
                         R"({"service": "passport", "channel": "bike", "citizen": {"cpr": "0707614285"}})");
    REQUIRE_MESSAGE(created.status == 0, created.err);
    const std::string caseId = trimmed(created.out);

    std::string pdf = "%PDF-1.4\n";
    for (int i = 0; i < 70000; ++i) {
        pdf += "line " + std::to_string(i) + "\n"; // several chunks
    }
    const auto source = f.write("brev.pdf", pdf);
    auto attached = f.run({"case", "attach", caseId, "--file", source.string(), "--type", "application/pdf"});
    REQUIRE_MESSAGE(attached.status == 0, attached.err);
    const std::string attachmentId = trimmed(attached.out);
    CHECK(attachmentId.size() == 32);

    const auto target = f.dir / "out.pdf";
    auto read =
        f.run({"case", "attachment", caseId, attachmentId, "--out", target.string(), "--purpose", "test"});
    REQUIRE_MESSAGE(read.status == 0, read.err);
    std::ifstream in(target, std::ios::binary);
    std::ostringstream back;
    back << in.rdbuf();
    CHECK(back.str() == pdf);
    CHECK((std::filesystem::status(target).permissions() & std::filesystem::perms::others_read) ==
          std::filesystem::perms::none);

    auto shown = f.run({"case", "show", caseId, "--json"});
    REQUIRE(shown.status == 0);
    CHECK(shown.out.find("\"name\":\"brev.pdf\"") != std::string::npos);

    auto wrongType = f.run({"case", "attach", caseId, "--file", source.string(), "--type", "image/png"});
    CHECK(wrongType.status == 1);
    CHECK(wrongType.err.find("is not image/png") != std::string::npos);
    CHECK(std::count(wrongType.err.begin(), wrongType.err.end(), '\n') == 1);
}

TEST_CASE("ctl wipe needs --confirm, then leaves nothing to open") {
    CtlFixture f;
    REQUIRE(f.run({"init", "--staff", "anna", "--standalone", "--kdf-ms", "1"}).status == 0);
    auto refused = f.run({"wipe"});
    CHECK(refused.status == 1);
    CHECK(refused.err.find("--confirm") != std::string::npos);
    CHECK(std::filesystem::exists(f.dir / "data" / "store.db"));

    auto wiped = f.run({"wipe", "--confirm"});
    REQUIRE_MESSAGE(wiped.status == 0, wiped.err);
    CHECK_FALSE(std::filesystem::exists(f.dir / "data" / "store.db"));
    CHECK(f.run({"case", "list", "--json"}).status == 1);
    CHECK(f.run({"wipe", "--confirm"}).status == 0);
}
