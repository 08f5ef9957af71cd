#pragma once

#include <cstdint>
#include <fieldkit/core/localized_text.hpp>
#include <span>
#include <string_view>

namespace fieldkit::core {

/**
 * One document or step a citizen needs for a service.
 *
 * `id` is stable within its service and never reused: a case's answer to this item is stored in the
 * checklist-answer field derived from it (see field.hpp), so renumbering would misread old answers.
 */
struct ChecklistItem {
    std::uint16_t id = 0;
    LocalizedText text;
};

/** A service staff can help with (DOMAIN.md "Service catalogue"); clear reference data, never personal. */
struct Service {
    std::string_view code; // stable: stored as clear case metadata
    LocalizedText name;
    LocalizedText authority; // who is responsible, so staff can guide across authorities
    std::string_view kle;    // KLE classification, empty where not verified (never invented)
    bool personalAttendanceRequired = false;
    std::span<const ChecklistItem> checklist; // what to bring / what happens
    std::string_view selfServiceUrl;          // national portal page for help to self-service
    LocalizedText fee;                        // typical fee as text: rates change, so no amounts in code
};

/** The services this version knows; looked up by code because codes are what cases store and sync. */
class ServiceCatalogue {
public:
    explicit ServiceCatalogue(std::span<const Service> services)
        : m_services(services) {}

    /**
     * The service with this code, or nullptr. Absence is an answer, not an error: a case from a newer
     * app version may name a service this version does not know, and must still be shown.
     */
    [[nodiscard]] const Service* find(std::string_view code) const;
    /** Every service, in catalogue order (the order the app lists them). */
    [[nodiscard]] std::span<const Service> all() const { return m_services; }

private:
    std::span<const Service> m_services;
};

/** The built-in catalogue (first version, 13 services). */
[[nodiscard]] const ServiceCatalogue& serviceCatalogue();

} // namespace fieldkit::core
