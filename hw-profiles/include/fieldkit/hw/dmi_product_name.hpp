#pragma once

#include <filesystem>
#include <string>

namespace fieldkit::hw {

/** Where the kernel exposes the machine's product name (e.g. "FZ-G1AABJXBE" on a Panasonic Toughpad). */
inline const std::filesystem::path kDmiProductNameFile = "/sys/class/dmi/id/product_name";

/** The product name from `file`, trimmed; empty when it cannot be read (VMs, containers, non-x86). */
[[nodiscard]] std::string readDmiProductName(const std::filesystem::path& file = kDmiProductNameFile);

} // namespace fieldkit::hw
