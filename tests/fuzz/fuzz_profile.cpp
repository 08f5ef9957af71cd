// libFuzzer target: a hardware profile document, as the app and the daemon read it from disk at start.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/hw/profile_json.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    auto profile = fieldkit::hw::parseProfile(json, "fuzz.json");
    if (!profile) {
        // A refusal always says why, in words a technician can act on.
        if (profile.error().code.empty() || profile.error().message.empty()) {
            std::abort();
        }
        return 0;
    }
    // What the parser accepts it writes back to JSON it accepts again, unchanged.
    const std::string written = fieldkit::hw::profileToJson(*profile);
    auto again = fieldkit::hw::parseProfile(written, "fuzz.json");
    if (!again || fieldkit::hw::profileToJson(*again) != written) {
        std::abort();
    }
    return 0;
}
