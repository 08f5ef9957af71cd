// libFuzzer target: the case and contact JSON `fieldkit-ctl case create` and `contact add` read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/core/utf8.hpp>
#include <fieldkit/ctl/case_json.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    auto created = fieldkit::ctl::parseNewCase(json);
    if (created) {
        // Text reaches the encrypted store only as valid UTF-8 (it is refused where it enters).
        for (const auto& note : created->notes) {
            if (!fieldkit::core::isValidUtf8(note)) {
                std::abort();
            }
        }
        for (const auto& [item, answer] : created->checklist) {
            if (!fieldkit::core::isValidUtf8(answer)) {
                std::abort();
            }
        }
        const auto& citizen = created->citizen;
        for (const auto* text : {&citizen.cpr, &citizen.name, &citizen.address, &citizen.phone}) {
            if (!fieldkit::core::isValidUtf8(*text)) {
                std::abort();
            }
        }
    } else if (created.error().message.empty()) {
        std::abort();
    }
    auto contact = fieldkit::ctl::parseContact(json);
    if (!contact && contact.error().message.empty()) {
        std::abort();
    }
    return 0;
}
