#include <fcntl.h>
#include <fieldkit/sqlite/database.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/wipe.hpp>
#include <fstream>
#include <unistd.h>
#include <vector>

namespace fieldkit::store {
namespace {

// Values overwritten with zeros of the same length before the rows go, so the old cell bytes are replaced in
// the page itself (secure_delete then zeros the freed cells too).
constexpr const char* kDestroyKeys = R"sql(
    PRAGMA secure_delete = ON;
    BEGIN IMMEDIATE;
    UPDATE key_slots SET wrapped_dek = zeroblob(length(wrapped_dek));
    DELETE FROM key_slots;
    UPDATE unit_keys SET wrapped_secret = NULL, sealed_secret = NULL;
    DELETE FROM unit_keys;
    UPDATE device_identity SET serialised = zeroblob(length(serialised));
    DELETE FROM device_identity;
    COMMIT;
    PRAGMA wal_checkpoint(TRUNCATE);
)sql";

/** Destroys the keys inside the store. False when the file is not a store we can write to. */
bool destroyKeys(const std::filesystem::path& file) {
    auto db = sqlite::Database::open(file, sqlite::OpenMode::MustExist);
    if (!db) {
        return false;
    }
    if (auto st = db->exec(kDestroyKeys); !st) {
        (void)db->exec("ROLLBACK");
        return false;
    }
    return true;
}

/** Overwrites a file's bytes with zeros and syncs them: for leftovers the key destruction did not reach. */
void overwriteWithZeros(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size == 0) {
        return;
    }
    const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return;
    }
    const std::vector<char> zeros(1 << 16, 0);
    std::uintmax_t done = 0;
    while (done < size) {
        const auto n = static_cast<std::size_t>(std::min<std::uintmax_t>(zeros.size(), size - done));
        const auto written = ::pwrite(fd, zeros.data(), n, static_cast<off_t>(done));
        if (written <= 0) {
            break;
        }
        done += static_cast<std::uintmax_t>(written);
    }
    (void)::fsync(fd);
    ::close(fd);
}

void syncDirectory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)::fsync(fd);
        ::close(fd);
    }
}

} // namespace

Status wipeStore(const std::filesystem::path& dataDir) {
    const auto file = DeviceStore::fileIn(dataDir);
    const std::filesystem::path wal = file.string() + "-wal";
    const std::filesystem::path shm = file.string() + "-shm";
    std::error_code ec;
    if (std::filesystem::exists(file, ec) && !destroyKeys(file)) {
        overwriteWithZeros(file); // damaged or foreign: the only way to be sure no key survives
    }
    for (const auto& path : {wal, shm}) {
        overwriteWithZeros(path);
    }
    for (const auto& path : {file, wal, shm}) {
        std::filesystem::remove(path, ec);
        if (ec) {
            return makeError("wipe_incomplete", "The keys are destroyed, but " + path.filename().string() +
                                                    " could not be deleted (" + ec.message() +
                                                    "); delete the data folder by hand.");
        }
    }
    syncDirectory(dataDir);
    return {};
}

} // namespace fieldkit::store
