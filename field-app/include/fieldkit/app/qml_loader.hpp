#pragma once

#include <QQmlApplicationEngine>
#include <QStringList>
#include <QVariantMap>
#include <functional>

namespace fieldkit::app {

/** Where the QML module's files are in the resources (Qt 6.4: qrc:/<URI path>/). */
inline constexpr const char* kQmlRoot = ":/Fieldkit";

/** Lets files in the module's subfolders `import Fieldkit` (Qt 6.4 has no default qrc:/qt/qml path). */
void addModuleImportPath(QQmlEngine& engine);

/** Registers the app's image providers (`image://qr/...`) unless already there. */
void addImageProviders(QQmlEngine& engine);

/** Loads Main.qml with the C++ services as its required properties; returns false (and logs) on failure. */
[[nodiscard]] bool loadMainWindow(QQmlApplicationEngine& engine, const QVariantMap& services);

/** Compiles every QML file of the module, instantiates the main window with `services` and shows each of
 *  `pages` (Main.qml's showPage); returns each error or warning seen (empty means the self-test passed). */
[[nodiscard]] QStringList selfTest(const QVariantMap& services, const QStringList& pages = {});

/** Grabs the first rendered frame of the engine's window into `file`, then calls `done(ok)`. */
void screenshotFirstFrame(QQmlApplicationEngine& engine, const QString& file,
                          const std::function<void(bool)>& done);

} // namespace fieldkit::app
