#pragma once

#include <fieldkit/common/host_port.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace fieldkit::hub {

struct StatusListenOptions {
    common::HostPort where;
    std::optional<std::filesystem::path> certFile; // none: status.crt/status.key from the center's CA
    std::optional<std::filesystem::path> keyFile;
    std::filesystem::path staticDir; // Det Fælles Designsystem, status.css, status.js
    int threads = 2;                 // derivations of concurrent look-ups run on these
};

/** The public status listener as `fieldkit-hub serve` runs it beside the device listener: a store
 *  connection of its own (it never waits for a push to commit, and a push never for it), the rate limiter,
 *  the page logic, HTTPS, and threads of its own. Stopped (and joined) on destruction. */
class StatusListener {
public:
    using Log = std::function<void(const std::string&)>;

    [[nodiscard]] static Result<std::unique_ptr<StatusListener>>
    start(HubCenter& center, const CenterDir& dir, const StatusListenOptions& options, Log log);
    ~StatusListener();
    StatusListener(const StatusListener&) = delete;
    StatusListener& operator=(const StatusListener&) = delete;

    [[nodiscard]] const common::HostPort& bound() const;
    void stop();

private:
    StatusListener();
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace fieldkit::hub
