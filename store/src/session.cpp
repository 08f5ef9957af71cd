// Session construction and the case writes (create, set, note, resolve, status): each is one transaction
// holding its operation, outbox entry and audit entry.
#include "session_impl.hpp"

#include <fieldkit/crypto/citizen_access.hpp>

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
    if (!input.lifeSituation.empty()) {
        auto situation = core::lifeSituationFromString(input.lifeSituation);
        if (!situation) {
            return situation.error();
        }
        auto answers = core::lifeSituationValues(
            *situation, {input.lifeSituationDone.begin(), input.lifeSituationDone.end()});
        if (!answers) {
            return answers.error();
        }
        for (auto& [field, value] : *answers) {
            values.push_back({field.value, std::move(value)});
        }
    } else if (!input.lifeSituationDone.empty()) {
        return makeError("unknown_life_situation_step", "Steps were ticked without a life situation.");
    }

    // The citizen's receipt (issue 18): made here, kept only among the case's encrypted values.
    const auto access = crypto::CitizenAccess::generate();
    values.push_back({core::fields::kReceiptReference.value, access.reference});
    values.push_back({core::fields::kReceiptCode.value, access.code});

    const std::int64_t now = m_impl->now();
    std::array<std::uint8_t, CaseId::kRandomTailSize> tail{};
    crypto::systemRandom().fill(tail);
    // Later than every id this session made, even within one millisecond or after the clock stepped back, so
    // each new case appends at the right edge of the indexes keyed by case id (id128.hpp).
    CaseId id = CaseId::timeOrdered(static_cast<std::uint64_t>(std::max<std::int64_t>(now, 0)), tail);
    if (id <= m_impl->lastCaseId) {
        id = m_impl->lastCaseId.successor();
    }
    m_impl->lastCaseId = id;
    const auto key = crypto::RecordKey::generate();
    const std::string& unit = m_impl->unit;

    auto& db = m_impl->db;
    auto insert =
        db.cached("INSERT INTO cases(case_id, service, kle, status, unit, channel, created_ms, updated_ms, "
                  "wrapped_record_key, sealed_key_center, sealed_key_unit, created_by, pending) "
                  "VALUES (?1, ?2, ?3, 'opened', ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, 1)");
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
                      .bind(8, crypto::ByteView(m_impl->centerSealer->sealRecordKey(key, idView(id))))
                      .bind(9, crypto::ByteView(m_impl->unitSealer->sealRecordKey(key, idView(id))))
                      .bind(10, m_staff)
                      .run();
        !st) {
        return st.error();
    }
    const std::string meta =
        "service=" + input.service + ";status=opened;channel=" + input.channel + ";unit=" + unit;
    if (auto st = m_impl->writeFirstOperation(id, values, meta, key, m_staff); !st) {
        return st.error();
    }
    if (auto st = m_impl->rowSeal.seal(db, idView(id)); !st) {
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
    if (!input.citizen.name.empty()) {
        if (auto st = m_impl->names.replace(db, idView(id), {input.citizen.name}); !st) {
            return st.error();
        }
    }
    if (auto st = m_impl->audit.append(db, now, m_staff, "create", id.toHex(), "new case"); !st) {
        return st.error();
    }
    if (input.contact) {
        ContactRecord contact = *input.contact;
        contact.service = input.service;
        contact.channel = input.channel;
        contact.citizenCpr = input.citizen.cpr;
        if (auto st = registerContact(contact); !st) {
            return st.error();
        }
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
    // The receipt's view is sealed at once (one Argon2id derivation), so the citizen can look it up after the
    // next sync. Bulk creation (createCases) leaves that to each case's first change or look.
    republishCitizenView(created->id);
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
        // A change replaces every version of the name in force, so the name keys follow it alone.
        if (v.field_id == core::fields::kName.value) {
            if (auto st = m_impl->names.replace(m_impl->db, idView(id), {v.value}); !st) {
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
    markCitizenViewStale(id);
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
    if (fieldId == core::fields::kName.value || fieldId == core::fields::kCpr.value) {
        // Versions the resolve did not name stay in force (and searchable); the index follows the heads.
        if (auto st = m_impl->reindexSearch(id); !st) {
            return st;
        }
    }
    if (auto st = m_impl->audit.append(m_impl->db, m_impl->now(), m_staff, "resolve", id.toHex(), "conflict");
        !st) {
        return st;
    }
    markCitizenViewStale(id);
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
    markCitizenViewStale(id);
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
    if (auto st = m_impl->rowSeal.seal(m_impl->db, idView(id)); !st) {
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
    markCitizenViewStale(id);
    return tx->commit();
}

} // namespace fieldkit::store
