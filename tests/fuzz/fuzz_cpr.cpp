// libFuzzer target: CPR parsing (what a staff member types, or a JSON file holds).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/core/cpr.hpp>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto cpr = fieldkit::core::parseCpr(text);
    if (!cpr) {
        if (cpr.error().message.empty()) {
            std::abort(); // every refusal says why
        }
        return 0;
    }
    // An accepted number is ten digits with a real date, and reads back the same from its own forms.
    if (cpr->digits().size() != 10) {
        std::abort();
    }
    const auto date = cpr->birthDate();
    if (date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > fieldkit::core::daysInMonth(date.year, date.month)) {
        std::abort();
    }
    for (const auto& form : {cpr->formatted(), cpr->digits()}) {
        auto again = fieldkit::core::parseCpr(form);
        if (!again || again->digits() != cpr->digits()) {
            std::abort();
        }
    }
    return 0;
}
