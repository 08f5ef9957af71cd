#include <fieldkit/common/files.hpp>
#include <fieldkit/hub/center_store_config.hpp>
#include <libpq-fe.h>
#include <sstream>

namespace fieldkit::hub {
namespace {

std::string trimmed(std::string s) {
    const auto first = s.find_first_not_of(" \t\r");
    const auto last = s.find_last_not_of(" \t\r");
    return first == std::string::npos ? std::string() : s.substr(first, last - first + 1);
}

} // namespace

Status checkPostgresConnectionString(const std::string& conninfo) {
    const bool uri = conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://");
    const bool keyValue =
        !uri && conninfo.find('=') != std::string::npos && conninfo.find("://") == std::string::npos;
    if (!uri && !keyValue) {
        return makeError("bad_store", "The store must be a postgresql://… connection string.");
    }
    char* parseError = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &parseError);
    if (options == nullptr) {
        // libpq's parse message quotes no values; freeing it either way.
        PQfreemem(parseError);
        return makeError("bad_store", "The store's connection string does not parse.");
    }
    bool hasPassword = false;
    for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
        if (std::string(o->keyword) == "password" && o->val != nullptr && *o->val != '\0') {
            hasPassword = true;
        }
    }
    PQconninfoFree(options);
    if (hasPassword) {
        return makeError("bad_store",
                         "The store's connection string holds a password; put it in a password file "
                         "(store_passfile, PGPASSFILE format) instead.");
    }
    return {};
}

Result<std::optional<PostgresStoreOptions>> readStoreConfig(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) {
        return std::optional<PostgresStoreOptions>();
    }
    auto text = common::readFile(file);
    if (!text) {
        return makeError("center_incomplete", "Cannot read " + file.string() + ".");
    }
    PostgresStoreOptions options;
    std::istringstream lines(*text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        line = trimmed(line);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto eq = line.find('=');
        const std::string key = eq == std::string::npos ? line : trimmed(line.substr(0, eq));
        const std::string value = eq == std::string::npos ? std::string() : trimmed(line.substr(eq + 1));
        if (key == "store") {
            options.conninfo = value;
        } else if (key == "store_passfile") {
            options.passfile = value;
        } else {
            return makeError("bad_store", file.string() + " line " + std::to_string(number) +
                                              ": unknown setting (store, store_passfile).");
        }
    }
    if (auto st = checkPostgresConnectionString(options.conninfo); !st) {
        return makeError(st.error().code, file.string() + ": " + st.error().message);
    }
    return std::optional<PostgresStoreOptions>(std::move(options));
}

Status writeStoreConfig(const std::filesystem::path& file, const PostgresStoreOptions& options) {
    if (auto st = checkPostgresConnectionString(options.conninfo); !st) {
        return st;
    }
    if (options.conninfo.find('\n') != std::string::npos ||
        options.passfile.find('\n') != std::string::npos) {
        return makeError("bad_store", "The store settings must be single lines.");
    }
    std::string text =
        "# The center's PostgreSQL store (fieldkit-hub init --store). No password here: libpq reads "
        "it from store_passfile or PGPASSFILE.\nstore = " +
        options.conninfo + "\n";
    if (!options.passfile.empty()) {
        text += "store_passfile = " + options.passfile + "\n";
    }
    return common::writeFileAtomic(file, text, true);
}

} // namespace fieldkit::hub
