// fieldkit-syncd: wires the process to the daemon's commands.
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
        return fieldkit::device::runDeviceCommand(argc, argv);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-syncd");
    }
}
