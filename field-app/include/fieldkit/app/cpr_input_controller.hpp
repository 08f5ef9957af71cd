#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace fieldkit::app {

/**
 * Staff type a CPR number; this validates it (DOMAIN.md rules), shows it masked (`DDMMYY-XXXX`) and reveals
 * the full number only on request, which is audited: reveal() emits auditRequested before anything is shown,
 * and the reveal ends by itself after a while.
 */
class CprInputController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)
    Q_PROPERTY(bool complete READ complete NOTIFY changed)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY changed)
    Q_PROPERTY(bool modulus11Warning READ modulus11Warning NOTIFY changed)
    Q_PROPERTY(QString display READ display NOTIFY changed)
    Q_PROPERTY(bool revealed READ revealed NOTIFY changed)
    Q_PROPERTY(QString birthDate READ birthDate NOTIFY changed)
    Q_PROPERTY(QString digits READ digits NOTIFY changed)

public:
    explicit CprInputController(QObject* parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    /** Keeps digits and one dash only; validates on every change. */
    void setText(const QString& text);
    [[nodiscard]] bool valid() const { return m_digits.has_value(); }
    /** Ten digits typed (valid or not): only then is an error worth showing. */
    [[nodiscard]] bool complete() const;
    /** A core error code (`cpr_invalid_day`, ...) when complete and invalid, else empty. */
    [[nodiscard]] QString errorCode() const { return m_errorCode; }
    /** Valid but fails modulus 11: a soft note, never a rejection (numbers since 2007 may fail it). */
    [[nodiscard]] bool modulus11Warning() const { return m_modulus11Warning; }
    /** Masked `DDMMYY-XXXX`, or `DDMMYY-SSSS` while revealed; empty while not valid. */
    [[nodiscard]] QString display() const;
    [[nodiscard]] bool revealed() const { return m_revealed; }
    /** ISO date of birth when valid. */
    [[nodiscard]] QString birthDate() const { return m_birthDate; }
    /** The ten digits when valid, to hand to a controller; never for display. */
    [[nodiscard]] QString digits() const { return m_digits.value_or(QString()); }

    /** How long a reveal lasts before the number is masked again. */
    void setRevealDuration(int milliseconds) { m_hideTimer.setInterval(milliseconds); }

    /** Shows the full number for a while; emits auditRequested(purpose) first. No effect when not valid. */
    Q_INVOKABLE void reveal(const QString& purpose);
    Q_INVOKABLE void hide();
    Q_INVOKABLE void clear();

signals:
    void changed();
    /** A staff member is about to see a full CPR number: log who, when and why. */
    void auditRequested(const QString& purpose);

private:
    QString m_text;
    std::optional<QString> m_digits;
    QString m_masked;
    QString m_formatted;
    QString m_birthDate;
    QString m_errorCode;
    bool m_modulus11Warning = false;
    bool m_revealed = false;
    QTimer m_hideTimer;
};

} // namespace fieldkit::app
