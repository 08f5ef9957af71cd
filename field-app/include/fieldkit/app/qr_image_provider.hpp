#pragma once

#include <QQuickImageProvider>

namespace fieldkit::app {

/**
 * Serves `image://qr/<percent-encoded text>` as a black-on-white QR code with a quiet zone, so QML shows
 * self-service links as codes citizens scan with their own phones (the tablet has no browser for them).
 */
class QrImageProvider : public QQuickImageProvider {
public:
    QrImageProvider();
    QImage requestImage(const QString& id, QSize* size, const QSize& requestedSize) override;
};

/** Renders `text` as a QR code image about `edge` pixels square (whole pixels per module). Null if too long.
 */
[[nodiscard]] QImage renderQrImage(const QByteArray& text, int edge);

} // namespace fieldkit::app
