#include "sim_files.hpp"

#include <string>
#include <unistd.h>

namespace fieldkit::sim {
namespace fs = std::filesystem;

namespace {

fs::path sibling(const fs::path& database, const char* suffix) {
    return fs::path(database.string() + suffix);
}

} // namespace

CrashImage::CrashImage(const fs::path& database)
    : m_database(database) {
    fs::copy_file(database, sibling(database, ".crash"), fs::copy_options::overwrite_existing);
    m_hadWal = fs::exists(sibling(database, "-wal"));
    if (m_hadWal) {
        fs::copy_file(sibling(database, "-wal"), sibling(database, ".crash-wal"),
                      fs::copy_options::overwrite_existing);
    }
}

void CrashImage::restore() const {
    std::error_code ec;
    fs::remove(sibling(m_database, "-shm"), ec); // rebuilt from the WAL on open, as after a real crash
    fs::rename(sibling(m_database, ".crash"), m_database);
    if (m_hadWal) {
        fs::rename(sibling(m_database, ".crash-wal"), sibling(m_database, "-wal"));
    } else {
        fs::remove(sibling(m_database, "-wal"), ec);
    }
}

ScratchDir::ScratchDir(const std::string& tag) {
    const fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    m_path = base / ("fieldkit-sim-" + std::to_string(::getpid()) + "-" + tag);
    fs::remove_all(m_path);
    fs::create_directories(m_path);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

} // namespace fieldkit::sim
