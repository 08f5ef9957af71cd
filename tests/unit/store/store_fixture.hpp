#pragma once

#include <doctest/doctest.h>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fieldkit::testing {

/** Argon2id at its minimum costs: real key slots, test-suite speed. */
inline crypto::KdfParams cheapKdf() {
    return crypto::KdfParams::withCosts(1, 8192);
}

/** A fresh standalone store in its own temporary folder, with one staff member "anna" (PIN 1234). */
struct StoreFixture {
    std::filesystem::path dir;
    store::ManualClock clock{1'700'000'000'000};
    std::unique_ptr<store::DeviceStore> store;

    StoreFixture() {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / ("fieldkit-store-" + std::to_string(rd()));
        std::filesystem::create_directories(dir);
        auto created =
            store::DeviceStore::create(file(), {"anna", "1234", cheapKdf(), "bike-07", true}, clock);
        REQUIRE_MESSAGE(created.ok(), created.error().message);
        store = std::move(*created);
    }
    ~StoreFixture() {
        store.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    [[nodiscard]] std::filesystem::path file() const { return dir / "store.db"; }

    std::unique_ptr<store::Session> unlock(const std::string& staff = "anna",
                                           const std::string& pin = "1234") {
        auto session = store->unlock(staff, pin);
        REQUIRE_MESSAGE(session.ok(), session.error().message);
        return std::move(*session);
    }
};

inline store::NewCase passportCase(const std::string& cpr = "0707614285") {
    return store::NewCase{"passport",
                          "bike",
                          {cpr, "Jens Jensen", "Nørregade 1, 8000 Aarhus C", "+45 12345678"},
                          {"Needs a new photo."},
                          {}};
}

inline std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace fieldkit::testing
