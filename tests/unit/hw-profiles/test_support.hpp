#pragma once

#include <cstdlib>
#include <fieldkit/hw/profile.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fieldkit::hw::test {

/** The shipped profile `name`, loaded once; a broken shipped profile fails every test that uses it. */
inline const Profile& shipped(const std::string& name) {
    static std::map<std::string, Profile> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        auto loaded = loadNamedProfile(name, shippedProfilesDir());
        if (!loaded) {
            throw std::runtime_error(loaded.error().message);
        }
        it = cache.emplace(name, std::move(*loaded)).first;
    }
    return it->second;
}

/** A fresh directory under the system temp dir, removed with everything in it when the test ends. */
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "fieldkit-hw-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

    /** Writes `content` to `relative`, creating the folders on the way (a fake sysfs attribute, a profile).
     */
    void write(const std::filesystem::path& relative, std::string_view content) const {
        const auto file = m_path / relative;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << content;
    }

private:
    std::filesystem::path m_path;
};

/** The whole text of a file. */
inline std::string readText(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline const std::filesystem::path kFixtures = std::filesystem::path(FIELDKIT_TEST_DATA_DIR) / "profiles";

} // namespace fieldkit::hw::test
