#pragma once
// A real, standalone encrypted store in a temporary folder for the store-backed services' tests.

#include <QCoreApplication>
#include <doctest/doctest.h>
#include <fieldkit/app/store_backends.hpp>
#include <fieldkit/app/store_connection.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/store/clock.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace fieldkit::app::test {

inline const QString kAnna = QStringLiteral("Anna Jensen");

/** Queued calls (the unlock worker's answer) need an application object and its event loop. */
inline void ensureApplication() {
    static int argc = 1;
    static char name[] = "unit_app";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

inline std::filesystem::path freshDir() {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("fieldkit-app-store-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

/** A standalone store (it can seal cases without a center) with "Anna Jensen", PIN 1234. */
struct StoreFixture {
    std::filesystem::path dir = freshDir();
    std::shared_ptr<StoreConnection> connection;

    StoreFixture() {
        createStore(dir);
        connection = open(dir);
    }
    ~StoreFixture() {
        connection.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    static void createStore(const std::filesystem::path& where) {
        auto created = store::DeviceStore::create(
            store::DeviceStore::fileIn(where),
            {"Anna Jensen", "1234", crypto::KdfParams::withCosts(1, 8192), "bike-07", /*standalone*/ true});
        REQUIRE_MESSAGE(created.ok(), created.error().message);
    }
    static std::shared_ptr<StoreConnection> open(const std::filesystem::path& where) {
        auto opened = StoreConnection::open(where, store::systemClock());
        REQUIRE_MESSAGE(opened.ok(), opened.error().message);
        return *opened;
    }

    void unlock(const QString& pin = QStringLiteral("1234")) {
        StoreSessionService service(connection);
        const auto result = service.unlock(kAnna, pin);
        REQUIRE_MESSAGE(result.ok, result.errorCode.toStdString());
    }

    QString createCase(StoreCaseRepository& cases, const QString& cpr, const QString& name) {
        auto id =
            cases.createCase({QStringLiteral("passport"), core::Channel::Bike, cpr, name,
                              QStringLiteral("Nørregade 1, 8000 Aarhus C"), QStringLiteral("+45 1234")});
        REQUIRE_MESSAGE(id.ok(), id.error().message);
        return *id;
    }

    /** Audit entries of `caseHex` with `action`. */
    std::vector<store::AuditEntry> audits(const std::string& action, const QString& caseHex = {}) {
        std::vector<store::AuditEntry> out;
        auto log = connection->session()->auditLog(caseHex.toStdString());
        REQUIRE(log.ok());
        for (const auto& e : *log) {
            if (e.action == action) {
                out.push_back(e);
            }
        }
        return out;
    }
};

} // namespace fieldkit::app::test
