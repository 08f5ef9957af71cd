// fieldkit-center: wires the process to the center console's commands.
#include <fieldkit/center/center_commands.hpp>
#include <fieldkit/crypto/process_hardening.hpp>
#include <iostream>

int main(int argc, char** argv) {
    // The center secret key and every value the console decrypts must never end up in a core file.
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-center"); !st) {
        std::cerr << "fieldkit-center: " << st.error().message << '\n';
        return 1;
    }
    try {
        return fieldkit::center::runCenterCommand(argc, argv);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-center");
    }
}
