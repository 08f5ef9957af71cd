#include <fieldkit/app/app_composition.hpp>
#include <fieldkit/app/store_backends.hpp>
#include <fieldkit/store/clock.hpp>
#include <fieldkit/store/session.hpp>
#include <fieldkit/store/sync_queue.hpp>

namespace fieldkit::app {
namespace {

Error locked() {
    return makeError("locked", "The device is locked.");
}

} // namespace

StoreSessionService::StoreSessionService(std::shared_ptr<StoreConnection> connection)
    : m_connection(std::move(connection)) {}

std::vector<StaffMember> StoreSessionService::staff() const {
    std::vector<StaffMember> out;
    if (auto keySlots = m_connection->store().staff(); keySlots) {
        for (const auto& slot : *keySlots) {
            // Staff are identified by their slot's name (staff names are not citizen data).
            const QString name = QString::fromStdString(slot.name);
            out.push_back({name, name});
        }
    }
    return out;
}

UnlockResult StoreSessionService::unlock(const QString& staffId, const QString& pin) {
    return m_connection->unlock(staffId.toStdString(), pin.toStdString());
}

void StoreSessionService::unlockInBackground(const QString& staffId, const QString& pin, UnlockDone done) {
    m_connection->unlockInBackground(staffId.toStdString(), pin.toStdString(), std::move(done));
}

void StoreSessionService::lock() {
    m_connection->lock();
}

void StoreSessionService::changePin(const QString& oldPin, const QString& newPin, PinChanged done) {
    m_connection->changePinInBackground(oldPin.toStdString(), newPin.toStdString(), std::move(done));
}

StoreContactRepository::StoreContactRepository(std::shared_ptr<StoreConnection> connection)
    : m_connection(std::move(connection)) {}

Status StoreContactRepository::addContact(const ContactRecord& contact) {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    store::ContactRecord record;
    record.channel = std::string(core::toString(contact.channel));
    record.service = contact.serviceCode.toStdString();
    record.type = std::string(core::toString(contact.type));
    record.resolvedAtFirstContact = contact.resolvedAtFirstContact;
    record.referredTo = contact.referredTo.toStdString();
    record.citizenCpr = contact.citizenCpr.toStdString();
    return session->registerContact(record);
}

Result<ContactStatistics> StoreContactRepository::statisticsBetween(const QDateTime& from,
                                                                    const QDateTime& to) const {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    auto stats = session->contactStatistics(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
    if (!stats) {
        return stats.error();
    }
    ContactStatistics out;
    out.total = stats->total;
    out.helpToSelfService = stats->helpToSelfService;
    out.resolvedAtFirstContact = stats->resolvedAtFirstContact;
    for (const auto& [code, count] : stats->perChannel) {
        if (const auto channel = core::channelFromString(code); channel) {
            out.perChannel[*channel] += count;
        }
    }
    for (const auto& [code, count] : stats->perService) {
        out.perService[QString::fromStdString(code)] += count;
    }
    return out;
}

StoreOutboxMonitor::StoreOutboxMonitor(std::shared_ptr<StoreConnection> connection)
    : m_connection(std::move(connection)) {}

Result<OutboxHealth> StoreOutboxMonitor::health() {
    auto position = store::SyncQueue(m_connection->store()).position();
    if (!position) {
        return position.error();
    }
    OutboxHealth out;
    out.pendingOps = position->pendingOps;
    if (position->oldestPendingMs > 0) {
        out.oldestPending = QDateTime::fromMSecsSinceEpoch(position->oldestPendingMs);
    }
    out.rejectedOps = position->rejectedOps;
    out.lastRefusalCode = QString::fromStdString(position->lastRefusalCode);
    out.lastRefusal = QString::fromStdString(position->lastRefusal);
    return out;
}

StoreInboundChangeSource::StoreInboundChangeSource(std::shared_ptr<StoreConnection> connection)
    : m_connection(std::move(connection)) {}

std::optional<std::int64_t> StoreInboundChangeSource::externalChangeMark() {
    return m_connection->sessionDataVersion();
}

std::optional<std::int64_t> StoreInboundChangeSource::caseRevision(const QString& caseId) {
    store::Session* session = m_connection->session();
    const auto id = store::CaseId::fromHex(caseId.toStdString());
    if (session == nullptr || !id) {
        return std::nullopt;
    }
    auto history = session->history(*id);
    return history ? std::optional<std::int64_t>(static_cast<std::int64_t>(history->size())) : std::nullopt;
}

Result<int> StoreInboundChangeSource::indexArrivedCases() {
    store::Session* session = m_connection->session();
    if (session == nullptr) {
        return locked();
    }
    return session->indexArrivedCases();
}

Result<AppBackends> makeStoreBackends(const QString& dataDir) {
    auto connection = StoreConnection::open(dataDir.toStdString(), store::systemClock());
    if (!connection) {
        return connection.error();
    }
    AppBackends backends;
    backends.session = std::make_unique<StoreSessionService>(*connection);
    backends.cases = std::make_unique<StoreCaseRepository>(*connection);
    backends.contacts = std::make_unique<StoreContactRepository>(*connection);
    backends.outbox = std::make_unique<StoreOutboxMonitor>(*connection);
    backends.inbound = std::make_unique<StoreInboundChangeSource>(*connection);
    return backends;
}

} // namespace fieldkit::app
