#pragma once

#include <cstddef>
#include <fieldkit/core/result.hpp>
#include <string>

namespace fieldkit::tls {

/** `bytes` random bytes from OpenSSL's CSPRNG, hex encoded (device ids, enrolment codes). */
[[nodiscard]] Result<std::string> randomHex(std::size_t bytes);

} // namespace fieldkit::tls
