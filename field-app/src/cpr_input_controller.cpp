#include <QDate>
#include <fieldkit/app/cpr_input_controller.hpp>
#include <fieldkit/core/cpr.hpp>

namespace fieldkit::app {

CprInputController::CprInputController(QObject* parent)
    : QObject(parent) {
    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(30'000);
    connect(&m_hideTimer, &QTimer::timeout, this, &CprInputController::hide);
}

bool CprInputController::complete() const {
    int digits = 0;
    for (const QChar c : m_text) {
        digits += c.isDigit() ? 1 : 0;
    }
    return digits >= 10;
}

void CprInputController::setText(const QString& text) {
    QString cleaned;
    for (const QChar c : text) {
        if ((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-')) {
            cleaned.append(c);
        }
    }
    if (cleaned == m_text && !text.isEmpty()) {
        return;
    }
    m_text = cleaned;
    m_revealed = false;
    m_hideTimer.stop();
    m_digits.reset();
    m_masked.clear();
    m_formatted.clear();
    m_birthDate.clear();
    m_errorCode.clear();
    m_modulus11Warning = false;
    if (complete()) {
        const auto parsed = core::parseCpr(m_text.toStdString());
        if (parsed) {
            m_digits = QString::fromStdString(parsed->digits());
            m_masked = QString::fromStdString(parsed->masked());
            m_formatted = QString::fromStdString(parsed->formatted());
            const auto d = parsed->birthDate();
            m_birthDate = QDate(d.year, d.month, d.day).toString(Qt::ISODate);
            m_modulus11Warning = !parsed->passesModulus11();
        } else {
            m_errorCode = QString::fromStdString(parsed.error().code);
        }
    }
    emit changed();
}

QString CprInputController::display() const {
    return m_revealed ? m_formatted : m_masked;
}

void CprInputController::reveal(const QString& purpose) {
    if (!valid()) {
        return;
    }
    emit auditRequested(purpose);
    m_revealed = true;
    m_hideTimer.start();
    emit changed();
}

void CprInputController::hide() {
    m_hideTimer.stop();
    if (m_revealed) {
        m_revealed = false;
        emit changed();
    }
}

void CprInputController::clear() {
    setText(QString());
}

} // namespace fieldkit::app
