// libFuzzer target: what the programs read from their command line and small files before doing anything -
// the real command lines of fieldkit-ctl, -hub, -syncd, -center and -netfault (CLI11 with the shared checks),
// a hub address, a typed enrolment code, and the daemon's status.json (which also carries what the daemon
// learnt of its link, fed back into its pacing).
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/center/center_command_line.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/ctl/ctl_command_line.hpp>
#include <fieldkit/device/device_command_line.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/engine/link_pace.hpp>
#include <fieldkit/hub/hub_command_line.hpp>
#include <fieldkit/netfault/proxy_options.hpp>
#include <fieldkit/tls/enrolment_code.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

/** The input as a command line: words split at NUL bytes. */
std::vector<std::string> words(std::string_view text, const char* program) {
    std::vector<std::string> out{program};
    std::string word;
    for (char c : text) {
        if (c == '\0') {
            out.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    out.push_back(word);
    return out;
}

/** Parses `text` with `commandLine` as `program` would; returns what parse() gave. */
template <typename CommandLine>
auto parse(CommandLine& commandLine, std::string_view text, const char* program) {
    const auto argvWords = words(text, program);
    std::vector<const char*> argv;
    for (const auto& w : argvWords) {
        argv.push_back(w.c_str());
    }
    std::ostringstream out;
    std::ostringstream err;
    auto parsed = commandLine.parse(static_cast<int>(argv.size()), argv.data(), out, err);
    if (const int* status = std::get_if<int>(&parsed)) {
        // Help and version print on out; a refused line is exactly one line on err.
        const std::string e = err.str();
        if ((*status != 0 && *status != 2) || (*status == 2 && (e.empty() || e.find('\n') != e.size() - 1))) {
            std::abort();
        }
    }
    return parsed;
}

void inRange(std::int64_t value, std::int64_t min, std::int64_t max) {
    if (value < min || value > max) {
        std::abort();
    }
}

void checkCtl(std::string_view text) {
    fieldkit::ctl::CtlCommandLine commandLine;
    auto parsed = parse(commandLine, text, "fieldkit-ctl");
    const auto* invocation = std::get_if<fieldkit::ctl::CtlInvocation>(&parsed);
    if (invocation == nullptr) {
        return;
    }
    // Every number a command receives is in the range its option declares.
    if (const auto* list = std::get_if<fieldkit::ctl::CaseListOptions>(&invocation->command)) {
        inRange(list->limit, 1, 1000000);
    } else if (const auto* generate = std::get_if<fieldkit::ctl::CaseGenerateOptions>(&invocation->command)) {
        inRange(generate->count, 1, 1000000);
        inRange(generate->seed, 0, INT64_MAX);
        inRange(generate->batch, 1, 10000);
    } else if (const auto* purge = std::get_if<fieldkit::ctl::PurgeOptions>(&invocation->command)) {
        if (!std::isfinite(purge->olderThanHours) || purge->olderThanHours < 0 ||
            purge->olderThanHours > 100.0 * 366 * 24) {
            std::abort();
        }
    } else if (const auto* init = std::get_if<fieldkit::ctl::InitOptions>(&invocation->command)) {
        inRange(init->kdfMs, 1, 60000);
    }
}

void checkHub(std::string_view text) {
    fieldkit::hub::HubCommandLine commandLine;
    auto parsed = parse(commandLine, text, "fieldkit-hub");
    const auto* command = std::get_if<fieldkit::hub::HubCommand>(&parsed);
    if (command == nullptr) {
        return;
    }
    if (const auto* serve = std::get_if<fieldkit::hub::HubServeOptions>(command)) {
        inRange(serve->idleSeconds.value_or(1), 1, fieldkit::hub::kMaxIdleSeconds);
        inRange(serve->oldestSchema.value_or(1), 1, 1000000);
    } else if (const auto* code = std::get_if<fieldkit::hub::HubEnrollCodeOptions>(command)) {
        inRange(code->validSeconds.value_or(1), 1, fieldkit::hub::kMaxCodeValidity);
    }
}

void checkSyncd(std::string_view text) {
    fieldkit::device::DeviceCommandLine commandLine;
    auto parsed = parse(commandLine, text, "fieldkit-syncd");
    if (const auto* command = std::get_if<fieldkit::device::DeviceCommand>(&parsed)) {
        if (const auto* once = std::get_if<fieldkit::device::SyncOnceOptions>(command)) {
            inRange(once->rounds, 1, 1000);
        }
    }
}

void checkCenter(std::string_view text) {
    fieldkit::center::CenterCommandLine commandLine;
    (void)parse(commandLine, text, "fieldkit-center");
}

void checkNetfault(std::string_view text) {
    fieldkit::netfault::ProxyCommandLine commandLine;
    auto parsed = parse(commandLine, text, "fieldkit-netfault");
    if (const auto* arguments = std::get_if<fieldkit::netfault::ProxyArguments>(&parsed)) {
        auto options = fieldkit::netfault::proxyOptions(*arguments);
        if (options && options->target.port == 0) {
            std::abort(); // a port 0 target cannot be reached
        }
    }
}

/** A status file is the daemon's own, but a corrupt or edited one must not steer the pacing out of bounds. */
void checkStatus(std::string_view json) {
    auto status = fieldkit::device::syncStatusFromJson(json);
    if (!status) {
        return;
    }
    const fieldkit::engine::PaceLimits limits;
    const fieldkit::engine::LinkPace pace(
        {status->linkBytesPerSecond, static_cast<std::size_t>(status->linkPushBytes), status->linkCutFactor},
        limits);
    if (pace.pushBytes() < limits.minPushBytes || pace.pushBytes() > limits.maxPushBytes ||
        pace.pageBytes() < limits.minPageBytes || pace.pageBytes() > limits.maxPageBytes) {
        std::abort();
    }
    const auto wait = pace.answerDeadline(1u << 20);
    if (wait < limits.floor || wait > limits.ceiling) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    // The first byte picks the program whose command line reads the rest.
    if (!text.empty()) {
        const std::string_view line = text.substr(1);
        switch (static_cast<unsigned char>(text.front()) % 5) {
        case 0:
            checkCtl(line);
            break;
        case 1:
            checkHub(line);
            break;
        case 2:
            checkSyncd(line);
            break;
        case 3:
            checkCenter(line);
            break;
        default:
            checkNetfault(line);
            break;
        }
    }

    auto address = fieldkit::common::parseHostPort(text);
    if (address && address->host.empty()) {
        std::abort();
    }
    (void)fieldkit::netfault::parseDropInterval(text);
    (void)fieldkit::tls::EnrolmentCode::parse(text);
    checkStatus(text);
    return 0;
}
