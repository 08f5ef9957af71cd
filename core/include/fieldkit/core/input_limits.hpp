#pragma once

#include <cstddef>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/result.hpp>

namespace fieldkit::core {

/**
 * The most one save may hold. No realistic case comes near these (a Danish address is under 100 bytes, a
 * long note a page or two); long content belongs in an attachment, which travels in its own lane in chunks.
 * They exist so that nothing a device holds can make a sync frame too large: a save within them seals to an
 * operation far below protocol::kMaxOperationBytes (512 KiB), which is checked again after sealing.
 */
inline constexpr std::size_t kMaxTextBytes = 2 * 1024;  // name, address, phone, checklist answer, ...
inline constexpr std::size_t kMaxNoteBytes = 16 * 1024; // one note or status note (about 2,500 words)
inline constexpr std::size_t kMaxSaveBytes = 64 * 1024; // every value one save sets, together

/** The limit for one value of `field`: notes are longer than the other fields. */
[[nodiscard]] std::size_t maxValueBytes(FieldId field);

/** Checks one value's size; code "too_large" with a message that names the field and both sizes. */
[[nodiscard]] Status checkValueSize(FieldId field, std::size_t bytes);

/** Checks the size of everything one save sets together; code "too_large". */
[[nodiscard]] Status checkSaveSize(std::size_t bytes);

} // namespace fieldkit::core
