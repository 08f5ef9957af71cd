#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <fieldkit/app/import_folder.hpp>

namespace fieldkit::app {

QString importMediaType(const QString& fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("png")) {
        return QStringLiteral("image/png");
    }
    if (suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg")) {
        return QStringLiteral("image/jpeg");
    }
    if (suffix == QLatin1String("pdf")) {
        return QStringLiteral("application/pdf");
    }
    return {};
}

bool isPlainFileName(const QString& fileName) {
    return !fileName.isEmpty() && fileName != QLatin1String(".") && fileName != QLatin1String("..") &&
           !fileName.contains(QLatin1Char('/')) && !fileName.contains(QLatin1Char('\\')) &&
           !fileName.contains(QChar(0));
}

ImportFolder::ImportFolder(QString path)
    : m_path(std::move(path)) {}

std::vector<ImportCandidate> ImportFolder::list() const {
    std::vector<ImportCandidate> out;
    const QDir dir(m_path);
    for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::Readable, QDir::Time)) {
        const QString type = importMediaType(info.fileName());
        if (!type.isEmpty()) {
            out.push_back({info.fileName(), type, info.size(), info.lastModified()});
        }
    }
    return out;
}

Result<QByteArray> ImportFolder::read(const QString& fileName, qint64 maxBytes) const {
    if (!isPlainFileName(fileName)) {
        return makeError("import_not_found", "Only files directly in the import folder can be attached.");
    }
    QFile file(QDir(m_path).filePath(fileName));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError("import_not_found", "The file is no longer in the import folder.");
    }
    if (file.size() > maxBytes) {
        return makeError("attachment_too_large", "The file is larger than a case takes.");
    }
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return makeError("import_unreadable", "The file could not be read.");
    }
    return bytes;
}

bool ImportFolder::remove(const QString& fileName) const {
    return isPlainFileName(fileName) && QFile::remove(QDir(m_path).filePath(fileName));
}

} // namespace fieldkit::app
