#pragma once

#include <QObject>
#include <QVariantList>
#include <fieldkit/app/contact_repository.hpp>
#include <fieldkit/app/contact_statistics.hpp>
#include <fieldkit/app/in_memory_backends.hpp>

namespace fieldkit::app {

class ServiceCatalogueModel;

/** Registers a contact without a case and reports today's statistics per channel and service. */
class ContactController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString channel READ channel CONSTANT)
    Q_PROPERTY(int total READ total NOTIFY statisticsChanged)
    Q_PROPERTY(QVariantList perChannel READ perChannel NOTIFY statisticsChanged)
    Q_PROPERTY(QVariantList perService READ perService NOTIFY statisticsChanged)
    Q_PROPERTY(double helpToSelfServiceShare READ helpToSelfServiceShare NOTIFY statisticsChanged)
    Q_PROPERTY(double resolvedAtFirstContactShare READ resolvedAtFirstContactShare NOTIFY statisticsChanged)
    Q_PROPERTY(QString errorCode READ errorCode NOTIFY statisticsChanged)

public:
    /** `channel` is the profile's preset (core code), used for every contact registered here. */
    ContactController(ContactRepository& repository, const ServiceCatalogueModel& services, QString channel,
                      WallClock clock, QObject* parent = nullptr);

    [[nodiscard]] QString channel() const { return m_channel; }
    [[nodiscard]] int total() const { return m_stats.total; }
    /** [{channel, count}] in core channel order, channels without contacts left out. */
    [[nodiscard]] QVariantList perChannel() const;
    /** [{code, name, count}], most contacts first. */
    [[nodiscard]] QVariantList perService() const;
    [[nodiscard]] double helpToSelfServiceShare() const { return m_stats.helpToSelfServiceShare(); }
    [[nodiscard]] double resolvedAtFirstContactShare() const { return m_stats.resolvedAtFirstContactShare(); }
    [[nodiscard]] QString errorCode() const { return m_errorCode; }

    /** `type` is a core contact type code; `referredTo` may be empty; `cprDigits` (optional) becomes the
     *  contact's pseudonymous citizen reference. */
    Q_INVOKABLE bool registerContact(const QString& serviceCode, const QString& type,
                                     bool resolvedAtFirstContact, const QString& referredTo,
                                     const QString& cprDigits = {});
    /** Re-reads today's contacts (also after midnight, when "today" moved). */
    Q_INVOKABLE void refresh();

signals:
    void statisticsChanged();

private:
    ContactRepository& m_repository;
    const ServiceCatalogueModel& m_services;
    QString m_channel;
    WallClock m_clock;
    ContactStatistics m_stats;
    QString m_errorCode;
};

} // namespace fieldkit::app
