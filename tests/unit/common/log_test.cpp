#include <boost/json/parse.hpp>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <fieldkit/common/log.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

using namespace fieldkit;

namespace {

const common::LogEntry kEntry{common::LogLevel::Warning,
                              "device_hello",
                              "hello, protocol 1",
                              {{"device", "dev-1"}, {"unit", "bike-07"}}};

std::string streamOf(int fd) {
    struct stat st {};
    REQUIRE(::fstat(fd, &st) == 0);
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

/** fd 2 pointed at a file for the lifetime of the object, and JOURNAL_STREAM as systemd would set it. */
struct StderrToFile {
    std::filesystem::path file;
    int saved = -1;
    explicit StderrToFile(const std::string& journalStream) {
        file = std::filesystem::temp_directory_path() / ("fk-log-" + std::to_string(::getpid()));
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        REQUIRE(fd >= 0);
        saved = ::dup(2);
        ::dup2(fd, 2);
        ::close(fd);
        ::setenv("JOURNAL_STREAM", journalStream.empty() ? streamOf(2).c_str() : journalStream.c_str(), 1);
    }
    ~StderrToFile() {
        ::dup2(saved, 2);
        ::close(saved);
        ::unsetenv("JOURNAL_STREAM");
        std::filesystem::remove(file);
    }
    [[nodiscard]] std::string text() const {
        std::ifstream in(file);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

/** A datagram socket where journald would listen. */
struct FakeJournal {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("fk-journal-" + std::to_string(::getpid()));
    int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    FakeJournal() {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path.string().copy(address.sun_path, path.string().size());
        REQUIRE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
    }
    ~FakeJournal() {
        ::close(fd);
        std::filesystem::remove(path);
    }
    [[nodiscard]] std::string received() const {
        std::vector<char> buffer(65536);
        const auto n = ::recv(fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        return n < 0 ? std::string() : std::string(buffer.data(), static_cast<std::size_t>(n));
    }
};

} // namespace

TEST_CASE("a JSON log line carries time, level, program, event, message and the fields") {
    const auto line = common::formatJsonLine("fieldkit-hub", kEntry, 1796641200123);
    CHECK(line.find('\n') == std::string::npos);
    const auto json = boost::json::parse(line).as_object();
    CHECK(json.at("ts") == "2026-12-07T11:00:00.123Z");
    CHECK(json.at("level") == "warning");
    CHECK(json.at("program") == "fieldkit-hub");
    CHECK(json.at("event") == "device_hello");
    CHECK(json.at("msg") == "hello, protocol 1");
    CHECK(json.at("device") == "dev-1");
    CHECK(json.at("unit") == "bike-07");
}

TEST_CASE("a field cannot overwrite the line's own keys, and any text becomes valid JSON") {
    const common::LogEntry entry{
        common::LogLevel::Info, "x", "two\nlines \"quoted\" \xff", {{"event", "forged"}, {"level", "error"}}};
    const auto line = common::formatJsonLine("p", entry, 0);
    CHECK(line.find('\n') == std::string::npos);
    const auto json = boost::json::parse(line).as_object();
    CHECK(json.at("event") == "x");
    CHECK(json.at("level") == "info");
    CHECK(json.at("field_event") == "forged");
    CHECK(json.at("msg") == "two\nlines \"quoted\" \xef\xbf\xbd");
}

TEST_CASE("a journal entry has MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, the event and FIELDKIT_ fields") {
    const auto entry = common::formatJournalEntry("fieldkit-syncd", kEntry);
    CHECK(entry == "MESSAGE=hello, protocol 1\nPRIORITY=4\nSYSLOG_IDENTIFIER=fieldkit-syncd\n"
                   "FIELDKIT_EVENT=device_hello\nFIELDKIT_DEVICE=dev-1\nFIELDKIT_UNIT=bike-07\n");
    // A value with a line break goes length-prefixed (64-bit little endian), as the protocol requires.
    const auto multi =
        common::formatJournalEntry("p", {common::LogLevel::Error, "e", "a\nb", {{"odd-key", "v"}}});
    CHECK(multi.rfind(std::string("MESSAGE\n") + std::string("\x03\0\0\0\0\0\0\0", 8) + "a\nb\nPRIORITY=3\n",
                      0) == 0);
    CHECK(multi.find("FIELDKIT_ODD_KEY=v\n") != std::string::npos);
}

TEST_CASE("stderr is the journal only when JOURNAL_STREAM names the very file stderr is") {
    ::unsetenv("JOURNAL_STREAM");
    CHECK_FALSE(common::stderrIsJournal());
    {
        StderrToFile redirected("");
        CHECK(common::stderrIsJournal());
    }
    {
        StderrToFile inherited("1:2"); // a variable inherited by a process whose stderr went elsewhere
        CHECK_FALSE(common::stderrIsJournal());
    }
}

TEST_CASE("under the journal an entry is one datagram, else (no journal, or unreachable) a JSON line") {
    FakeJournal journal;
    {
        StderrToFile redirected("");
        common::Log log(common::programLogSink("fieldkit-hub", journal.path.string()));
        log.notice("listening", "listening on 127.0.0.1:1", {{"listen", "127.0.0.1:1"}});
        const auto datagram = journal.received();
        CHECK(datagram.find("PRIORITY=5\n") != std::string::npos);
        CHECK(datagram.find("FIELDKIT_EVENT=listening\n") != std::string::npos);
        CHECK(datagram.find("FIELDKIT_LISTEN=127.0.0.1:1\n") != std::string::npos);
        CHECK(redirected.text().empty());
    }
    {
        StderrToFile redirected("");
        common::Log log(common::programLogSink("fieldkit-hub", "/nonexistent/journal/socket"));
        log.error("start_failed", "no");
        const auto json = boost::json::parse(redirected.text()).as_object();
        CHECK(json.at("event") == "start_failed");
    }
    {
        StderrToFile redirected("1:2");
        common::Log log(common::programLogSink("fieldkit-hub", journal.path.string()));
        log.info("a", "b");
        log.info("c", "d");
        CHECK(journal.received().empty());
        std::istringstream lines(redirected.text());
        int count = 0;
        for (std::string line; std::getline(lines, line); ++count) {
            CHECK(boost::json::parse(line).as_object().at("level") == "info");
        }
        CHECK(count == 2);
    }
}

TEST_CASE("a Log without a sink drops entries") {
    common::Log log;
    log.error("e", "m"); // nothing to check but that it is safe
    std::vector<common::LogEntry> seen;
    common::Log kept([&seen](const common::LogEntry& e) { seen.push_back(e); });
    kept.debug("d", "m", {{"k", "v"}});
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].level == common::LogLevel::Debug);
    CHECK(seen[0].fields[0].key == "k");
}
