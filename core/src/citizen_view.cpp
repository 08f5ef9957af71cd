#include <charconv>
#include <fieldkit/core/citizen_view.hpp>

namespace fieldkit::core {
namespace {

std::string clean(std::string_view value) {
    std::string out;
    for (const char c : value) {
        out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    return out;
}

std::vector<std::string_view> splitTabs(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto tab = line.find('\t', start);
        parts.push_back(
            line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos) {
            return parts;
        }
        start = tab + 1;
    }
}

template <typename T>
bool number(std::string_view text, T& out) {
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end && !text.empty();
}

} // namespace

CaseStatus currentStatus(const CitizenView& view) {
    return view.timeline.empty() ? CaseStatus::Opened : view.timeline.back().status;
}

std::string encodeCitizenView(const CitizenView& view) {
    std::string out = "v1\nservice\t" + clean(view.service) + "\n";
    for (const auto& step : view.timeline) {
        out += "status\t" + std::string(toString(step.status)) + "\t" + std::to_string(step.atMs) + "\n";
    }
    for (const auto item : view.missingItems) {
        out += "missing\t" + std::to_string(item) + "\n";
    }
    for (const auto& lookup : view.lookups) {
        out += "lookup\t" + std::to_string(lookup.atMs) + "\t" + clean(lookup.purpose) + "\t" +
               clean(lookup.unit) + "\n";
    }
    return out;
}

Result<CitizenView> decodeCitizenView(std::string_view text) {
    const auto bad = [] { return makeError("malformed_view", "The citizen view is not in a known format."); };
    if (!text.starts_with("v1\n")) {
        return bad();
    }
    text.remove_prefix(3);
    CitizenView view;
    bool sawService = false;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        if (newline == std::string_view::npos) {
            return bad(); // every line ends with a newline
        }
        const auto parts = splitTabs(text.substr(0, newline));
        text.remove_prefix(newline + 1);
        const auto key = parts.front();
        if (key == "service" && parts.size() == 2) {
            view.service = std::string(parts[1]);
            sawService = true;
        } else if (key == "status" && parts.size() == 3) {
            auto status = caseStatusFromString(parts[1]);
            CitizenStatusStep step;
            if (!status || !number(parts[2], step.atMs)) {
                return bad();
            }
            step.status = *status;
            view.timeline.push_back(step);
        } else if (key == "missing" && parts.size() == 2) {
            std::uint16_t item = 0;
            if (!number(parts[1], item)) {
                return bad();
            }
            view.missingItems.push_back(item);
        } else if (key == "lookup" && parts.size() == 4) {
            CitizenLookup lookup;
            if (!number(parts[1], lookup.atMs) || view.lookups.size() >= kMaxCitizenLookups) {
                return bad();
            }
            lookup.purpose = std::string(parts[2]);
            lookup.unit = std::string(parts[3]);
            view.lookups.push_back(std::move(lookup));
        }
    }
    if (!sawService) {
        return bad();
    }
    return view;
}

} // namespace fieldkit::core
