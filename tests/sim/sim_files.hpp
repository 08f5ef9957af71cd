#pragma once

#include <filesystem>

namespace fieldkit::sim {

/** What a kill -9 leaves on disk: the database, its WAL and (not) its shared-memory index. Taken while the
 *  owner holds the file open between transactions, restored after the owner is gone, so reopening goes
 *  through SQLite's WAL recovery like a real restart after a crash. */
class CrashImage {
public:
    explicit CrashImage(const std::filesystem::path& database);
    /** Puts the image back in place of whatever a clean close left behind. */
    void restore() const;

private:
    std::filesystem::path m_database;
    bool m_hadWal = false;
};

/** A per-run directory on tmpfs (fsync is free there), removed with everything in it. */
class ScratchDir {
public:
    explicit ScratchDir(const std::string& tag);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace fieldkit::sim
