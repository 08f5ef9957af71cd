#include <QUrl>
#include <fieldkit/app/qr_code.hpp>
#include <fieldkit/app/qr_image_provider.hpp>

namespace fieldkit::app {

QImage renderQrImage(const QByteArray& text, int edge) {
    const auto code = encodeQr(std::span(reinterpret_cast<const std::uint8_t*>(text.constData()),
                                         static_cast<std::size_t>(text.size())));
    if (!code) {
        return {};
    }
    constexpr int kQuiet = 4; // modules of light margin the standard asks for
    const int modules = code->size() + 2 * kQuiet;
    const int scale = std::max(1, edge / modules);
    QImage image(modules * scale, modules * scale, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int y = 0; y < code->size(); ++y) {
        for (int x = 0; x < code->size(); ++x) {
            if (code->dark(x, y)) {
                for (int dy = 0; dy < scale; ++dy) {
                    auto* line = reinterpret_cast<QRgb*>(image.scanLine((y + kQuiet) * scale + dy));
                    for (int dx = 0; dx < scale; ++dx) {
                        line[(x + kQuiet) * scale + dx] = qRgb(0, 0, 0);
                    }
                }
            }
        }
    }
    return image;
}

QrImageProvider::QrImageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image) {}

QImage QrImageProvider::requestImage(const QString& id, QSize* size, const QSize& requestedSize) {
    const int edge = requestedSize.width() > 0 ? requestedSize.width() : 256;
    QImage image = renderQrImage(QUrl::fromPercentEncoding(id.toUtf8()).toUtf8(), edge);
    if (size != nullptr) {
        *size = image.size();
    }
    return image;
}

} // namespace fieldkit::app
