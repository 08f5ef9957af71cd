#include <QDirIterator>
#include <QFile>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QTimer>
#include <fieldkit/app/qml_loader.hpp>

namespace fieldkit::app {
namespace {

QQuickWindow* mainWindow(QQmlApplicationEngine& engine) {
    const auto roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.constFirst());
}

} // namespace

void addModuleImportPath(QQmlEngine& engine) {
    engine.addImportPath(QStringLiteral("qrc:/"));
}

bool loadMainWindow(QQmlApplicationEngine& engine, const QVariantMap& services) {
    addModuleImportPath(engine);
    engine.setInitialProperties(services);
    engine.load(QUrl(QStringLiteral("qrc:/Fieldkit/Main.qml")));
    return mainWindow(engine) != nullptr;
}

QStringList selfTest(const QVariantMap& services) {
    QStringList problems;
    QQmlApplicationEngine engine;
    addModuleImportPath(engine);
    QObject::connect(&engine, &QQmlEngine::warnings, [&problems](const QList<QQmlError>& warnings) {
        for (const auto& w : warnings) {
            problems << w.toString();
        }
    });
    QDirIterator it(QString::fromLatin1(kQmlRoot), {QStringLiteral("*.qml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile source(path);
        if (source.open(QIODevice::ReadOnly) && source.readLine().startsWith("pragma Singleton")) {
            continue; // singletons cannot be created by QQmlComponent; they compile when first used
        }
        QQmlComponent component(&engine, QUrl(QStringLiteral("qrc") + path));
        ++files;
        for (const auto& e : component.errors()) {
            problems << e.toString();
        }
    }
    if (files == 0) {
        problems << QStringLiteral("no QML files found under ") + QString::fromLatin1(kQmlRoot);
    }
    if (!loadMainWindow(engine, services)) {
        problems << QStringLiteral("Main.qml did not create a window");
    }
    return problems;
}

void screenshotFirstFrame(QQmlApplicationEngine& engine, const QString& file,
                          const std::function<void(bool)>& done) {
    QQuickWindow* window = mainWindow(engine);
    if (window == nullptr) {
        done(false);
        return;
    }
    // Wait for a real frame, then one more event-loop turn so bindings settled by that frame are drawn too.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, file, done, connection] {
            QObject::disconnect(*connection);
            QTimer::singleShot(200, window,
                               [window, file, done] { done(window->grabWindow().save(file, "PNG")); });
        });
    window->requestUpdate();
}

} // namespace fieldkit::app
