#pragma once

#include <QString>
#include <fieldkit/app/contact_repository.hpp>
#include <span>

namespace fieldkit::app {

/** Counts a list of contacts (the in-memory repository keeps the list). */
[[nodiscard]] ContactStatistics computeContactStatistics(std::span<const ContactRecord> contacts);

} // namespace fieldkit::app
