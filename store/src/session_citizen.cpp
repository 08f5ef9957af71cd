// The citizen's side of a case (issue 18): the receipt (reference and access code, kept in the case's
// encrypted values) and the citizen view sealed under the code for the public status page, republished
// whenever the case changes or is looked at.
#include "session_impl.hpp"

#include <fieldkit/core/citizen_view.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/crypto/key_wrap.hpp>

namespace fieldkit::store {
namespace {

bool answeredYes(const std::string& value) {
    return !value.empty() && value != "0" && value != "false" && value != "no";
}

std::string registerValue(const CaseDetails& details, core::FieldId field) {
    const auto it = details.registers.find(field.value);
    return it == details.registers.end() || it->second.empty() ? std::string() : it->second.front().value;
}

} // namespace

void Session::republishCitizenView(const CaseId& id) {
    // Best effort after the change itself committed: a view that could not be sealed now keeps its older
    // version at the center and is sealed again at the case's next change or look.
    (void)publishCitizenView(id);
}

void Session::markCitizenViewStale(const CaseId& id) {
    // Best effort: a view that misses the mark is sealed again at the case's next change.
    auto mark = m_impl->db.cached("UPDATE citizen_views SET dirty = 1 WHERE case_id = ?1");
    if (mark) {
        (void)mark->bind(1, idView(id)).run();
    }
}

Result<int> Session::publishCitizenViews() {
    auto stale = m_impl->db.cached("SELECT case_id FROM citizen_views WHERE dirty = 1");
    if (!stale) {
        return stale.error();
    }
    auto ids =
        collect<CaseId>(*stale, [](const sqlite::Statement& s) { return *CaseId::fromBytes(s.blob(0)); });
    stale->reset();
    if (!ids) {
        return ids.error();
    }
    int sealed = 0;
    for (const auto& id : *ids) {
        if (auto st = publishCitizenView(id); !st) {
            return st.error();
        }
        ++sealed;
    }
    return sealed;
}

Result<std::optional<CitizenReceipt>> Session::citizenReceipt(const CaseId& id, const std::string& purpose) {
    if (purpose.empty()) {
        return makeError("missing_purpose", "Say why the receipt is shown; every look-up is logged.");
    }
    auto details = m_impl->details(id);
    if (!details) {
        return details.error();
    }
    if (auto st = m_impl->auditRead(m_staff, "view_receipt", id.toHex(), purpose); !st) {
        return st.error();
    }
    const auto reference = registerValue(*details, core::fields::kReceiptReference);
    const auto code = registerValue(*details, core::fields::kReceiptCode);
    if (reference.empty() || code.empty()) {
        return std::optional<CitizenReceipt>(); // a case made before receipts existed
    }
    return std::optional<CitizenReceipt>(CitizenReceipt{reference, code});
}

Status Session::publishCitizenView(const CaseId& id) {
    auto details = m_impl->details(id);
    if (!details) {
        return details.error();
    }
    const auto reference = registerValue(*details, core::fields::kReceiptReference);
    const auto code = registerValue(*details, core::fields::kReceiptCode);
    if (reference.empty() || code.empty()) {
        return {}; // no receipt: nothing to publish
    }
    auto& db = m_impl->db;
    const crypto::ByteView caseBytes = idView(id);

    // The view key: derived once (Argon2id), then kept wrapped by the data key.
    std::optional<crypto::CitizenKeys> keys;
    auto known =
        db.cached("SELECT wrapped_view_key, verifier, reference FROM citizen_views WHERE case_id = ?1");
    if (!known) {
        return known.error();
    }
    known->bind(1, caseBytes);
    auto row = known->step();
    if (!row) {
        return row.error();
    }
    if (*row && known->text(2) == reference) {
        auto viewKey = crypto::unwrapUnderDataKey(m_impl->dek, crypto::WrappedKeyKind::citizenViewKey,
                                                  known->blob(0), caseBytes);
        if (viewKey) {
            keys = crypto::CitizenKeys{std::move(*viewKey), known->blob(1)};
        }
    }
    known->reset();
    if (!keys) {
        auto derived = crypto::deriveCitizenKeys(reference, code);
        if (!derived) {
            return derived.error();
        }
        keys = std::move(*derived);
    }

    core::CitizenView view;
    view.service = details->summary.service;
    auto history = this->history(id);
    if (!history) {
        return history.error();
    }
    for (const auto& entry : *history) {
        if (view.timeline.empty()) {
            view.timeline.push_back({core::CaseStatus::Opened, entry.atMs});
        }
        if (!entry.statusChange.empty() && entry.statusChange != "opened") {
            if (auto status = core::caseStatusFromString(entry.statusChange); status) {
                view.timeline.push_back({*status, entry.atMs});
            }
        }
    }
    if (const auto* service = core::serviceCatalogue().find(view.service)) {
        for (const auto& item : service->checklist) {
            const auto field = core::checklistAnswerField(item.id);
            if (field && !answeredYes(registerValue(*details, *field))) {
                view.missingItems.push_back(item.id);
            }
        }
    }
    // Min log: every look at this case logged on this device (never who: the unit stands for the staff).
    auto logged = db.cached("SELECT at_ms, action, purpose FROM audit_log WHERE case_id = ?1 ORDER BY seq");
    if (!logged) {
        return logged.error();
    }
    logged->bind(1, id.toHex());
    while (true) {
        auto more = logged->step();
        if (!more) {
            return more.error();
        }
        if (!*more) {
            break;
        }
        const std::string action = logged->text(1);
        if (action != "create" && action != "view_receipt") {
            view.lookups.push_back({logged->int64(0), logged->text(2), m_impl->unit});
        }
    }
    logged->reset();
    if (view.lookups.size() > core::kMaxCitizenLookups) {
        view.lookups.erase(view.lookups.begin(),
                           view.lookups.end() - static_cast<std::ptrdiff_t>(core::kMaxCitizenLookups));
    }
    const std::string plain = core::encodeCitizenView(view);
    const auto sealed = crypto::sealCitizenView(*keys, reference, crypto::asBytes(plain));
    const std::int64_t now = m_impl->now();
    const auto status = details->summary.status;
    const std::int64_t expires = core::isFinal(status) ? now + core::kCitizenViewRetentionMs : 0;
    // A republication is not case data: it can be redone from the case at any time, so it commits like a
    // read-audit entry (no fsync of its own).
    const RelaxedSync relaxed(db);
    auto upsert = db.cached(
        "INSERT INTO citizen_views(case_id, reference, wrapped_view_key, verifier, sealed, updated_ms, "
        "expires_ms, "
        "pending, refused) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, '') ON CONFLICT(case_id) DO UPDATE SET "
        "reference = excluded.reference, wrapped_view_key = excluded.wrapped_view_key, verifier = "
        "excluded.verifier, sealed = excluded.sealed, updated_ms = max(excluded.updated_ms, "
        "citizen_views.updated_ms + 1), expires_ms = excluded.expires_ms, pending = 1, refused = '', dirty = "
        "0");
    if (!upsert) {
        return upsert.error();
    }
    return upsert->bind(1, caseBytes)
        .bind(2, reference)
        .bind(3, crypto::ByteView(crypto::wrapUnderDataKey(
                     m_impl->dek, crypto::WrappedKeyKind::citizenViewKey, keys->viewKey, caseBytes)))
        .bind(4, crypto::ByteView(keys->verifier))
        .bind(5, crypto::ByteView(sealed))
        .bind(6, now)
        .bind(7, expires)
        .run();
}

} // namespace fieldkit::store
