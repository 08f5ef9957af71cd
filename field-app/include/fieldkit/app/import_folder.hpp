#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <fieldkit/core/result.hpp>
#include <vector>

namespace fieldkit::app {

/** A file in the import folder that can be attached to a case. */
struct ImportCandidate {
    QString name; // shown on screen only: a file name can name the citizen, so it is never logged
    QString mediaType;
    qint64 size = 0;
    QDateTime modified;
};

/** The media type a case accepts for `fileName`, by its extension (PNG, JPEG, PDF); empty when none. The
 *  store checks the content against it. */
[[nodiscard]] QString importMediaType(const QString& fileName);

/** A bare file name (no folder part, not "." or ".."), so an import cannot reach outside its folder. */
[[nodiscard]] bool isPlainFileName(const QString& fileName);

/**
 * The folder a scanner, camera or USB stick drops files into (`<data>/import`), listed as a touch list
 * instead of a desktop file dialog (there is none in kiosk mode). The filesystem seam of attaching a file.
 */
class ImportFolder {
public:
    explicit ImportFolder(QString path);

    [[nodiscard]] const QString& path() const { return m_path; }
    /** Attachable files, newest first; nothing when the folder does not exist. */
    [[nodiscard]] std::vector<ImportCandidate> list() const;
    /** The file's bytes; refuses a path, a missing file and a file over `maxBytes` without reading it. */
    [[nodiscard]] Result<QByteArray> read(const QString& fileName, qint64 maxBytes) const;
    /** Removes the clear copy once the store holds it encrypted. */
    [[nodiscard]] bool remove(const QString& fileName) const;

private:
    QString m_path;
};

} // namespace fieldkit::app
