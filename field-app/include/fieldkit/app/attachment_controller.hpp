#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <fieldkit/app/case_repository.hpp>
#include <fieldkit/app/import_folder.hpp>
#include <optional>

namespace fieldkit::app {

class CaseEditController;

/** What a QML Canvas hands over as a signature: the PNG bytes of a `data:image/png;base64,` URL; nullopt
 *  for anything else (an empty pad gives no data URL at all). */
[[nodiscard]] std::optional<QByteArray> pngFromDataUrl(const QString& dataUrl);

/**
 * Attachments of the open case: importing a file from the import folder (a touch list, no file dialog),
 * saving the finger signature as a PNG, and viewing an image (decrypted on demand, audited, forgotten when
 * closed, on lock and on the kiosk reset).
 */
class AttachmentController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QVariantList importFiles READ importFiles NOTIFY importFilesChanged)
    Q_PROPERTY(QString viewedImage READ viewedImage NOTIFY viewChanged)
    Q_PROPERTY(QString viewedName READ viewedName NOTIFY viewChanged)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)

public:
    AttachmentController(CaseRepository& repository, CaseEditController& editor, ImportFolder folder,
                         QObject* parent = nullptr);

    /** [{name, mediaType, size, modified}], newest first. */
    [[nodiscard]] QVariantList importFiles() const;
    /** The open image as a data URL for an Image with `cache: false`; "" when none is open. */
    [[nodiscard]] QString viewedImage() const { return m_viewedImage; }
    [[nodiscard]] QString viewedName() const { return m_viewedName; }
    /** The code of the last failure ("unsupported_media_type", "signature_empty", ...); "" after success. */
    [[nodiscard]] QString errorCode() const { return m_errorCode; }

    /** Re-reads the import folder (when the import list opens). */
    Q_INVOKABLE void refreshImportFiles();
    /** Encrypts `fileName` from the import folder into the open case, then removes the clear copy. */
    Q_INVOKABLE bool importFile(const QString& fileName);
    /** Saves the signature pad's PNG (a data URL) as the case's signature. */
    Q_INVOKABLE bool saveSignature(const QString& pngDataUrl);
    /** Decrypts an image attachment of the open case to show it (the read is logged). */
    Q_INVOKABLE bool view(const QString& attachmentId);
    Q_INVOKABLE void closeView();
    /** Forgets everything shown (lock, kiosk reset). */
    Q_INVOKABLE void clear();

signals:
    void changed();
    void importFilesChanged();
    void viewChanged();
    /** A file or signature was attached to `caseId`: lists should refresh. */
    void attached(const QString& caseId);

private:
    bool fail(const Error& error);
    bool attach(const NewCaseAttachment& attachment);

    CaseRepository& m_repository;
    CaseEditController& m_editor;
    ImportFolder m_folder;
    std::vector<ImportCandidate> m_importFiles;
    QString m_viewedImage;
    QString m_viewedName;
    QString m_errorCode;
};

} // namespace fieldkit::app
