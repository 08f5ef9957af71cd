#pragma once

#include <boost/asio/ssl/context.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <fieldkit/tls/pki.hpp>
#include <filesystem>
#include <optional>

namespace fieldkit::center {

/** TLS 1.3 and 1.2 for browsers, with forward-secret AEAD suites only (ECDHE with AES-GCM or
 *  ChaCha20-Poly1305); no renegotiation, no compression, no session tickets. */
[[nodiscard]] Result<boost::asio::ssl::context> makeConsoleTlsContext(const tls::Credentials& credentials);

/** Where the console's own HTTPS identity lives in the center folder. */
[[nodiscard]] inline std::filesystem::path consoleCertPath(const hub::CenterDir& dir) {
    return dir.root / "console.crt";
}
[[nodiscard]] inline std::filesystem::path consoleKeyPath(const hub::CenterDir& dir) {
    return dir.root / "console.key";
}

/** The console's certificate and key: the operator's files when given, otherwise console.crt/console.key in
 *  the center folder, issued from the center's CA on first use (a P-256 key: browsers have no Ed25519). */
[[nodiscard]] Result<tls::Credentials>
consoleCredentials(hub::Center& center, const hub::CenterDir& dir,
                   const std::optional<std::filesystem::path>& certFile,
                   const std::optional<std::filesystem::path>& keyFile);

} // namespace fieldkit::center
