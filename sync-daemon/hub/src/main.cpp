// fieldkit-hub: wires the process to the center's commands.
#include <fieldkit/crypto/process_hardening.hpp>
#include <fieldkit/hub/hub_commands.hpp>
#include <iostream>

int main(int argc, char** argv) {
    // The CA and TLS keys, and every value export decrypts, must never end up in a core file.
    if (auto st = fieldkit::crypto::hardenProcess("fieldkit-hub"); !st) {
        std::cerr << "fieldkit-hub: " << st.error().message << '\n';
        return 1;
    }
    try {
        return fieldkit::hub::runHubCommand(argc, argv);
    } catch (...) {
        return fieldkit::crypto::reportUncaughtException("fieldkit-hub");
    }
}
