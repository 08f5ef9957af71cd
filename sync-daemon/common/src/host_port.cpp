#include <charconv>
#include <fieldkit/common/host_port.hpp>

namespace fieldkit::common {

std::string HostPort::toString() const {
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Result<HostPort> parseHostPort(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
        return makeError("bad_address", "Expected HOST:PORT, for example 127.0.0.1:8443.");
    }
    std::string_view host = text.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    if (host.empty()) { // "[]:443" (found by fuzz_options)
        return makeError("bad_address", "Expected HOST:PORT, for example 127.0.0.1:8443.");
    }
    const std::string_view portText = text.substr(colon + 1);
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), value);
    if (ec != std::errc() || end != portText.data() + portText.size() || value > 65535) {
        return makeError("bad_address", "The port must be a number from 0 to 65535.");
    }
    return HostPort{std::string(host), static_cast<std::uint16_t>(value)};
}

} // namespace fieldkit::common
