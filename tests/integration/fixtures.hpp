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

    /** Creates a device store (staff "anna", PIN 2468) in `deviceData` and enrols it with this center:
     *  a client certificate and the center and unit keys. Returns the device id. */
    std::string provision(const std::string& deviceData) const {
        auto init = runProcess(
            {kCtl, "--data", deviceData, "init", "--staff", "anna", "--unit", unit, "--kdf-ms", "1"},
            std::chrono::seconds(60), {"FIELDKIT_PIN=2468"});
        REQUIRE_MESSAGE(init.exitCode == 0, init.err);
        auto info = runProcess({kCtl, "--data", deviceData, "device-info"});
        REQUIRE_MESSAGE(info.exitCode == 0, info.err);
        const auto field = [&](const std::string& name) {
            const auto start = info.out.find("\"" + name + "\":\"") + name.size() + 4;
            return info.out.substr(start, info.out.find('"', start) - start);
        };
        auto r =
            runProcess({kHub, "provision-device", "--dir", center(), "--unit", unit, "--data", deviceData,
                        "--device-id", field("device_id"), "--device-box-key", field("box_public_key")});
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
