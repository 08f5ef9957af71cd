#include <boost/json/serialize.hpp>
#include <fieldkit/common/json_text.hpp>
#include <fieldkit/core/utf8.hpp>
#include <string_view>

namespace fieldkit::common {
namespace {

std::string_view view(boost::json::string_view text) {
    return {text.data(), text.size()};
}

void repair(boost::json::value& value) {
    if (auto* text = value.if_string()) {
        if (!core::isValidUtf8(view(*text))) {
            const std::string fixed = core::toValidUtf8(view(*text));
            *text = boost::json::string_view(fixed.data(), fixed.size());
        }
    } else if (auto* array = value.if_array()) {
        for (auto& item : *array) {
            repair(item);
        }
    } else if (auto* object = value.if_object()) {
        bool badKey = false;
        for (auto& entry : *object) {
            badKey = badKey || !core::isValidUtf8(view(entry.key()));
            repair(entry.value());
        }
        if (badKey) {
            boost::json::object fixed;
            for (auto& entry : *object) {
                const std::string key = core::toValidUtf8(view(entry.key()));
                fixed[boost::json::string_view(key.data(), key.size())] = std::move(entry.value());
            }
            *object = std::move(fixed);
        }
    }
}

} // namespace

std::string serializeValidJson(boost::json::value value) {
    repair(value);
    return boost::json::serialize(value);
}

} // namespace fieldkit::common
