// Session maintenance: retention purge (crypto-shredding), verify, and reading the audit log.
#include "session_impl.hpp"

namespace fieldkit::store {

Result<int> Session::purge(std::int64_t windowMs) {
    auto stmt = m_impl->db.cached("SELECT case_id FROM cases c WHERE c.status IN ('closed', 'withdrawn') "
                                  "AND c.closed_acked_ms IS NOT NULL AND c.closed_acked_ms <= ?1 AND "
                                  "c.pending = 0");
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
    // The next save reads its sequence and HLC from this device's newest operation, which may be among those
    // about to go: sync_state keeps them as a floor, so a sequence number the center has seen is never
    // reused.
    auto position = m_impl->sequencePosition();
    if (!position) {
        return position.error();
    }
    auto floor = m_impl->db.cached("UPDATE sync_state SET next_device_seq = ?1, last_hlc = ?2 WHERE id = 1");
    if (!floor) {
        return floor.error();
    }
    if (auto st = floor->bind(1, static_cast<std::int64_t>(position->nextDeviceSeq))
                      .bind(2, static_cast<std::int64_t>(position->lastHlc))
                      .run();
        !st) {
        return st.error();
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
        auto sealed = m_impl->rowSeal.check(m_impl->db, idView(id));
        if (!sealed) {
            report.problems.push_back("case " + id.toHex() + ": " + sealed.error().message);
        } else if (*sealed) {
            report.problems.push_back("case " + id.toHex() + ": " + **sealed);
        }
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
    // Attachments open too; one still arriving from another device is not a problem yet.
    auto attachments =
        m_impl->db.cached("SELECT a.case_id, a.attachment_id FROM attachments a WHERE a.op_id IS "
                          "NOT NULL OR a.chunk_count = (SELECT count(*) FROM attachment_chunks k "
                          "WHERE k.attachment_id = a.attachment_id)");
    if (!attachments) {
        return attachments.error();
    }
    auto pairs = collect<std::pair<CaseId, AttachmentId>>(*attachments, [](const sqlite::Statement& s) {
        return std::pair{*CaseId::fromBytes(s.blob(0)), *AttachmentId::fromBytes(s.blob(1))};
    });
    if (!pairs) {
        return pairs.error();
    }
    for (const auto& [caseId, attachmentId] : *pairs) {
        if (auto bytes = m_impl->decryptAttachment(caseId, attachmentId); !bytes) {
            report.problems.push_back("case " + caseId.toHex() + ", attachment " + attachmentId.toHex() +
                                      ": " + bytes.error().message);
        }
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
