#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(FieldkitPlugin)

/** Runs before any test engine exists: the style must match the app's. */
class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

public slots:
    // The module's qmldir lives in the resources at qrc:/Fieldkit (Qt 6.4 does not search qrc:/ by itself).
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(fieldkit_qml, Setup)

#include "main.moc"
