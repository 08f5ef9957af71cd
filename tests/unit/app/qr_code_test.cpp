#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <doctest/doctest.h>
#include <fieldkit/app/qr_code.hpp>
#include <fieldkit/app/qr_image_provider.hpp>
#include <string_view>

using namespace fieldkit::app;

namespace {

std::span<const std::uint8_t> bytes(std::string_view s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

bool finderAt(const QrCode& code, int x0, int y0) {
    // 7x7: dark ring, light ring, dark 3x3 centre.
    for (int dy = 0; dy < 7; ++dy) {
        for (int dx = 0; dx < 7; ++dx) {
            const int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));
            if (code.dark(x0 + dx, y0 + dy) != (ring != 2)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("the smallest version that holds the data is chosen") {
    CHECK(encodeQr(bytes("12345678901234"))->version() == 1);
    CHECK(encodeQr(bytes("123456789012345"))->version() == 2);
    const auto url = encodeQr(bytes("https://www.borger.dk/internationalt/pas-og-visum/pas"));
    REQUIRE(url.ok());
    CHECK(url->version() == 4);
    CHECK(url->size() == 33);
}

TEST_CASE("function patterns are where readers look for them") {
    const auto code = encodeQr(bytes("https://www.borger.dk/flytning-i-danmark-eller-til-udlandet"));
    REQUIRE(code.ok());
    const int n = code->size();
    CHECK(finderAt(*code, 0, 0));
    CHECK(finderAt(*code, n - 7, 0));
    CHECK(finderAt(*code, 0, n - 7));
    for (int i = 8; i < n - 8; ++i) {
        CHECK(code->dark(i, 6) == (i % 2 == 0));
        CHECK(code->dark(6, i) == (i % 2 == 0));
    }
    CHECK(code->dark(8, n - 8)); // the dark module
}

TEST_CASE("too much data is an error, not a broken code") {
    const std::string big(2332, 'x');
    const auto code = encodeQr(bytes(big));
    REQUIRE_FALSE(code.ok());
    CHECK(code.error().code == "qr_too_long");
    CHECK(encodeQr(bytes(std::string(2331, 'x')))->version() == 40);
}

TEST_CASE("what the app draws, a reader decodes (zbarimg)") {
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    REQUIRE_MESSAGE(!zbarimg.isEmpty(), "zbarimg is missing: run tools/deps.sh (zbar-tools)");
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QByteArray urls[] = {
        "https://www.borger.dk/internationalt/pas-og-visum/pas",
        "https://www.borger.dk/flytning-i-danmark-eller-til-udlandet",
        QByteArray("https://www.borger.dk/") + QByteArray(300, 'x'),
    };
    int n = 0;
    for (const auto& url : urls) {
        const QImage image = renderQrImage(url, 400);
        REQUIRE_FALSE(image.isNull());
        const QString file = dir.filePath(QStringLiteral("qr%1.png").arg(++n));
        REQUIRE(image.save(file, "PNG"));
        QProcess reader;
        reader.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), file});
        REQUIRE(reader.waitForFinished(30000));
        CHECK(reader.exitCode() == 0);
        CHECK(reader.readAllStandardOutput().trimmed() == url);
    }
}
