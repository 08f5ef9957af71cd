#pragma once

#include "process.hpp"

#include <doctest/doctest.h>
#include <string>

namespace fieldkit::testing {

/** Paths of the programs under test, from the build. */
inline const std::string kHub = FIELDKIT_HUB_BIN;
inline const std::string kSyncd = FIELDKIT_SYNCD_BIN;
inline const std::string kCtl = FIELDKIT_CTL_BIN;

/** A center with one unit, initialised in its own temporary folder. */
struct CenterFixture {
    TempDir dir;
    std::string unit = "bike-07";

    CenterFixture() {
        auto init = runProcess({kHub, "init", "--dir", center()});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        auto add = runProcess({kHub, "unit", "add", "--dir", center(), unit});
        REQUIRE_MESSAGE(add.exitCode == 0, add.err);
    }

    [[nodiscard]] std::string center() const { return (dir / "center").string(); }

    /** Gives a device folder a client certificate from this center; returns the device id. */
    std::string provision(const std::string& deviceData) const {
        auto r =
            runProcess({kHub, "provision-device", "--dir", center(), "--unit", unit, "--data", deviceData});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return r.out.substr(0, r.out.find('\n'));
    }
};

/** A running `fieldkit-hub serve` on a free loopback port, stopped when the test ends. */
struct RunningHub {
    ChildProcess process;
    int port = -1;

    explicit RunningHub(const std::string& centerDir)
        : process({kHub, "serve", "--dir", centerDir, "--listen", "127.0.0.1:0"}) {
        auto line = process.waitForLine("listening on ", std::chrono::seconds(20));
        REQUIRE_MESSAGE(line.has_value(), process.err());
        port = portOf(*line);
        REQUIRE(port > 0);
    }

    [[nodiscard]] std::string address() const { return "127.0.0.1:" + std::to_string(port); }
};

} // namespace fieldkit::testing
