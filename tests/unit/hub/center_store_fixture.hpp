#pragma once
// A real center store in a temporary folder, with unit bike-07 and its devices dev-a and dev-b.
#include <doctest/doctest.h>
#include <fieldkit/hub/center_store.hpp>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

namespace fieldkit::hub::testing {

struct TempStore {
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("fieldkit-hub-" + std::to_string(std::random_device{}()));
    std::unique_ptr<CenterStore> store;

    TempStore() {
        std::filesystem::create_directories(dir);
        store = std::move(*openSqliteCenterStore(dir / "center.db", true));
        REQUIRE(store->units().addUnit({"bike-07", std::vector<std::uint8_t>(32, 1), {2}}).ok());
        REQUIRE(store->devices().registerDevice("dev-a", "bike-07").ok());
        REQUIRE(store->devices().registerDevice("dev-b", "bike-07").ok());
    }
    ~TempStore() {
        store.reset();
        std::filesystem::remove_all(dir);
    }
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;

    [[nodiscard]] DeviceRecord device(const std::string& id) const { return *store->devices().device(id); }
};

} // namespace fieldkit::hub::testing
