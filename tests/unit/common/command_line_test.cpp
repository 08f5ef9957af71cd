#include <algorithm>
#include <doctest/doctest.h>
#include <fieldkit/common/command_line.hpp>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

using namespace fieldkit::common;

namespace {

struct ListOptions {
    std::int64_t limit = 7;
    double olderThan = 0;
    std::string name;
};
struct ShowOptions {
    std::string id;
};
using TestCommand = std::variant<ListOptions, ShowOptions>;

/** A small program with the shape of the real ones: a global option, a group, typed options, a positional. */
struct TestProgram {
    CommandLine line{"prog", "A test program."};
    std::string data;
    std::optional<TestCommand> chosen;
    std::ostringstream out;
    std::ostringstream err;

    TestProgram() {
        line.app().require_subcommand(1);
        line.app().add_option("--data", data, "Folder");
        CLI::App* group = line.addGroup(line.app(), "case", "Cases");
        auto [list, listCommand] = line.addCommand(*group, "list", "List", chosen, ListOptions{});
        listCommand->add_option("--limit", list.limit, "At most")->check(wholeNumber(1, 100));
        listCommand->add_option("--older-than", list.olderThan, "Hours")->check(decimalNumber(0, 1000));
        listCommand->add_option("--name", list.name, "Name");
        auto [show, showCommand] = line.addCommand(*group, "show", "Show", chosen, ShowOptions{});
        showCommand->add_option("ID", show.id, "Case id")->required();
    }

    std::optional<int> parse(std::vector<const char*> words) {
        words.insert(words.begin(), "prog");
        return line.parse(static_cast<int>(words.size()), words.data(), out, err);
    }
};

} // namespace

TEST_CASE("the command given comes back with its typed options, global options before or after it") {
    TestProgram p;
    REQUIRE_FALSE(p.parse({"--data", "/tmp/d", "case", "list", "--limit", "5", "--name", "S\xc3\xb8ren"}));
    REQUIRE(p.chosen.has_value());
    const auto& list = std::get<ListOptions>(*p.chosen);
    CHECK(list.limit == 5);
    CHECK(list.name == "S\xc3\xb8ren");
    CHECK(p.data == "/tmp/d");

    TestProgram after;
    REQUIRE_FALSE(after.parse({"case", "show", "abc", "--data", "/tmp/e"}));
    CHECK(std::get<ShowOptions>(*after.chosen).id == "abc");
    CHECK(after.data == "/tmp/e");

    TestProgram defaults;
    REQUIRE_FALSE(defaults.parse({"case", "list"}));
    CHECK(std::get<ListOptions>(*defaults.chosen).limit == 7);
}

TEST_CASE("whole-number options are range-checked and name the option and its range") {
    for (const char* bad : {"abc", "", "5x", "10s", "1.5", "0", "101", "-3", "+5", " 5", "0x10",
                            "99999999999999999999999", "9223372036854775808"}) {
        CAPTURE(bad);
        TestProgram p;
        CHECK(p.parse({"case", "list", "--limit", bad}) == 2);
        CHECK(p.err.str() ==
              "prog: --limit: must be a whole number from 1 to 100 (see prog case list --help)\n");
        CHECK_FALSE(p.chosen.has_value());
    }
    TestProgram edge;
    REQUIRE_FALSE(edge.parse({"case", "list", "--limit", "100"}));
    CHECK(std::get<ListOptions>(*edge.chosen).limit == 100);
}

TEST_CASE("decimal options refuse nan, inf and numbers out of range") {
    for (const char* bad : {"nan", "NaN", "inf", "-inf", "infinity", "1e300", "-1", "1001", "1h", "", "x"}) {
        CAPTURE(bad);
        TestProgram p;
        CHECK(p.parse({"case", "list", "--older-than", bad}) == 2);
        CHECK(p.err.str().find("--older-than: must be a number from 0 to 1000") != std::string::npos);
    }
    TestProgram p;
    REQUIRE_FALSE(p.parse({"case", "list", "--older-than", "1.5"}));
    CHECK(std::get<ListOptions>(*p.chosen).olderThan == doctest::Approx(1.5));
}

TEST_CASE("unknown options, extra words and missing values are one line and exit 2") {
    for (const auto& words : std::vector<std::vector<const char*>>{{"case", "list", "--limt", "5"},
                                                                   {"case", "show", "a", "b"},
                                                                   {"case", "show"},
                                                                   {"case", "list", "--limit"},
                                                                   {"case"},
                                                                   {"case", "list", "two\nlines\x1b[2J"},
                                                                   {}}) {
        TestProgram p;
        CHECK(p.parse(words) == 2);
        const std::string err = p.err.str();
        CHECK(std::count(err.begin(), err.end(), '\n') == 1);
        CHECK(err.find("--help") != std::string::npos);
        CHECK(p.out.str().empty());
    }
}

TEST_CASE("an unknown option is named, escaped, on one line") {
    TestProgram p;
    CHECK(p.parse({"case", "list", "--a\nb"}) == 2);
    CHECK(p.err.str().find("unknown option --a\\x0ab") != std::string::npos);
}

TEST_CASE("a word the command does not take is counted, never repeated (it may be a CPR number)") {
    TestProgram p;
    CHECK(p.parse({"case", "show", "abc", "0101011234"}) == 2);
    CHECK(p.err.str().find("0101011234") == std::string::npos);
    CHECK(p.err.str().find("one word more than the command takes") != std::string::npos);
}

TEST_CASE("--help and --version print on standard output and exit 0") {
    TestProgram help;
    CHECK(help.parse({"case", "list", "--help"}) == 0);
    CHECK(help.out.str().find("--limit") != std::string::npos);
    CHECK(help.out.str().find("from 1 to 100") != std::string::npos);
    CHECK(help.err.str().empty());
    TestProgram version;
    CHECK(version.parse({"--version"}) == 0);
    CHECK(version.out.str().starts_with("prog "));
}

TEST_CASE("a word or an option value that is not UTF-8 is refused where it enters, naming the option") {
    const auto refused = [](std::vector<const char*> words) {
        TestProgram p;
        CHECK(p.parse(std::move(words)) == 2);
        CHECK_FALSE(p.chosen.has_value());
        return p.err.str();
    };
    CHECK(refused({"case", "list", "--name", "Anna \xff Jensen"}) ==
          "prog: The value of --name is not valid UTF-8 text.\n");
    CHECK(refused({"case", "list", "--name=\xc3\x28"}) ==
          "prog: The value of --name is not valid UTF-8 text.\n");
    CHECK(refused({"--data", "/tmp/\xc3\x28", "case", "list"}) ==
          "prog: The value of --data is not valid UTF-8 text.\n");
    CHECK(refused({"case", "\xc3\x28"}) == "prog: Argument 2 is not valid UTF-8 text.\n");
    CHECK(checkArgumentsAreText(CLI::App(), 0, nullptr).ok());
}
