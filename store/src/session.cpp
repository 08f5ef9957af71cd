#include "session_impl.hpp"

namespace fieldkit::store {

Session::Session(DeviceStore& store, std::string staff, crypto::DataKey dek,
                 std::optional<crypto::BoxKeyPair> unitKey, crypto::BoxPublicKey centerKey,
                 crypto::BoxPublicKey unitPublicKey)
    : m_impl(std::make_unique<Impl>(store, std::move(dek), std::move(unitKey), centerKey, unitPublicKey))
    , m_staff(std::move(staff)) {}

// Destroying the Impl wipes the data key, the unit secret and the derived subkeys (SecretBytes): that is
// "lock".
Session::~Session() = default;

Result<CreatedCase> Session::insertCase(const NewCase& input) {
    const core::Service* service = core::serviceCatalogue().find(input.service);
    if (service == nullptr) {
        return makeError("unknown_service", "There is no service with the code \"" + input.service + "\".");
    }
    if (auto channel = core::channelFromString(input.channel); !channel) {
        return channel.error();
    }
    if (!m_impl->enrolled()) {
        return makeError("not_enrolled",
                         "This device is not enrolled with a center yet, so it cannot seal cases.");
    }
    std::vector<crypto::FieldValue> values;
    bool mod11Warning = false;
    std::optional<std::array<std::uint8_t, 32>> cprHash;
    if (!input.citizen.cpr.empty()) {
        auto cpr = core::parseCpr(input.citizen.cpr);
        if (!cpr) {
            return cpr.error();
        }
        mod11Warning = !cpr->passesModulus11();
        values.push_back({core::fields::kCpr.value, cpr->digits()});
        cprHash = m_impl->blind.compute(crypto::asBytes(cpr->digits()));
    }
    for (const auto& [field, value] : {std::pair{core::fields::kName, &input.citizen.name},
                                       std::pair{core::fields::kAddress, &input.citizen.address},
                                       std::pair{core::fields::kPhone, &input.citizen.phone}}) {
        if (!value->empty()) {
            values.push_back({field.value, *value});
        }
    }
    for (const auto& [item, answer] : input.checklist) {
        auto field = core::checklistAnswerField(item);
        if (!field) {
            return makeError("bad_checklist_item",
                             "Checklist item " + std::to_string(item) + " is out of range.");
        }
        values.push_back({field->value, answer});
    }
    for (const auto& note : input.notes) {
        values.push_back({core::fields::kNote.value, note});
    }

    std::array<std::uint8_t, 16> raw{};
    crypto::systemRandom().fill(raw);
    const CaseId id = *CaseId::fromBytes(raw);
    const auto key = crypto::RecordKey::generate();
    const std::string unit = m_impl->store.unit();
    const std::int64_t now = m_impl->now();

    auto& db = m_impl->db;
    auto insert =
        db.cached("INSERT INTO cases(case_id, service, kle, status, unit, channel, created_ms, updated_ms, "
                  "wrapped_record_key, sealed_key_center, sealed_key_unit) "
                  "VALUES (?1, ?2, ?3, 'opened', ?4, ?5, ?6, ?6, ?7, ?8, ?9)");
    if (!insert) {
        return insert.error();
    }
    if (auto st = insert->bind(1, idView(id))
                      .bind(2, input.service)
                      .bind(3, service->kle)
                      .bind(4, unit)
                      .bind(5, input.channel)
                      .bind(6, now)
                      .bind(7, crypto::ByteView(crypto::wrapRecordKey(m_impl->dek, key, idView(id))))
                      .bind(8, crypto::ByteView(crypto::sealRecordKey(key, m_impl->centerKey, idView(id))))
                      .bind(9, crypto::ByteView(crypto::sealRecordKey(key, m_impl->unitPublic, idView(id))))
                      .run();
        !st) {
        return st.error();
    }
    const std::string meta =
        "service=" + input.service + ";status=opened;channel=" + input.channel + ";unit=" + unit;
    if (auto st = m_impl->writeOperation(id, "set", values, meta, key, m_staff); !st) {
        return st.error();
    }
    if (cprHash) {
        auto index = db.cached("INSERT INTO blind_index(hash, case_id) VALUES (?1, ?2)");
        if (!index) {
            return index.error();
        }
        if (auto st = index->bind(1, crypto::ByteView(*cprHash)).bind(2, idView(id)).run(); !st) {
            return st.error();
        }
    }
    if (auto st = m_impl->audit.append(db, now, m_staff, "create", id.toHex(), "new case"); !st) {
        return st.error();
    }
    return CreatedCase{id, mod11Warning};
}

Result<CreatedCase> Session::createCase(const NewCase& input) {
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto created = insertCase(input);
    if (!created) {
        return created;
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return created;
}

Result<std::vector<CreatedCase>> Session::createCases(const std::vector<NewCase>& inputs) {
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    std::vector<CreatedCase> created;
    created.reserve(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        auto one = insertCase(inputs[i]);
        if (!one) {
            return makeError(one.error().code, "Case " + std::to_string(i + 1) + " of the batch: " +
                                                   one.error().message + " Nothing of the batch was saved.");
        }
        created.push_back(*one);
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return created;
}

Status Session::setFields(const CaseId& id, const std::vector<crypto::FieldValue>& values) {
    if (values.empty()) {
        return makeError("nothing_to_save", "There is nothing to save.");
    }
    for (const auto& v : values) {
        if (v.field_id == core::fields::kCpr.value) {
            if (auto cpr = core::parseCpr(v.value); !cpr) {
                return cpr.error();
            }
        }
    }
    auto key = m_impl->recordKey(id);
    if (!key) {
        return key.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    std::vector<crypto::FieldValue> normalised = values;
    for (auto& v : normalised) {
        if (v.field_id == core::fields::kCpr.value) {
            v.value = core::parseCpr(v.value)->digits();
            auto hash = m_impl->cprHash(v.value);
            auto index =
                m_impl->db.cached("INSERT OR IGNORE INTO blind_index(hash, case_id) VALUES (?1, ?2)");
            if (!index) {
                return index.error();
            }
            if (auto st = index->bind(1, crypto::ByteView(*hash)).bind(2, idView(id)).run(); !st) {
                return st;
            }
        }
    }
    if (auto st = m_impl->writeOperation(id, "set", normalised, "", *key, m_staff); !st) {
        return st;
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "edit", id.toHex(), "case work");
        !st) {
        return st;
    }
    return tx->commit();
}

Status Session::resolveField(const CaseId& id, std::uint32_t fieldId, const std::string& value,
                             const std::vector<VersionRef>& closes) {
    if (isAddOnly(fieldId)) {
        return makeError("not_conflicting", "Add-only fields never conflict; there is nothing to resolve.");
    }
    if (closes.empty()) {
        return makeError("nothing_to_resolve", "Name the versions the resolution replaces.");
    }
    auto key = m_impl->recordKey(id);
    if (!key) {
        return key.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    std::vector<detail::FieldRef> refs;
    std::vector<std::int64_t> closedOps;
    auto find = m_impl->db.cached(
        "SELECT h.op_id, o.server_seq, o.device_id = ?4 FROM field_heads h JOIN operations o "
        "ON o.op_id = h.op_id WHERE h.case_id = ?1 AND h.field_id = ?2 AND "
        "o.device_id = ?3 AND o.device_seq = ?5");
    if (!find) {
        return find.error();
    }
    for (const auto& version : closes) {
        find->bind(1, idView(id))
            .bind(2, static_cast<std::int64_t>(fieldId))
            .bind(3, version.deviceId)
            .bind(4, m_impl->store.deviceId())
            .bind(5, static_cast<std::int64_t>(version.deviceSeq));
        auto row = find->step();
        if (!row) {
            return row.error();
        }
        if (!*row) {
            return makeError("stale_version",
                             "One of the versions is no longer open; look at the field again.");
        }
        closedOps.push_back(find->int64(0));
        if (!find->isNull(1)) {
            refs.push_back({fieldId, static_cast<std::uint64_t>(find->int64(1)), 0});
        } else if (find->int64(2) != 0) {
            refs.push_back({fieldId, 0, version.deviceSeq});
        } else {
            return makeError("stale_version", "A version from another device has no center sequence yet.");
        }
        find->reset();
    }
    if (auto st =
            m_impl->writeOperation(id, "resolve", {{fieldId, value}}, "", *key, m_staff, refs, closedOps);
        !st) {
        return st;
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "resolve", id.toHex(), "conflict");
        !st) {
        return st;
    }
    return tx->commit();
}

Status Session::appendNote(const CaseId& id, const std::string& text) {
    if (text.empty()) {
        return makeError("empty_note", "The note is empty.");
    }
    auto key = m_impl->recordKey(id);
    if (!key) {
        return key.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    if (auto st =
            m_impl->writeOperation(id, "append", {{core::fields::kNote.value, text}}, "", *key, m_staff);
        !st) {
        return st;
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "note", id.toHex(), "case work");
        !st) {
        return st;
    }
    return tx->commit();
}

Status Session::changeStatus(const CaseId& id, core::CaseStatus to, const std::string& note) {
    auto current = m_impl->summary(id);
    if (!current) {
        return current.error();
    }
    if (auto st = core::checkTransition(current->status, to); !st) {
        return st;
    }
    auto key = m_impl->recordKey(id);
    if (!key) {
        return key.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    const std::string code(core::toString(to));
    auto update = m_impl->db.cached("UPDATE cases SET status = ?2 WHERE case_id = ?1");
    if (!update) {
        return update.error();
    }
    if (auto st = update->bind(1, idView(id)).bind(2, code).run(); !st) {
        return st;
    }
    std::vector<crypto::FieldValue> values;
    if (!note.empty()) {
        values.push_back({core::fields::kStatusNote.value, note});
    }
    if (auto st = m_impl->writeOperation(id, "set", values, "status=" + code, *key, m_staff); !st) {
        return st;
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "status:" + code, id.toHex(),
                                       "case work");
        !st) {
        return st;
    }
    return tx->commit();
}

namespace {

std::string whereClause(const CaseFilter& filter) {
    std::string where = " WHERE 1";
    if (filter.status) {
        where += " AND c.status = ?1";
    }
    if (!filter.service.empty()) {
        where += " AND c.service = ?2";
    }
    if (!filter.unit.empty()) {
        where += " AND c.unit = ?3";
    }
    if (filter.openOnly) {
        where += " AND c.status NOT IN ('closed', 'withdrawn')";
    }
    return where;
}

void bindFilter(sqlite::Statement& stmt, const CaseFilter& filter) {
    if (filter.status) {
        stmt.bind(1, core::toString(*filter.status));
    }
    if (!filter.service.empty()) {
        stmt.bind(2, filter.service);
    }
    if (!filter.unit.empty()) {
        stmt.bind(3, filter.unit);
    }
}

} // namespace

Result<std::vector<CaseSummary>> Session::listCases(const CaseFilter& filter) {
    auto stmt = m_impl->db.cached(std::string("SELECT ") + kSummaryColumns + " FROM cases c" +
                                  whereClause(filter) + " ORDER BY c.updated_ms DESC LIMIT ?4 OFFSET ?5");
    if (!stmt) {
        return stmt.error();
    }
    bindFilter(*stmt, filter);
    stmt->bind(4, static_cast<std::int64_t>(filter.limit)).bind(5, static_cast<std::int64_t>(filter.offset));
    return collect<CaseSummary>(*stmt, [](const sqlite::Statement& s) { return readSummary(s); });
}

Result<std::int64_t> Session::countCases(const CaseFilter& filter) {
    auto stmt = m_impl->db.cached("SELECT count(*) FROM cases c" + whereClause(filter));
    if (!stmt) {
        return stmt.error();
    }
    bindFilter(*stmt, filter);
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return stmt->int64(0);
}

Result<CaseDetails> Session::openCase(const CaseId& id, const std::string& purpose) {
    if (purpose.empty()) {
        return makeError("missing_purpose",
                         "Say why the case is opened; every look-up is logged with its purpose.");
    }
    auto details = m_impl->details(id);
    if (!details) {
        return details.error();
    }
    // Logged only once the data was actually shown.
    if (auto st = m_impl->auditRead(m_staff, "view", id.toHex(), purpose); !st) {
        return st.error();
    }
    return details;
}

Result<std::vector<CaseSummary>> Session::findByCpr(const std::string& cpr, const std::string& purpose) {
    if (purpose.empty()) {
        return makeError("missing_purpose", "Say why you search; every look-up is logged with its purpose.");
    }
    auto hash = m_impl->cprHash(cpr);
    if (!hash) {
        return hash.error();
    }
    static const std::string sql =
        std::string("SELECT ") + kSummaryColumns +
        " FROM blind_index b JOIN cases c ON c.case_id = b.case_id WHERE b.hash = ?1 "
        "ORDER BY c.updated_ms DESC";
    // The look-up and its audit entry in one transaction: one lock round instead of two, and no result
    // without its entry.
    const RelaxedSync relaxed(m_impl->db);
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto stmt = m_impl->db.cached(sql);
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, crypto::ByteView(*hash));
    auto found = collect<CaseSummary>(*stmt, [](const sqlite::Statement& s) { return readSummary(s); });
    stmt->reset();
    if (!found) {
        return found;
    }
    const std::string cases = found->empty() ? std::string() : found->front().id.toHex();
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "find_cpr", cases, purpose); !st) {
        return st.error();
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return found;
}

Result<std::vector<HistoryEntry>> Session::history(const CaseId& id) {
    auto stmt =
        m_impl->db.cached("SELECT kind, staff, hlc, field_refs, meta, server_seq IS NOT NULL FROM operations "
                          "WHERE case_id = ?1 ORDER BY op_id");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, idView(id));
    return collect<HistoryEntry>(*stmt, [](const sqlite::Statement& s) {
        HistoryEntry e;
        e.kind = s.text(0);
        e.staff = s.text(1);
        e.atMs =
            static_cast<std::int64_t>(core::Hlc::decode(static_cast<std::uint64_t>(s.int64(2))).physicalMs());
        if (auto refs = detail::decodeFieldRefs(s.blob(3)); refs) {
            for (const auto& r : *refs) {
                e.fields.push_back(r.fieldId);
            }
        }
        const auto meta = core::parseCaseMeta(s.text(4));
        if (const auto it = meta.find("status"); it != meta.end()) {
            e.statusChange = it->second;
        }
        e.synced = s.int64(5) != 0;
        return e;
    });
}

Result<int> Session::indexArrivedCases() {
    auto stmt = m_impl->db.cached("SELECT case_id FROM cases WHERE wrapped_record_key IS NULL");
    if (!stmt) {
        return stmt.error();
    }
    auto ids =
        collect<CaseId>(*stmt, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    if (!ids) {
        return ids.error();
    }
    int indexed = 0;
    for (const auto& id : *ids) {
        auto key = m_impl->recordKey(id); // also wraps it locally
        if (!key) {
            continue;
        }
        auto ops = m_impl->openOperations(id, *key);
        if (!ops) {
            continue;
        }
        for (const auto& op : *ops) {
            for (const auto& v : op.values) {
                if (v.field_id != core::fields::kCpr.value) {
                    continue;
                }
                if (auto hash = m_impl->cprHash(v.value); hash) {
                    auto index =
                        m_impl->db.cached("INSERT OR IGNORE INTO blind_index(hash, case_id) VALUES (?1, ?2)");
                    if (index) {
                        (void)index->bind(1, crypto::ByteView(*hash)).bind(2, idView(id)).run();
                    }
                }
            }
        }
        ++indexed;
    }
    return indexed;
}

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
    auto remaining = m_impl->db.queryInt("SELECT count(*) FROM key_slots WHERE disabled = 0");
    if (!remaining) {
        return remaining.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    auto stmt = m_impl->db.cached("DELETE FROM key_slots WHERE staff_name = ?1");
    if (!stmt) {
        return stmt.error();
    }
    if (*remaining <= 1) {
        return makeError("last_slot",
                         "This is the last working staff key; removing it would lock everyone out.");
    }
    if (auto st = stmt->bind(1, name).run(); !st) {
        return st;
    }
    if (m_impl->db.changes() == 0) {
        return makeError("unknown_staff",
                         "No staff member named " + name + " has a key slot on this device.");
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
    auto stmt = m_impl->db.cached("SELECT wrapped_dek FROM key_slots WHERE staff_name = ?1");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, m_staff);
    auto row = stmt->step();
    if (!row || !*row) {
        return row ? makeError("unknown_staff", "Your key slot is gone.") : row.error();
    }
    auto rewrapped = crypto::rewrapKey(crypto::WrappedKey{stmt->blob(0)}, oldPin, newPin, kdf);
    stmt->reset();
    if (!rewrapped) {
        return rewrapped.error();
    }
    auto update = m_impl->db.cached("UPDATE key_slots SET wrapped_dek = ?2 WHERE staff_name = ?1");
    if (!update) {
        return update.error();
    }
    return update->bind(1, m_staff).bind(2, crypto::ByteView(rewrapped->bytes)).run();
}

Result<int> Session::purge(std::int64_t windowMs) {
    auto stmt = m_impl->db.cached("SELECT case_id FROM cases c WHERE c.status IN ('closed', 'withdrawn') "
                                  "AND c.closed_acked_ms IS NOT NULL "
                                  "AND c.closed_acked_ms <= ?1 AND NOT EXISTS (SELECT 1 FROM operations o "
                                  "WHERE o.case_id = c.case_id AND "
                                  "o.server_seq IS NULL)");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, m_impl->now() - windowMs);
    auto ids =
        collect<CaseId>(*stmt, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    if (!ids) {
        return ids.error();
    }
    auto tx = Transaction::begin(m_impl->db);
    if (!tx) {
        return tx.error();
    }
    for (const auto& id : *ids) {
        // Crypto-shredding first: with the keys gone the ciphertext is noise even if a page survives
        // somewhere; then the rows go, with secure_delete overwriting their pages.
        auto shred = m_impl->db.cached("UPDATE cases SET wrapped_record_key = NULL, sealed_key_center = x'', "
                                       "sealed_key_unit = x'' WHERE case_id = ?1");
        auto remove = m_impl->db.cached("DELETE FROM cases WHERE case_id = ?1");
        if (!shred || !remove) {
            return !shred ? shred.error() : remove.error();
        }
        if (auto st = shred->bind(1, idView(id)).run(); !st) {
            return st.error();
        }
        if (auto st = remove->bind(1, idView(id)).run(); !st) {
            return st.error();
        }
        if (auto st =
                m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "purged", id.toHex(), "retention");
            !st) {
            return st.error();
        }
    }
    if (auto st = tx->commit(); !st) {
        return st.error();
    }
    return static_cast<int>(ids->size());
}

Result<VerifyReport> Session::verify() {
    VerifyReport report;
    auto integrity = m_impl->db.cached("PRAGMA integrity_check");
    if (!integrity) {
        return integrity.error();
    }
    while (true) {
        auto row = integrity->step();
        if (!row) {
            report.problems.push_back("integrity_check failed: " + row.error().message);
            break;
        }
        if (!*row) {
            break;
        }
        if (integrity->text(0) != "ok") {
            report.problems.push_back("integrity_check: " + integrity->text(0));
        }
    }
    auto broken = m_impl->audit.firstBrokenEntry(m_impl->db);
    if (!broken) {
        return broken.error();
    } else if (*broken != 0) {
        report.problems.push_back("the audit log chain breaks at entry " + std::to_string(*broken));
    }
    auto ids = m_impl->db.cached("SELECT case_id FROM cases");
    if (!ids) {
        return ids.error();
    }
    auto cases =
        collect<CaseId>(*ids, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    if (!cases) {
        return cases.error();
    }
    for (const auto& id : *cases) {
        ++report.cases;
        auto key = m_impl->recordKey(id);
        if (!key) {
            report.problems.push_back("case " + id.toHex() + ": " + key.error().message);
            continue;
        }
        auto ops = m_impl->openOperations(id, *key);
        if (!ops) {
            report.problems.push_back("case " + id.toHex() + ": " + ops.error().message);
            continue;
        }
        report.operations += static_cast<std::int64_t>(ops->size());
    }
    auto audits = m_impl->db.queryInt("SELECT count(*) FROM audit_log");
    report.auditEntries = audits ? *audits : 0;
    return report;
}

Result<std::vector<AuditEntry>> Session::auditLog(const std::string& caseHex) {
    auto stmt =
        m_impl->db.cached("SELECT seq, at_ms, staff, action, case_id, purpose FROM audit_log WHERE ?1 = '' "
                          "OR case_id = ?1 ORDER BY seq");
    if (!stmt) {
        return stmt.error();
    }
    stmt->bind(1, caseHex);
    return collect<AuditEntry>(*stmt, [](const sqlite::Statement& s) {
        return AuditEntry{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5)};
    });
}

} // namespace fieldkit::store
