#include <cerrno>
#include <fieldkit/app/qr_code.hpp>
#include <memory>
#include <qrencode.h>

namespace fieldkit::app {

QrCode::QrCode(int version, int size, std::vector<bool> modules)
    : m_version(version)
    , m_size(size)
    , m_modules(std::move(modules)) {}

Result<QrCode> encodeQr(std::span<const std::uint8_t> data) {
    if (data.size() > 2331) { // version 40 at level M in byte mode; libqrencode would say ERANGE too
        return makeError("qr_too_long", "The text is too long for a QR code.");
    }
    errno = 0;
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(data.size()), data.data(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) {
        return errno == ERANGE ? makeError("qr_too_long", "The text is too long for a QR code.")
                               : makeError("qr_failed", "The QR code could not be made.");
    }
    const int size = code->width;
    std::vector<bool> modules(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
    for (std::size_t i = 0; i < modules.size(); ++i) {
        modules[i] = (code->data[i] & 1U) != 0; // bit 0 is the module's colour; the rest is libqrencode's
    }
    return QrCode(code->version, size, std::move(modules));
}

} // namespace fieldkit::app
