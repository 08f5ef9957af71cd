#include <QQuickWindow>
#include <fieldkit/app/app_log.hpp>
#include <fieldkit/common/service_notify.hpp>
#include <memory>
#include <optional>

namespace fieldkit::app {
namespace {

std::optional<common::Log>& qtLog() {
    static std::optional<common::Log> log;
    return log;
}

common::LogLevel levelOf(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return common::LogLevel::Debug;
    case QtInfoMsg:
        return common::LogLevel::Info;
    case QtWarningMsg:
        return common::LogLevel::Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return common::LogLevel::Error;
    }
    return common::LogLevel::Warning;
}

void handleQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (auto& log = qtLog()) {
        log->write({levelOf(type),
                    "qt_message",
                    message.toStdString(),
                    {{"category", context.category == nullptr ? "default" : context.category}}});
    }
}

} // namespace

void routeQtMessages(common::Log log) {
    qtLog() = std::move(log);
    qInstallMessageHandler(handleQtMessage);
}

void announceFirstFrame(QQmlApplicationEngine& engine, common::Log log, std::string profile) {
    const auto roots = engine.rootObjects();
    auto* window = roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
    if (window == nullptr) {
        return;
    }
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection =
        QObject::connect(window, &QQuickWindow::frameSwapped, window,
                         [connection, log = std::move(log), profile = std::move(profile)] {
                             QObject::disconnect(*connection);
                             log.notice("ready", "the main window is on screen", {{"profile", profile}});
                             if (auto st = common::notifyServiceManager("READY=1"); !st) {
                                 log.warning("notify_failed", st.error().message);
                             }
                         });
}

} // namespace fieldkit::app
