#include <fieldkit/app/attachment_controller.hpp>
#include <fieldkit/app/case_edit_controller.hpp>
#include <fieldkit/store/store_types.hpp>

namespace fieldkit::app {
namespace {

constexpr QLatin1String kPngDataUrl("data:image/png;base64,");
const QByteArray kPngMagic("\x89PNG\r\n\x1a\n", 8);

} // namespace

std::optional<QByteArray> pngFromDataUrl(const QString& dataUrl) {
    if (!dataUrl.startsWith(kPngDataUrl)) {
        return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(dataUrl.mid(kPngDataUrl.size()).toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(kPngMagic)) {
        return std::nullopt;
    }
    return decoded.decoded;
}

AttachmentController::AttachmentController(CaseRepository& repository, CaseEditController& editor,
                                           ImportFolder folder, QObject* parent)
    : QObject(parent)
    , m_repository(repository)
    , m_editor(editor)
    , m_folder(std::move(folder)) {}

QVariantList AttachmentController::importFiles() const {
    QVariantList out;
    for (const auto& f : m_importFiles) {
        out.append(QVariantMap{
            {QStringLiteral("name"), f.name},
            {QStringLiteral("mediaType"), f.mediaType},
            {QStringLiteral("size"), f.size},
            {QStringLiteral("modified"), f.modified.toString(QStringLiteral("yyyy-MM-dd HH:mm"))}});
    }
    return out;
}

void AttachmentController::refreshImportFiles() {
    m_importFiles = m_folder.list();
    emit importFilesChanged();
}

bool AttachmentController::fail(const Error& error) {
    m_errorCode = QString::fromStdString(error.code);
    emit changed();
    return false;
}

bool AttachmentController::attach(const NewCaseAttachment& attachment) {
    if (!m_editor.loaded()) {
        return fail(makeError("case_not_found", "Open a case first."));
    }
    const QString caseId = m_editor.caseId();
    auto stored = m_repository.attachFile(caseId, attachment);
    if (!stored) {
        return fail(stored.error());
    }
    m_errorCode.clear();
    emit changed();
    (void)m_editor.load(caseId); // shows the new attachment
    emit attached(caseId);
    return true;
}

bool AttachmentController::importFile(const QString& fileName) {
    const QString type = importMediaType(fileName);
    if (type.isEmpty()) {
        return fail(makeError("unsupported_media_type", "Only PNG, JPEG and PDF files can be attached."));
    }
    auto bytes = m_folder.read(fileName, static_cast<qint64>(store::kMaxAttachmentBytes));
    if (!bytes) {
        return fail(bytes.error());
    }
    NewCaseAttachment attachment{fileName, type, QStringLiteral("file"), *bytes};
    bytes->fill(0);
    const bool ok = attach(attachment);
    attachment.bytes.fill(0);
    if (ok && !m_folder.remove(fileName)) {
        // Attached and encrypted; the clear copy stays until someone deletes it: say so.
        m_errorCode = QStringLiteral("import_not_removed");
        emit changed();
    }
    refreshImportFiles();
    return ok;
}

bool AttachmentController::saveSignature(const QString& pngDataUrl) {
    auto png = pngFromDataUrl(pngDataUrl);
    if (!png) {
        return fail(makeError("signature_empty", "Ask the citizen to sign on the pad first."));
    }
    return attach(
        {QStringLiteral("signature.png"), QStringLiteral("image/png"), QStringLiteral("signature"), *png});
}

bool AttachmentController::view(const QString& attachmentId) {
    if (!m_editor.loaded()) {
        return fail(makeError("case_not_found", "Open a case first."));
    }
    QString name;
    QString type;
    for (const auto& a : m_editor.attachments()) {
        const auto map = a.toMap();
        if (map.value(QStringLiteral("attachmentId")).toString() == attachmentId) {
            name = map.value(QStringLiteral("name")).toString();
            type = map.value(QStringLiteral("mediaType")).toString();
        }
    }
    if (!type.startsWith(QLatin1String("image/"))) {
        return fail(makeError("not_an_image", "Only images can be shown on the device."));
    }
    auto bytes =
        m_repository.readAttachment(m_editor.caseId(), attachmentId, QStringLiteral("attachment-view"));
    if (!bytes) {
        return fail(bytes.error());
    }
    m_viewedImage = QStringLiteral("data:%1;base64,").arg(type) + QString::fromLatin1(bytes->toBase64());
    m_viewedName = name;
    bytes->fill(0);
    m_errorCode.clear();
    emit changed();
    emit viewChanged();
    return true;
}

void AttachmentController::closeView() {
    m_viewedImage.fill(QChar(0)); // best effort: the decoded copy lives in Qt's image until the Image goes
    m_viewedImage.clear();
    m_viewedName.clear();
    emit viewChanged();
}

void AttachmentController::clear() {
    closeView();
    m_importFiles.clear();
    m_errorCode.clear();
    emit importFilesChanged();
    emit changed();
}

} // namespace fieldkit::app
