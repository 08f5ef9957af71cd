#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QTimer>
#include <fieldkit/app/qml_loader.hpp>
#include <fieldkit/app/qr_image_provider.hpp>

namespace fieldkit::app {
namespace {

QQuickWindow* mainWindow(QQmlApplicationEngine& engine) {
    const auto roots = engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.constFirst());
}

void checkEngine(QQmlApplicationEngine& engine, const QVariantMap& services, const QStringList& pages,
                 QStringList& problems);

} // namespace

void addModuleImportPath(QQmlEngine& engine) {
    engine.addImportPath(QStringLiteral("qrc:/"));
    // Where Qt Virtual Keyboard finds the app's keyboard style (QtQuick/VirtualKeyboard/Styles/fieldkit).
    engine.addImportPath(QStringLiteral("qrc:/fieldkit-keyboard"));
}

void addImageProviders(QQmlEngine& engine) {
    if (engine.imageProvider(QStringLiteral("qr")) == nullptr) {
        engine.addImageProvider(QStringLiteral("qr"), new QrImageProvider); // the engine takes ownership
    }
}

bool loadMainWindow(QQmlApplicationEngine& engine, const QVariantMap& services) {
    addModuleImportPath(engine);
    addImageProviders(engine);
    engine.setInitialProperties(services);
    engine.load(QUrl(QStringLiteral("qrc:/Fieldkit/Main.qml")));
    return mainWindow(engine) != nullptr;
}

QStringList selfTest(const QVariantMap& services, const QStringList& pages) {
    QStringList problems;
    {
        QQmlApplicationEngine engine;
        checkEngine(engine, services, pages, problems);
    }
    // The scene graph frees textures with deleteLater: let that happen before the caller exits.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return problems;
}

namespace {

void checkEngine(QQmlApplicationEngine& engine, const QVariantMap& services, const QStringList& pages,
                 QStringList& problems) {
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
        return;
    }
    // Visit every page so that warnings raised only by live bindings are caught too.
    QObject* root = engine.rootObjects().constFirst();
    for (const QString& page : pages) {
        if (!QMetaObject::invokeMethod(root, "showPage", Q_ARG(QVariant, QVariant(page)))) {
            problems << QStringLiteral("Main.qml cannot show page ") + page;
        }
        QCoreApplication::processEvents();
    }
    if (auto* window = mainWindow(engine)) {
        window->close();
        window->deleteLater();
    }
}

} // namespace

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
