#pragma once

#include <QQmlApplicationEngine>
#include <fieldkit/common/log.hpp>
#include <string>

namespace fieldkit::app {

/** Sends Qt's own messages (qWarning, QML warnings) through the app's log, as `qt_message` entries with the
 *  Qt category. QML in this app never logs values (no console.log), so a message names code, not people. */
void routeQtMessages(common::Log log);

/** Once the main window has drawn its first frame: logs `ready` (with the profile) and tells the service
 *  manager READY=1, so a kiosk session knows the app is on screen. */
void announceFirstFrame(QQmlApplicationEngine& engine, common::Log log, std::string profile);

} // namespace fieldkit::app
