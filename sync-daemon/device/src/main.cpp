#include <fieldkit/common/args.hpp>
#include <fieldkit/device/device_commands.hpp>
#include <iostream>

int main(int argc, char** argv) {
    auto args = fieldkit::common::Args::parse(argc, argv, {"version", "help", "json"});
    if (!args) {
        std::cerr << "fieldkit-syncd: " << args.error().message << '\n';
        return 2;
    }
    return fieldkit::device::runDeviceCommand(*args);
}
