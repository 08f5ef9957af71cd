// fieldkit-ctl: scripting and admin CLI over the device store. Wires arguments to the commands.
#include <cstring>
#include <fieldkit/version.hpp>
#include <iostream>

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::cout << "fieldkit-ctl " << fieldkit::kVersion << '\n';
        return 0;
    }
    std::cerr << "usage: fieldkit-ctl --version\n";
    return 2;
}
