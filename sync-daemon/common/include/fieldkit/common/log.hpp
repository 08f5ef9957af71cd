#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldkit::common {

/** Severity, numbered as syslog and journald number it (PRIORITY=). */
enum class LogLevel : std::uint8_t { Error = 3, Warning = 4, Notice = 5, Info = 6, Debug = 7 };

[[nodiscard]] std::string_view toString(LogLevel level);

/** One named value of an entry: a key in snake_case (`device`, `unit`, `bytes`) and its text. Never personal
 *  data: device and unit ids, counts, sizes, network addresses of the center's own listeners, error codes. */
struct LogField {
    std::string key;
    std::string value;
};

/** One thing that happened: an event name for machines (`device_hello`), a sentence for people, fields. */
struct LogEntry {
    LogLevel level = LogLevel::Info;
    std::string event;
    std::string message;
    std::vector<LogField> fields;
};

/** Where entries go: the journal, JSON lines on stderr, or a test's list. */
using LogSink = std::function<void(const LogEntry&)>;

/** The one logging seam of the services: a value that holds a sink (none: entries are dropped). */
class Log {
public:
    Log() = default;
    explicit Log(LogSink sink)
        : m_sink(std::move(sink)) {}

    void write(LogEntry entry) const;
    void error(std::string event, std::string message, std::vector<LogField> fields = {}) const;
    void warning(std::string event, std::string message, std::vector<LogField> fields = {}) const;
    void notice(std::string event, std::string message, std::vector<LogField> fields = {}) const;
    void info(std::string event, std::string message, std::vector<LogField> fields = {}) const;
    void debug(std::string event, std::string message, std::vector<LogField> fields = {}) const;

private:
    LogSink m_sink;
};

/** One JSON object without a line break: {"ts":"…Z","level":"info","program":…,"event":…,"msg":…,fields…}.
 *  Always valid UTF-8; a field may not overwrite the keys above (it is renamed with a `field_` prefix). */
[[nodiscard]] std::string formatJsonLine(std::string_view program, const LogEntry& entry,
                                         std::int64_t unixMs);

/** The journal's native protocol: KEY=value lines (values with a line break in the length-prefixed form),
 *  MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, FIELDKIT_EVENT and each field as FIELDKIT_<KEY>. */
[[nodiscard]] std::string formatJournalEntry(std::string_view program, const LogEntry& entry);

/** True when systemd connected this process's stderr to the journal: JOURNAL_STREAM ("DEV:INODE") names the
 *  device and inode of file descriptor 2 (an inherited variable with stderr redirected elsewhere does not).
 */
[[nodiscard]] bool stderrIsJournal();

/** The sink a program uses: native journal datagrams to `journalSocket` when stderr is the journal (falling
 *  back to a JSON line on stderr when a datagram cannot be sent), one JSON line on stderr otherwise. */
[[nodiscard]] LogSink programLogSink(std::string program,
                                     std::string journalSocket = "/run/systemd/journal/socket");

/** programLogSink in a Log. */
[[nodiscard]] Log programLog(std::string program);

} // namespace fieldkit::common
