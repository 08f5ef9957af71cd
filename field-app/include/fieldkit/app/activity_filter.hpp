#pragma once

#include <QObject>

namespace fieldkit::app {

class SessionController;

/** Watches the application's input events and tells the session that someone is still there. */
class ActivityFilter : public QObject {
    Q_OBJECT

public:
    explicit ActivityFilter(SessionController& session, QObject* parent = nullptr);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    SessionController& m_session;
};

} // namespace fieldkit::app
