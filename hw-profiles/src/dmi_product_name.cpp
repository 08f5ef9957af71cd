#include "sysfs_file.hpp"

#include <fieldkit/hw/dmi_product_name.hpp>

namespace fieldkit::hw {

std::string readDmiProductName(const std::filesystem::path& file) {
    return detail::readAttribute(file).value_or(std::string{});
}

} // namespace fieldkit::hw
