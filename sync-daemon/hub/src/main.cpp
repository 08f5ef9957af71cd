#include <fieldkit/common/args.hpp>
#include <fieldkit/hub/hub_commands.hpp>
#include <iostream>

int main(int argc, char** argv) {
    auto args = fieldkit::common::Args::parse(argc, argv, {"version", "help", "json"});
    if (!args) {
        std::cerr << "fieldkit-hub: " << args.error().message << '\n';
        return 2;
    }
    return fieldkit::hub::runHubCommand(*args);
}
