// Converts an X window dump (xwd -root, 24/32-bit TrueColor ZPixmap as Xvfb writes it) to PNG, so the
// end-to-end test's screenshots open anywhere. Qt has no XWD reader and ImageMagick is not a dependency.
#include <QFile>
#include <QImage>
#include <QtEndian>
#include <array>
#include <cstdio>

namespace {

constexpr int kHeaderWords = 25; // XWDFileHeader: 25 big-endian 32-bit words, then the window name

} // namespace

int main(int argc, char* argv[]) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: fieldkit_xwd_to_png IN.xwd OUT.png\n");
        return 2;
    }
    QFile in(QString::fromLocal8Bit(argv[1]));
    if (!in.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "fieldkit_xwd_to_png: %s cannot be read\n", argv[1]);
        return 1;
    }
    const QByteArray data = in.readAll();
    if (data.size() < kHeaderWords * 4) {
        std::fprintf(stderr, "fieldkit_xwd_to_png: %s is too short for an XWD file\n", argv[1]);
        return 1;
    }
    std::array<quint32, kHeaderWords> h{};
    for (int i = 0; i < kHeaderWords; ++i) {
        h[static_cast<std::size_t>(i)] = qFromBigEndian<quint32>(data.constData() + i * 4);
    }
    const quint32 headerSize = h[0], format = h[2], width = h[4], height = h[5], byteOrder = h[7];
    const quint32 bitsPerPixel = h[11], bytesPerLine = h[12], colourCount = h[19];
    const qint64 pixels = static_cast<qint64>(headerSize) + static_cast<qint64>(colourCount) * 12;
    if (format != 2 || bitsPerPixel != 32 || width == 0 || height == 0 ||
        pixels + static_cast<qint64>(bytesPerLine) * height > data.size()) {
        std::fprintf(stderr, "fieldkit_xwd_to_png: %s is not a 32-bit ZPixmap dump\n", argv[1]);
        return 1;
    }
    QImage image(static_cast<int>(width), static_cast<int>(height), QImage::Format_RGB32);
    const auto* base = reinterpret_cast<const uchar*>(data.constData() + pixels);
    for (quint32 y = 0; y < height; ++y) {
        auto* out = reinterpret_cast<QRgb*>(image.scanLine(static_cast<int>(y)));
        const uchar* row = base + static_cast<qint64>(y) * bytesPerLine;
        for (quint32 x = 0; x < width; ++x) {
            const uchar* p = row + x * 4;
            // LSBFirst (0): B G R X in memory; MSBFirst (1): X R G B.
            out[x] = byteOrder == 0 ? qRgb(p[2], p[1], p[0]) : qRgb(p[1], p[2], p[3]);
        }
    }
    if (!image.save(QString::fromLocal8Bit(argv[2]), "PNG")) {
        std::fprintf(stderr, "fieldkit_xwd_to_png: %s cannot be written\n", argv[2]);
        return 1;
    }
    return 0;
}
