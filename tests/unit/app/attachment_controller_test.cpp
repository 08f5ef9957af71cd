// Attachments below QML on a real store: importing from the import folder, the finger signature, viewing.
#include "store_fixture.hpp"
#include "test_support.hpp"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <doctest/doctest.h>
#include <fieldkit/app/attachment_controller.hpp>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/app/import_folder.hpp>
#include <fieldkit/app/language_controller.hpp>

using namespace fieldkit;
using namespace fieldkit::app;
using namespace fieldkit::app::test;

namespace {

QByteArray pngBytes(QColor colour) {
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

/** A store with one open case, the editor on it and an import folder beside the store. */
struct AttachFixture {
    StoreFixture store;
    std::unique_ptr<StoreCaseRepository> cases;
    LanguageController language;
    std::unique_ptr<CaseEditController> editor;
    QString importDir;
    std::unique_ptr<AttachmentController> controller;
    QString caseId;

    AttachFixture() {
        ensureApplication();
        store.unlock();
        cases = std::make_unique<StoreCaseRepository>(store.connection);
        editor = std::make_unique<CaseEditController>(*cases, language);
        importDir = QString::fromStdString((store.dir / "import").string());
        QDir().mkpath(importDir);
        controller = std::make_unique<AttachmentController>(*cases, *editor, ImportFolder(importDir));
        caseId = store.createCase(*cases, QStringLiteral("0707614285"), QStringLiteral("Karen"));
        REQUIRE(editor->load(caseId));
    }
    QVariantList attachmentsOfKind(const QString& kind) const {
        QVariantList out;
        for (const auto& a : editor->attachments()) {
            if (a.toMap().value(QStringLiteral("kind")).toString() == kind) {
                out.append(a);
            }
        }
        return out;
    }
};

} // namespace

TEST_CASE("import media types and file names: only PNG, JPEG and PDF, no path can leave the folder") {
    CHECK(importMediaType(QStringLiteral("scan.PDF")) == QStringLiteral("application/pdf"));
    CHECK(importMediaType(QStringLiteral("foto.jpeg")) == QStringLiteral("image/jpeg"));
    CHECK(importMediaType(QStringLiteral("foto.jpg")) == QStringLiteral("image/jpeg"));
    CHECK(importMediaType(QStringLiteral("kort.png")) == QStringLiteral("image/png"));
    CHECK(importMediaType(QStringLiteral("notes.txt")).isEmpty());
    CHECK(importMediaType(QStringLiteral("pdf")).isEmpty());
    CHECK(isPlainFileName(QStringLiteral("scan 1.pdf")));
    CHECK_FALSE(isPlainFileName(QStringLiteral("../store.db")));
    CHECK_FALSE(isPlainFileName(QStringLiteral("sub/scan.pdf")));
    CHECK_FALSE(isPlainFileName(QStringLiteral("..")));
    CHECK_FALSE(isPlainFileName(QString()));
}

TEST_CASE("signature data URLs: only a PNG comes through") {
    const QByteArray png = pngBytes(Qt::white);
    CHECK(pngFromDataUrl(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64())) ==
          png);
    CHECK_FALSE(pngFromDataUrl(QString()).has_value());
    CHECK_FALSE(
        pngFromDataUrl(QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(png.toBase64())));
    CHECK_FALSE(pngFromDataUrl(QStringLiteral("data:image/png;base64,") +
                               QString::fromLatin1(QByteArray("not a png").toBase64())));
    CHECK_FALSE(pngFromDataUrl(QStringLiteral("data:image/png;base64,***")));
}

TEST_CASE("importing a file encrypts it into the case and removes the clear copy, viewing is logged") {
    AttachFixture f;
    const QByteArray photo = pngBytes(Qt::red);
    writeFile(f.importDir + QStringLiteral("/pasfoto.png"), photo);
    writeFile(f.importDir + QStringLiteral("/readme.txt"), "ignored");
    f.controller->refreshImportFiles();
    REQUIRE(f.controller->importFiles().size() == 1); // the text file is not offered
    CHECK(f.controller->importFiles().front().toMap().value(QStringLiteral("name")).toString() ==
          QStringLiteral("pasfoto.png"));

    REQUIRE(f.controller->importFile(QStringLiteral("pasfoto.png")));
    CHECK(f.controller->errorCode().isEmpty());
    CHECK_FALSE(QFile::exists(f.importDir + QStringLiteral("/pasfoto.png")));
    CHECK(f.controller->importFiles().isEmpty());
    const auto files = f.attachmentsOfKind(QStringLiteral("file"));
    REQUIRE(files.size() == 1);
    const auto file = files.front().toMap();
    CHECK(file.value(QStringLiteral("name")).toString() == QStringLiteral("pasfoto.png"));
    CHECK(file.value(QStringLiteral("mediaType")).toString() == QStringLiteral("image/png"));
    CHECK(file.value(QStringLiteral("size")).toLongLong() == photo.size());
    CHECK(file.value(QStringLiteral("image")).toBool());

    const auto readsBefore = f.store.audits("read_attachment", f.caseId).size();
    REQUIRE(f.controller->view(file.value(QStringLiteral("attachmentId")).toString()));
    CHECK(f.controller->viewedImage() ==
          QStringLiteral("data:image/png;base64,") + QString::fromLatin1(photo.toBase64()));
    CHECK(f.store.audits("read_attachment", f.caseId).size() == readsBefore + 1);
    f.controller->closeView();
    CHECK(f.controller->viewedImage().isEmpty());
}

TEST_CASE("a refused import keeps the file and says why") {
    AttachFixture f;
    writeFile(f.importDir + QStringLiteral("/scan.pdf"), pngBytes(Qt::blue)); // a PNG named .pdf
    CHECK_FALSE(f.controller->importFile(QStringLiteral("scan.pdf")));
    CHECK(f.controller->errorCode() == QStringLiteral("attachment_type_mismatch"));
    CHECK(QFile::exists(f.importDir + QStringLiteral("/scan.pdf")));
    CHECK(f.editor->attachments().isEmpty());

    writeFile(f.importDir + QStringLiteral("/notes.txt"), "x");
    CHECK_FALSE(f.controller->importFile(QStringLiteral("notes.txt")));
    CHECK(f.controller->errorCode() == QStringLiteral("unsupported_media_type"));
    CHECK(QFile::exists(f.importDir + QStringLiteral("/notes.txt")));

    CHECK_FALSE(f.controller->importFile(QStringLiteral("../store.png")));
    CHECK(f.controller->errorCode() == QStringLiteral("import_not_found"));
    CHECK_FALSE(f.controller->importFile(QStringLiteral("gone.png")));
    CHECK(f.controller->errorCode() == QStringLiteral("import_not_found"));

    // A PDF cannot be shown on the device, only listed.
    writeFile(f.importDir + QStringLiteral("/brev.pdf"),
              "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    REQUIRE(f.controller->importFile(QStringLiteral("brev.pdf")));
    const auto pdf = f.attachmentsOfKind(QStringLiteral("file")).front().toMap();
    CHECK_FALSE(pdf.value(QStringLiteral("image")).toBool());
    CHECK_FALSE(f.controller->view(pdf.value(QStringLiteral("attachmentId")).toString()));
    CHECK(f.controller->errorCode() == QStringLiteral("not_an_image"));
}

TEST_CASE("the finger signature: an empty pad is refused, a new signature replaces the old one") {
    AttachFixture f;
    CHECK_FALSE(f.editor->hasSignature());
    CHECK_FALSE(f.controller->saveSignature(QString()));
    CHECK(f.controller->errorCode() == QStringLiteral("signature_empty"));

    const auto url = [](QColor c) {
        return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(pngBytes(c).toBase64());
    };
    REQUIRE(f.controller->saveSignature(url(Qt::black)));
    CHECK(f.editor->hasSignature());
    REQUIRE(f.controller->saveSignature(url(Qt::darkBlue)));
    const auto signatures = f.attachmentsOfKind(QStringLiteral("signature"));
    REQUIRE(signatures.size() == 1);
    REQUIRE(f.controller->view(signatures.front().toMap().value(QStringLiteral("attachmentId")).toString()));
    CHECK(f.controller->viewedImage() == url(Qt::darkBlue));

    // Lock or kiosk reset: nothing decrypted stays.
    f.controller->clear();
    CHECK(f.controller->viewedImage().isEmpty());
    CHECK(f.controller->viewedName().isEmpty());
}
