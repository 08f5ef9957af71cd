#include <QEvent>
#include <fieldkit/app/activity_filter.hpp>
#include <fieldkit/app/session_controller.hpp>

namespace fieldkit::app {

ActivityFilter::ActivityFilter(SessionController& session, QObject* parent)
    : QObject(parent)
    , m_session(session) {}

bool ActivityFilter::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        m_session.noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fieldkit::app
