#pragma once

#include <boost/asio/ssl/context.hpp>
#include <fieldkit/core/result.hpp>
#include <fieldkit/tls/pki.hpp>
#include <functional>
#include <string>

namespace fieldkit::tls {

/** Answers whether a device (by certificate common name) has been revoked; checked during the handshake. */
using RevocationCheck = std::function<bool(const std::string& deviceId)>;

/** TLS 1.3 only; a client certificate, when presented, must be issued by `authorityPem` and not revoked.
 *  Connections without one reach only the enrolment endpoint (the server checks with peerCommonName). */
[[nodiscard]] Result<boost::asio::ssl::context>
makeServerContext(const Credentials& server, const std::string& authorityPem, RevocationCheck isRevoked);

/** TLS 1.3 only; presents the device certificate and accepts only a hub whose key matches `hubKeyPin`. */
[[nodiscard]] Result<boost::asio::ssl::context> makeClientContext(const Credentials& client,
                                                                  const std::string& hubKeyPin);

/** TLS 1.3 only, without a client certificate and without a pin: for enrolment, where the one-time code
 *  authenticates the hub over the channel binding and the key it presented is pinned afterwards. */
[[nodiscard]] Result<boost::asio::ssl::context> makeEnrolmentClientContext();

} // namespace fieldkit::tls

struct ssl_st;

namespace fieldkit::tls {

/** The common name of the certificate the peer presented on an established connection. */
[[nodiscard]] Result<std::string> peerCommonName(ssl_st* connection);

} // namespace fieldkit::tls
