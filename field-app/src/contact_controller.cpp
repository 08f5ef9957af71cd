#include <QVariantMap>
#include <algorithm>
#include <fieldkit/app/contact_controller.hpp>
#include <fieldkit/app/service_catalogue_model.hpp>

namespace fieldkit::app {

ContactController::ContactController(ContactRepository& repository, const ServiceCatalogueModel& services,
                                     QString channel, WallClock clock, QObject* parent)
    : QObject(parent)
    , m_repository(repository)
    , m_services(services)
    , m_channel(std::move(channel))
    , m_clock(std::move(clock)) {
    connect(&services, &QAbstractItemModel::dataChanged, this, &ContactController::statisticsChanged);
    refresh();
}

QVariantList ContactController::perChannel() const {
    QVariantList out;
    for (const auto channel : core::kAllChannels) {
        const auto it = m_stats.perChannel.find(channel);
        if (it != m_stats.perChannel.end()) {
            const auto code = core::toString(channel);
            out.append(QVariantMap{{QStringLiteral("channel"),
                                    QString::fromLatin1(code.data(), static_cast<qsizetype>(code.size()))},
                                   {QStringLiteral("count"), it->second}});
        }
    }
    return out;
}

QVariantList ContactController::perService() const {
    std::vector<std::pair<QString, int>> rows(m_stats.perService.begin(), m_stats.perService.end());
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    QVariantList out;
    for (const auto& [code, count] : rows) {
        out.append(QVariantMap{{QStringLiteral("code"), code},
                               {QStringLiteral("name"), m_services.nameOf(code)},
                               {QStringLiteral("count"), count}});
    }
    return out;
}

bool ContactController::registerContact(const QString& serviceCode, const QString& type,
                                        bool resolvedAtFirstContact, const QString& referredTo,
                                        const QString& cprDigits) {
    const auto contactType = core::contactTypeFromString(type.toStdString());
    const auto channel = core::channelFromString(m_channel.toStdString());
    Status status;
    if (m_services.indexOfCode(serviceCode) < 0) {
        status = makeError("unknown_service", "This service is not in the catalogue.");
    } else if (!contactType) {
        status = contactType.error();
    } else if (!channel) {
        status = channel.error();
    } else {
        status = m_repository.addContact({m_clock(), *channel, serviceCode, *contactType,
                                          resolvedAtFirstContact, referredTo.trimmed(), cprDigits});
    }
    if (!status) {
        m_errorCode = QString::fromStdString(status.error().code);
        emit statisticsChanged();
        return false;
    }
    m_errorCode.clear();
    refresh();
    return true;
}

void ContactController::refresh() {
    const QDateTime now = m_clock();
    const QDateTime start(now.date(), QTime(0, 0));
    auto stats = m_repository.statisticsBetween(start, start.addDays(1));
    if (stats) {
        m_stats = std::move(stats).value();
        m_errorCode.clear();
    } else {
        m_stats = {};
        m_errorCode = QString::fromStdString(stats.error().code);
    }
    emit statisticsChanged();
}

} // namespace fieldkit::app
