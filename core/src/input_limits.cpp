#include <fieldkit/core/input_limits.hpp>
#include <string>

namespace fieldkit::core {

namespace {

std::string fieldLabel(FieldId field) {
    if (field == fields::kNote || field == fields::kStatusNote) {
        return "A note";
    }
    if (checklistItemOf(field)) {
        return "A checklist answer";
    }
    const auto info = fieldInfo(field);
    return info.known ? "The field \"" + std::string(info.name) + "\"" : "A field";
}

} // namespace

std::size_t maxValueBytes(FieldId field) {
    return field == fields::kNote || field == fields::kStatusNote ? kMaxNoteBytes : kMaxTextBytes;
}

Status checkValueSize(FieldId field, std::size_t bytes) {
    const auto limit = maxValueBytes(field);
    if (bytes <= limit) {
        return {};
    }
    return makeError("too_large", fieldLabel(field) + " holds " + std::to_string(bytes) +
                                      " bytes; it may hold at most " + std::to_string(limit) +
                                      " bytes. Put longer content in an attachment.");
}

Status checkSaveSize(std::size_t bytes) {
    if (bytes <= kMaxSaveBytes) {
        return {};
    }
    return makeError("too_large", "The save holds " + std::to_string(bytes) +
                                      " bytes; one save may hold at most " + std::to_string(kMaxSaveBytes) +
                                      " bytes. Put longer content in an attachment.");
}

} // namespace fieldkit::core
