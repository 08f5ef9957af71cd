#include <QAccessible>
#include <QColor>
#include <QMetaProperty>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <fieldkit/app/app_composition.hpp>
#include <fieldkit/app/language_controller.hpp>
#include <fieldkit/app/profile_settings.hpp>
#include <fieldkit/app/qml_loader.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/hw/fake_sensors.hpp>
#include <fieldkit/hw/profile_files.hpp>
#include <fieldkit/store/device_store.hpp>
#include <filesystem>
#include <memory>

Q_IMPORT_QML_PLUGIN(FieldkitPlugin)

/** The real controllers over in-memory demo backends, with clocks the tests move (FieldkitTest.Harness). */
class Harness : public QObject {
    Q_OBJECT

public:
    /** A fresh app for `profile` (shipped profile name) in `language`; returns Main.qml's properties. */
    Q_INVOKABLE QVariantMap start(const QString& profile, const QString& language = QStringLiteral("en")) {
        m_app.reset();
        auto loaded =
            fieldkit::hw::loadNamedProfile(profile.toStdString(), fieldkit::hw::shippedProfilesDir());
        if (!loaded) {
            qWarning("unknown profile");
            return {};
        }
        fieldkit::hw::ProfileSelection selection{profile.toStdString(),
                                                 fieldkit::hw::SelectionSource::CommandLine, "test"};
        auto wall = [this] { return m_wall; };
        m_app = std::make_unique<fieldkit::app::AppComposition>(
            fieldkit::app::makeInMemoryBackends(wall, true), std::move(loaded).value(), selection,
            QStringLiteral("/nonexistent"), m_clock, wall);
        m_app->language().attachEngine(m_engine);
        m_app->language().setLanguage(language);
        return m_app->qmlProperties();
    }

    /** A fresh app for `profile` on a real encrypted store in a new temporary folder (standalone, staff
     *  "Anna Jensen" with PIN 1234): what a test checks is then what the store kept. */
    Q_INVOKABLE QVariantMap startOnStore(const QString& profile,
                                         const QString& language = QStringLiteral("da")) {
        m_app.reset();
        m_storeDir = std::make_unique<QTemporaryDir>();
        const std::filesystem::path dir = m_storeDir->path().toStdString();
        auto created = fieldkit::store::DeviceStore::create(
            fieldkit::store::DeviceStore::fileIn(dir),
            {"Anna Jensen", "1234", fieldkit::crypto::KdfParams::withCosts(1, 8192), "bike-07", true});
        if (!created) {
            qWarning("the store was not created: %s", created.error().message.c_str());
            return {};
        }
        created->reset(); // closed: the app opens it as it would on a device
        m_storeProfile = profile;
        m_storeLanguage = language;
        return restart();
    }

    /** The app started again on the same store (after startOnStore), as after closing it. */
    Q_INVOKABLE QVariantMap restart() {
        m_app.reset();
        if (!m_storeDir) {
            return {};
        }
        auto loaded =
            fieldkit::hw::loadNamedProfile(m_storeProfile.toStdString(), fieldkit::hw::shippedProfilesDir());
        auto backends = fieldkit::app::makeStoreBackends(m_storeDir->path());
        if (!loaded || !backends) {
            qWarning("the app did not start on the store");
            return {};
        }
        fieldkit::hw::ProfileSelection selection{m_storeProfile.toStdString(),
                                                 fieldkit::hw::SelectionSource::CommandLine, "test"};
        m_app = std::make_unique<fieldkit::app::AppComposition>(
            std::move(backends).value(), std::move(loaded).value(), selection, m_storeDir->path(), m_clock,
            [this] { return m_wall; });
        m_app->language().attachEngine(m_engine);
        m_app->language().setLanguage(m_storeLanguage);
        return m_app->qmlProperties();
    }

    /** Unlocks and loads what `page` shows, as the app's screenshots do (a case, a CPR). */
    Q_INVOKABLE bool preparePage(const QString& page) {
        return m_app && m_app->prepareDemoPage(page, QStringLiteral("1234"));
    }

    /** Turns accessibility on, as a screen reader would: controls then publish their default roles. */
    Q_INVOKABLE void activateAccessibility() { QAccessible::setActive(true); }

    /** The names of `object`'s colour properties (a theme's), which JavaScript cannot enumerate. */
    Q_INVOKABLE QStringList colourProperties(QObject* object) const {
        QStringList names;
        const QMetaObject* meta = object != nullptr ? object->metaObject() : nullptr;
        for (int i = meta != nullptr ? meta->propertyOffset() : 0;
             meta != nullptr && i < meta->propertyCount(); ++i) {
            if (meta->property(i).metaType() == QMetaType::fromType<QColor>()) {
                names << QString::fromLatin1(meta->property(i).name());
            }
        }
        return names;
    }

    /** The engine of the running test file: a language switch retranslates it. */
    void setEngine(QQmlEngine* engine) { m_engine = engine; }

    /** Moves both clocks forward. */
    Q_INVOKABLE void advance(int seconds) {
        m_clock.advance(std::chrono::seconds{seconds});
        m_wall = m_wall.addSecs(seconds);
    }

    /** How many looks at personal data were logged. */
    Q_INVOKABLE int auditCount() const {
        const auto* repo =
            m_app ? dynamic_cast<const fieldkit::app::InMemoryCaseRepository*>(&m_app->caseRepository())
                  : nullptr;
        return repo != nullptr ? static_cast<int>(repo->auditLog().size()) : -1;
    }

private:
    fieldkit::hw::FakeClock m_clock;
    QDateTime m_wall = QDateTime(QDate(2024, 5, 14), QTime(10, 0));
    std::unique_ptr<QTemporaryDir> m_storeDir; // after startOnStore; outlives the app on it
    std::unique_ptr<fieldkit::app::AppComposition> m_app;
    QString m_storeProfile;
    QString m_storeLanguage;
    QQmlEngine* m_engine = nullptr;
};

/** Runs before any test engine exists: the style must match the app's. */
class Setup : public QObject {
    Q_OBJECT
public:
    Setup() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

public slots:
    // The module's qmldir lives in the resources at qrc:/Fieldkit (Qt 6.4 does not search qrc:/ by itself).
    void qmlEngineAvailable(QQmlEngine* engine) {
        fieldkit::app::addModuleImportPath(*engine);
        fieldkit::app::addImageProviders(*engine);
        if (!m_harness) {
            m_harness = std::make_unique<Harness>();
            qmlRegisterSingletonInstance("FieldkitTest", 1, 0, "Harness", m_harness.get());
        }
        m_harness->setEngine(engine);
    }
    void cleanupTestCase() { m_harness.reset(); }

private:
    std::unique_ptr<Harness> m_harness;
};

QUICK_TEST_MAIN_WITH_SETUP(fieldkit_qml, Setup)

#include "main.moc"
