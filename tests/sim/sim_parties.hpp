#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/engine/link_pace.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <fieldkit/hub/sync_service.hpp>
#include <fieldkit/store/clock.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace fieldkit::sim {

/** One simulated tablet: the real encrypted store with one staff member signed in, its own (skewed) clock.
 *  Everything it knows lives in its file, so a crash is: drop the objects, reopen the file. */
class SimDevice {
public:
    SimDevice(int index, std::string unit, std::filesystem::path file, std::int64_t clockMs, int batchLimit);

    [[nodiscard]] Status create();
    [[nodiscard]] Status installEnrolment(const store::EnrolmentKeys& keys);
    /** Opens the file and signs the staff member in (what the app and daemon do after a restart). */
    [[nodiscard]] Status start();
    /** Drops every in-memory object; `hard` leaves the files as a kill -9 would. */
    void crash(bool hard);

    [[nodiscard]] int index() const { return m_index; }
    [[nodiscard]] const std::string& unit() const { return m_unit; }
    [[nodiscard]] const std::string& deviceId() const { return m_deviceId; }
    [[nodiscard]] int batchLimit() const { return m_batchLimit; }
    [[nodiscard]] store::DeviceStore& store() { return *m_store; }
    [[nodiscard]] store::Session& session() { return *m_session; }
    [[nodiscard]] sqlite::Database& db() { return m_store->database(); }
    [[nodiscard]] store::ManualClock& clock() { return *m_clock; }
    /** What the daemon has learnt of its link; lost with the process in a crash. */
    [[nodiscard]] engine::LinkPace& pace() { return m_pace; }

private:
    int m_index;
    std::string m_unit;
    std::filesystem::path m_file;
    std::unique_ptr<store::ManualClock> m_clock; // the store keeps a reference: stable address
    int m_batchLimit;
    std::string m_deviceId;
    std::unique_ptr<store::DeviceStore> m_store;
    std::unique_ptr<store::Session> m_session;
    engine::LinkPace m_pace;
};

/** The center: the real center store (SQLite, or PostgreSQL when `postgres` names a database) and sync
 *  service, reopened after a crash. */
class SimHub {
public:
    SimHub(std::filesystem::path file, const std::int64_t& nowMs, std::string postgres = {});

    [[nodiscard]] Status start(bool create);
    void crash(bool hard);

    /** Makes a unit key pair the way `fieldkit-hub unit add` does. */
    [[nodiscard]] Status addUnit(const std::string& name);
    /** What enrolment hands the device (center_dir.cpp provisionDevice), and the hub-side registration. */
    [[nodiscard]] Result<store::EnrolmentKeys> enrol(SimDevice& device);

    [[nodiscard]] hub::CenterStore& store() { return *m_store; }
    [[nodiscard]] hub::SyncService& service() { return *m_service; }

private:
    std::filesystem::path m_file;
    std::string m_postgres; // connection string; empty: the SQLite file
    const std::int64_t& m_nowMs;
    crypto::BoxKeyPair m_centerKey;
    std::map<std::string, crypto::BoxKeyPair> m_unitKeys;
    std::unique_ptr<hub::CenterStore> m_store;
    std::unique_ptr<hub::SyncService> m_service;
};

} // namespace fieldkit::sim
