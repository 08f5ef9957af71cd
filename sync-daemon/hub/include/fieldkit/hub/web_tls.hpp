#pragma once

#include <boost/asio/ssl/context.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/hub/center_dir.hpp>
#include <fieldkit/tls/pki.hpp>
#include <filesystem>
#include <optional>
#include <string>

namespace fieldkit::hub {

/** HTTPS for browsers (the console, the public status page): TLS 1.3 and 1.2 with forward-secret AEAD suites
 *  only (ECDHE with AES-GCM or ChaCha20-Poly1305); no renegotiation, no compression, no session tickets. */
[[nodiscard]] Result<boost::asio::ssl::context> makeWebTlsContext(const tls::Credentials& credentials);

/** A web listener's certificate and key: the operator's files when given, otherwise `<name>.crt`/`<name>.key`
 *  in the center folder, issued from the center's CA on first use (a P-256 key: browsers have no Ed25519). */
[[nodiscard]] Result<tls::Credentials> webCredentials(HubCenter& center, const CenterDir& dir,
                                                      const std::string& name, const std::string& commonName,
                                                      const std::optional<std::filesystem::path>& certFile,
                                                      const std::optional<std::filesystem::path>& keyFile);

} // namespace fieldkit::hub
