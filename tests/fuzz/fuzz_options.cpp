// libFuzzer target: what the programs read from their command line and small files before doing anything -
// fieldkit-netfault's options, a hub address, a typed enrolment code, and the daemon's status.json (which
// also carries what the daemon learnt of its link, fed back into its pacing).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/common/args.hpp>
#include <fieldkit/common/host_port.hpp>
#include <fieldkit/device/sync_status.hpp>
#include <fieldkit/engine/link_pace.hpp>
#include <fieldkit/netfault/proxy_options.hpp>
#include <fieldkit/tls/enrolment_code.hpp>
#include <string>
#include <vector>

namespace {

/** The input as a command line: words split at NUL bytes. */
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out{"prog"};
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

    const auto argvWords = words(text);
    std::vector<const char*> argv;
    for (const auto& w : argvWords) {
        argv.push_back(w.c_str());
    }
    auto args = fieldkit::common::Args::parse(static_cast<int>(argv.size()), argv.data(),
                                              fieldkit::netfault::proxyFlags());
    if (args) {
        auto options = fieldkit::netfault::parseProxyOptions(*args);
        if (options && options->target.port == 0) {
            std::abort(); // a port 0 target cannot be reached
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
