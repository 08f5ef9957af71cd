// fieldkit-syncd: wires the process to the daemon's commands.
#include <fieldkit/common/args.hpp>
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/device/device_commands.hpp>
#include <iostream>

int main(int argc, char** argv) {
    // The device's TLS and signing keys must never end up in a core file: before anything is opened.
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-syncd"); !st) {
        std::cerr << "fieldkit-syncd: " << st.error().message << '\n';
        return 1;
    }
    try {
        auto args = fieldkit::common::Args::parse(argc, argv, {"version", "help", "json"});
        if (!args) {
            std::cerr << "fieldkit-syncd: " << args.error().message << '\n';
            return 2;
        }
        return fieldkit::device::runDeviceCommand(*args);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-syncd");
    }
}
