#include <fieldkit/center/console_pages.hpp>
#include <fieldkit/center/qr_svg.hpp>
#include <memory>
#include <qrencode.h>

namespace fieldkit::center {

Result<std::string> qrSvg(std::string_view text, std::string_view label) {
    const std::string input(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) {
        return makeError("qr_failed", "The text does not fit in a QR code.");
    }
    constexpr int kQuiet = 4;
    const int width = code->width;
    const int size = width + 2 * kQuiet;
    std::string path;
    for (int y = 0; y < width; ++y) {
        for (int x = 0; x < width; ++x) {
            if ((code->data[y * width + x] & 1) != 0) { // bit 0: dark module
                path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
            }
        }
    }
    const auto sizeText = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"console-qr\" role=\"img\" viewBox=\"0 0 " +
           sizeText + " " + sizeText + "\" width=\"" + std::to_string(size * 6) + "\" height=\"" +
           std::to_string(size * 6) + "\" shape-rendering=\"crispEdges\"><title>" + escapeHtml(label) +
           "</title><rect width=\"" + sizeText + "\" height=\"" + sizeText + "\" fill=\"#fff\"/><path d=\"" +
           path + "\" fill=\"#000\"/></svg>";
}

} // namespace fieldkit::center
