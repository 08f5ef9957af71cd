#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fieldkit::hub {

/** What the center knows about one enrolled device. */
struct DeviceRecord {
    std::string deviceId;
    std::string unit;
    bool revoked = false;
    std::int64_t lastSeenMs = 0;
    std::uint64_t lastAppliedDeviceSeq = 0;
};

/** The center's durable state. SQLite by default; every method is one transaction so a PostgreSQL
 *  implementation can mirror the boundaries exactly. */
class CenterStore {
public:
    virtual ~CenterStore() = default;

    [[nodiscard]] virtual Status addUnit(const std::string& name) = 0;
    [[nodiscard]] virtual Result<std::vector<std::string>> units() = 0;
    [[nodiscard]] virtual Status registerDevice(const std::string& deviceId, const std::string& unit) = 0;
    [[nodiscard]] virtual Result<DeviceRecord> device(const std::string& deviceId) = 0;
    [[nodiscard]] virtual Status revokeDevice(const std::string& deviceId) = 0;
    [[nodiscard]] virtual Status recordContact(const std::string& deviceId, std::int64_t nowMs) = 0;
    /** Newest server sequence among changes visible to `unit`. */
    [[nodiscard]] virtual Result<std::uint64_t> serverHead(const std::string& unit) = 0;
    /** Next serial number for a certificate the center's CA issues. */
    [[nodiscard]] virtual Result<std::uint64_t> nextCertificateSerial() = 0;
};

/** Opens (or with `create`, creates) the embedded SQLite center store. */
[[nodiscard]] Result<std::unique_ptr<CenterStore>> openSqliteCenterStore(const std::filesystem::path& file,
                                                                         bool create);

} // namespace fieldkit::hub
