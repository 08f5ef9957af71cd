#pragma once

#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>

namespace fieldkit::center {

/** `text` as a QR code (Debian's libqrencode, error correction M) drawn as an SVG image: one path of dark
 *  modules with a four-module quiet zone, `label` as its text alternative (role="img", <title>). No script;
 *  the console serves it inline in the page. Code "qr_failed" when the text does not fit a QR code. */
[[nodiscard]] Result<std::string> qrSvg(std::string_view text, std::string_view label);

} // namespace fieldkit::center
