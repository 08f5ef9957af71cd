#pragma once

#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/store/store_types.hpp>
#include <vector>

namespace fieldkit::app {

/** The stable code the timeline uses for a field id: name, address, phone, cpr, referred-to, checklist,
 *  signature, attachment, note, status-note, or "field-<id>" for one the app does not know yet. */
[[nodiscard]] QString timelineFieldCode(std::uint32_t fieldId);

/**
 * A case's timeline from its operations (`history`, oldest first) and its audit entries (`audit`, oldest
 * first), newest first. Changes come from the operations, which include other devices' changes; the audit
 * log adds the looks (views with their purpose, CPR reveals and look-ups); its entries that merely repeat a
 * change here are left out. Identical looks in a row become one line with a count.
 */
[[nodiscard]] std::vector<TimelineEvent> buildCaseTimeline(const std::vector<store::HistoryEntry>& history,
                                                           const std::vector<store::AuditEntry>& audit);

} // namespace fieldkit::app
