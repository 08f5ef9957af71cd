#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace fieldkit::app {

/** The command line of `fieldkit`. */
struct AppOptions {
    QString dataDir;
    QString profile;
    QString screenshotFile; // save the first frame as PNG and exit
    QString page;           // which page to show for the screenshot
    bool selfTest = false;  // load every QML file, exit non-zero on any error or warning
    bool demo = false;      // in-memory demo backends even when the data folder holds a store
};

/** The pages `--page` accepts (and the self-test visits). */
inline const QStringList kPages{
    QStringLiteral("unlock"),    QStringLiteral("home"),    QStringLiteral("citizen"),
    QStringLiteral("catalogue"), QStringLiteral("service"), QStringLiteral("case"),
    QStringLiteral("conflicts"), QStringLiteral("contact"), QStringLiteral("kiosk"),
    QStringLiteral("settings"),  QStringLiteral("enquiry")};

/** Parses `arguments` (including the program name); on failure returns nullopt and sets `error`. */
[[nodiscard]] std::optional<AppOptions> parseAppOptions(const QStringList& arguments, QString* error);

} // namespace fieldkit::app
