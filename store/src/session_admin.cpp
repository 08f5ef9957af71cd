// Session administration: contacts for channel statistics, staff key slots and PIN changes.
#include "session_impl.hpp"

namespace fieldkit::store {

Status Session::registerContact(const ContactRecord& contact) {
    if (auto channel = core::channelFromString(contact.channel); !channel) {
        return channel.error();
    }
    if (auto type = core::contactTypeFromString(contact.type); !type) {
        return type.error();
    }
    const core::Service* service = core::serviceCatalogue().find(contact.service);
    if (service == nullptr) {
        return makeError("unknown_service", "There is no service with the code \"" + contact.service + "\".");
    }
    std::optional<std::array<std::uint8_t, 32>> ref;
    if (!contact.citizenCpr.empty()) {
        auto hash = m_impl->cprHash(contact.citizenCpr);
        if (!hash) {
            return hash.error();
        }
        ref = *hash;
    }
    auto stmt =
        m_impl->db.cached("INSERT INTO contacts(at_ms, channel, service, kle, type, resolved_first, "
                          "referred_to, citizen_ref, staff) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, m_impl->now())
        .bind(2, contact.channel)
        .bind(3, contact.service)
        .bind(4, service->kle)
        .bind(5, contact.type)
        .bind(6, contact.resolvedAtFirstContact ? 1 : 0)
        .bind(7, contact.referredTo)
        .bind(9, m_staff);
    if (ref) {
        stmt->bind(8, crypto::ByteView(*ref));
    } else {
        stmt->bindNull(8);
    }
    return stmt->run();
}

Result<ContactStatistics> Session::contactStatistics(std::int64_t fromMs, std::int64_t toMs) {
    auto stmt = m_impl->db.cached(
        "SELECT channel, service, type, resolved_first FROM contacts WHERE at_ms >= ?1 AND at_ms < ?2");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, fromMs).bind(2, toMs);
    ContactStatistics stats;
    while (true) {
        auto row = stmt->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return stats;
        }
        ++stats.perChannel[stmt->text(0)];
        ++stats.perService[stmt->text(1)];
        ++stats.total;
        stats.helpToSelfService += stmt->text(2) == "help-to-self-service" ? 1 : 0;
        stats.resolvedAtFirstContact += stmt->int64(3) != 0 ? 1 : 0;
    }
}

Status Session::addStaff(const std::string& name, const std::string& pin, const crypto::KdfParams& kdf) {
    if (name.empty() || pin.empty()) {
        return makeError("missing_staff", "A staff member needs a name and a PIN.");
    }
    auto wrapped = crypto::wrapKey(m_impl->dek, pin, kdf);
    if (!wrapped) {
        return wrapped.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    // Re-adding a disabled slot is how an administrator re-provisions a staff member.
    auto remove = m_impl->db.cached("DELETE FROM key_slots WHERE staff_name = ?1 AND disabled = 1");
    auto insert =
        m_impl->db.cached("INSERT INTO key_slots(staff_name, wrapped_dek, created_ms) VALUES (?1, ?2, ?3)");
    if (!remove || !insert) {
        return !remove ? remove.error() : insert.error();
    }
    if (auto st = remove->bind(1, name).run(); !st) {
        return st;
    }
    if (auto st =
            insert->bind(1, name).bind(2, crypto::ByteView(wrapped->bytes)).bind(3, m_impl->now()).run();
        !st) {
        return st.error().code == "constraint"
                   ? makeError("staff_exists", "A staff member named " + name + " already has a key slot.")
                   : st;
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "staff_added:" + name, "",
                                       "administration");
        !st) {
        return st;
    }
    return tx->commit();
}

Status Session::removeStaff(const std::string& name) {
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto stmt = m_impl->db.cached("DELETE FROM key_slots WHERE staff_name = ?1");
    if (!stmt) {
        return stmt.error();
    }
    if (auto st = stmt->bind(1, name).run(); !st) {
        return st;
    }
    if (m_impl->db.changes() == 0) {
        return makeError("unknown_staff",
                         "No staff member named " + name + " has a key slot on this device.");
    }
    // Counted inside the transaction, after the delete: the transaction rolls back when none would be left.
    auto remaining = m_impl->db.queryInt("SELECT count(*) FROM key_slots WHERE disabled = 0");
    if (!remaining) {
        return remaining.error();
    }
    if (*remaining < 1) {
        return makeError("last_slot",
                         "This is the last working staff key; removing it would lock everyone out.");
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "staff_removed:" + name, "",
                                       "administration");
        !st) {
        return st;
    }
    return tx->commit();
}

Status Session::changePin(const std::string& oldPin, const std::string& newPin,
                          const crypto::KdfParams& kdf) {
    auto slot = ownKeySlot();
    if (!slot) {
        return slot.error();
    }
    auto rewrapped = crypto::rewrapKey(*slot, oldPin, newPin, kdf);
    if (!rewrapped) {
        return rewrapped.error();
    }
    return replaceOwnKeySlot(*slot, *rewrapped);
}

Result<crypto::WrappedKey> Session::ownKeySlot() {
    auto stmt = m_impl->db.cached("SELECT wrapped_dek FROM key_slots WHERE staff_name = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, m_staff);
    auto slots =
        sqlite::collect<sqlite::Bytes>(*stmt, [](const sqlite::Statement& row) { return row.blob(0); });
    if (!slots) {
        return slots.error();
    }
    if (slots->empty()) {
        return makeError("unknown_staff", "Your key slot is gone.");
    }
    return crypto::WrappedKey{std::move(slots->front())};
}

Status Session::replaceOwnKeySlot(const crypto::WrappedKey& seen, const crypto::WrappedKey& rewrapped) {
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto update =
        m_impl->db.cached("UPDATE key_slots SET wrapped_dek = ?3 WHERE staff_name = ?1 AND wrapped_dek = ?2");
    if (!update) {
        return update.error();
    }
    if (auto st = update->bind(1, m_staff)
                      .bind(2, crypto::ByteView(seen.bytes))
                      .bind(3, crypto::ByteView(rewrapped.bytes))
                      .run();
        !st) {
        return st;
    }
    if (m_impl->db.changes() != 1) {
        return makeError("slot_changed", "Your PIN was changed meanwhile; try again.");
    }
    if (auto st =
            m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "pin_changed", "", "administration");
        !st) {
        return st;
    }
    return tx->commit();
}

} // namespace fieldkit::store
