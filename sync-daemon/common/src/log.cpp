#include <boost/json/object.hpp>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fieldkit/common/json_text.hpp>
#include <fieldkit/common/log.hpp>
#include <memory>
#include <mutex>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace fieldkit::common {
namespace {

std::string timestamp(std::int64_t unixMs) {
    const auto seconds = static_cast<std::time_t>(unixMs / 1000);
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char text[40];
    std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(unixMs % 1000));
    return text;
}

/** A journal field name: upper case letters, digits and '_', not starting with '_' or a digit. */
std::string journalName(std::string_view key) {
    std::string name = "FIELDKIT_";
    for (char c : key) {
        if (c >= 'a' && c <= 'z') {
            name += static_cast<char>(c - 'a' + 'A');
        } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            name += c;
        } else {
            name += '_';
        }
    }
    return name;
}

void appendJournalField(std::string& out, std::string_view name, std::string_view value) {
    if (value.find('\n') == std::string_view::npos) {
        out.append(name).append("=").append(value).append("\n");
        return;
    }
    // NAME\n, the value's length as 64-bit little endian, the value, \n.
    out.append(name).append("\n");
    std::uint64_t length = value.size();
    for (int i = 0; i < 8; ++i) {
        out += static_cast<char>(length & 0xFFU);
        length >>= 8U;
    }
    out.append(value).append("\n");
}

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool sendDatagram(const std::string& socketPath, const std::string& datagram) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (socketPath.empty() || socketPath.size() >= sizeof(address.sun_path)) {
        return false;
    }
    std::memcpy(address.sun_path, socketPath.data(), socketPath.size());
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    const auto sent = ::sendto(fd, datagram.data(), datagram.size(), MSG_NOSIGNAL,
                               reinterpret_cast<const sockaddr*>(&address), sizeof(address));
    ::close(fd);
    return sent == static_cast<ssize_t>(datagram.size());
}

void writeStderr(const std::string& line) {
    // One write(2) per line, so lines of several threads never interleave.
    std::size_t done = 0;
    while (done < line.size()) {
        const auto n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

std::string_view toString(LogLevel level) {
    switch (level) {
    case LogLevel::Error:
        return "error";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Notice:
        return "notice";
    case LogLevel::Info:
        return "info";
    case LogLevel::Debug:
        return "debug";
    }
    return "info";
}

void Log::write(LogEntry entry) const {
    if (m_sink) {
        m_sink(entry);
    }
}

void Log::error(std::string event, std::string message, std::vector<LogField> fields) const {
    write({LogLevel::Error, std::move(event), std::move(message), std::move(fields)});
}
void Log::warning(std::string event, std::string message, std::vector<LogField> fields) const {
    write({LogLevel::Warning, std::move(event), std::move(message), std::move(fields)});
}
void Log::notice(std::string event, std::string message, std::vector<LogField> fields) const {
    write({LogLevel::Notice, std::move(event), std::move(message), std::move(fields)});
}
void Log::info(std::string event, std::string message, std::vector<LogField> fields) const {
    write({LogLevel::Info, std::move(event), std::move(message), std::move(fields)});
}
void Log::debug(std::string event, std::string message, std::vector<LogField> fields) const {
    write({LogLevel::Debug, std::move(event), std::move(message), std::move(fields)});
}

std::string formatJsonLine(std::string_view program, const LogEntry& entry, std::int64_t unixMs) {
    boost::json::object line;
    line["ts"] = timestamp(unixMs);
    line["level"] = toString(entry.level);
    line["program"] = program;
    line["event"] = entry.event;
    line["msg"] = entry.message;
    for (const auto& field : entry.fields) {
        const bool reserved = line.contains(field.key);
        line[reserved ? "field_" + field.key : field.key] = field.value;
    }
    return serializeValidJson(std::move(line));
}

std::string formatJournalEntry(std::string_view program, const LogEntry& entry) {
    std::string out;
    appendJournalField(out, "MESSAGE", entry.message);
    appendJournalField(out, "PRIORITY", std::to_string(static_cast<int>(entry.level)));
    appendJournalField(out, "SYSLOG_IDENTIFIER", program);
    appendJournalField(out, "FIELDKIT_EVENT", entry.event);
    for (const auto& field : entry.fields) {
        appendJournalField(out, journalName(field.key), field.value);
    }
    return out;
}

bool stderrIsJournal() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    if (stream == nullptr) {
        return false;
    }
    unsigned long long device = 0;
    unsigned long long inode = 0;
    if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) {
        return false;
    }
    struct stat st {};
    if (::fstat(STDERR_FILENO, &st) != 0) {
        return false;
    }
    return static_cast<unsigned long long>(st.st_dev) == device &&
           static_cast<unsigned long long>(st.st_ino) == inode;
}

LogSink programLogSink(std::string program, std::string journalSocket) {
    const bool journal = stderrIsJournal();
    auto guard = std::make_shared<std::mutex>();
    return [program = std::move(program), journalSocket = std::move(journalSocket), journal,
            guard](const LogEntry& entry) {
        if (journal && sendDatagram(journalSocket, formatJournalEntry(program, entry))) {
            return;
        }
        const std::lock_guard lock(*guard);
        writeStderr(formatJsonLine(program, entry, nowMs()) + "\n");
    };
}

Log programLog(std::string program) {
    return Log(programLogSink(std::move(program)));
}

} // namespace fieldkit::common
