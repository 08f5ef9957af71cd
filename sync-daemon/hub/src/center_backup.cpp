#include <chrono>
#include <fieldkit/hub/center_backup.hpp>
#include <fieldkit/sqlite/database.hpp>
#include <sqlite3.h>
#include <thread>

namespace fieldkit::hub {
namespace {

constexpr int kPagesPerStep = 256;

} // namespace

Status backupSqliteCenter(const std::filesystem::path& store, const std::filesystem::path& out) {
    std::error_code ec;
    if (std::filesystem::exists(out, ec)) {
        return makeError("backup_exists",
                         out.string() + " exists already; a backup is written to a new file.");
    }
    auto source = sqlite::Database::open(store, sqlite::OpenMode::MustExist);
    if (!source) {
        return source.error();
    }
    auto target = sqlite::Database::open(out, sqlite::OpenMode::CreateIfMissing);
    if (!target) {
        return target.error();
    }
    sqlite3_backup* backup = sqlite3_backup_init(target->handle(), "main", source->handle(), "main");
    if (backup == nullptr) {
        return makeError("backup_failed", "The backup of the center store could not start.");
    }
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        if (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            // Between steps the hub's writes go ahead.
            std::this_thread::sleep_for(std::chrono::milliseconds(rc == SQLITE_OK ? 1 : 20));
        }
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE || finished != SQLITE_OK) {
        std::filesystem::remove(out, ec);
        return makeError("backup_failed", "The backup of the center store failed (SQLite code " +
                                              std::to_string(rc == SQLITE_DONE ? finished : rc) + ").");
    }
    auto check = target->prepare("PRAGMA integrity_check");
    if (!check) {
        return check.error();
    }
    auto row = check->step();
    if (!row || !*row || check->text(0) != "ok") {
        return makeError("backup_damaged", "The backup in " + out.string() + " failed its integrity check.");
    }
    return {};
}

} // namespace fieldkit::hub
