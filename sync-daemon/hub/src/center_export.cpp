#include <algorithm>
#include <boost/json.hpp>
#include <fieldkit/common/json_text.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <fieldkit/hub/center_export.hpp>
#include <fieldkit/hub/wipe_order_state.hpp>
#include <map>
#include <set>

namespace fieldkit::hub {
namespace json = boost::json;
namespace {

/** Must match the device store's operation schema version bound into every AAD. */
constexpr std::uint32_t kOperationSchemaVersion = 1;

std::string hex(const std::vector<std::uint8_t>& bytes) {
    return crypto::toHex(bytes);
}

std::string fieldKey(std::uint32_t id) {
    if (auto item = core::checklistItemOf(core::FieldId{id})) {
        return "checklist-" + std::to_string(*item);
    }
    const auto info = core::fieldInfo(core::FieldId{id});
    return info.known ? std::string(info.name) : "field-" + std::to_string(id);
}

/** What the center holds about quarantined operations, each opened when its record key is at hand (sealed in
 *  the operation itself for a new case, or kept with the case), so a person can review what the device sent
 *  last. Keyed "case", not "id", so tools that count cases by "id" are not misled. */
Result<json::array> quarantineSection(Center& center, const std::vector<CenterCase>& cases) {
    auto quarantined = center.store->wipes().quarantinedOperations();
    if (!quarantined) {
        return quarantined.error();
    }
    json::array out;
    for (const auto& q : *quarantined) {
        const auto& op = q.op;
        const std::vector<std::uint8_t> caseId(op.case_id().begin(), op.case_id().end());
        json::object entry{{"device", op.device_id()},   {"device_seq", op.device_seq()},
                           {"case", hex(caseId)},        {"kind", op.kind()},
                           {"meta", op.meta()},          {"staff", op.staff()},
                           {"received_ms", q.receivedMs}};
        std::vector<std::uint8_t> sealedKey(op.sealed_key_center().begin(), op.sealed_key_center().end());
        if (sealedKey.empty()) {
            for (const auto& c : cases) {
                if (c.caseId == caseId) {
                    sealedKey = c.sealedKeyCenter;
                }
            }
        }
        auto key = crypto::openSealedRecordKey(center.centerKey, sealedKey, caseId);
        auto values = key ? openOperationValues(*key, caseId, op)
                          : Result<std::vector<crypto::FieldValue>>(key.error());
        if (!values) {
            entry["error"] = "the operation does not open with the center key";
        } else {
            json::object fields;
            for (const auto& v : *values) {
                fields[fieldKey(v.field_id)] = v.value;
            }
            entry["fields"] = std::move(fields);
        }
        out.push_back(std::move(entry));
    }
    return out;
}

json::array wipeOrderSection(const std::vector<WipeOrderRecord>& orders, std::int64_t nowMs) {
    json::array out;
    for (const auto& o : orders) {
        out.push_back(json::object{{"device", o.deviceId},
                                   {"order_id", o.orderId},
                                   {"issued_ms", o.issuedMs},
                                   {"delivered_ms", o.deliveredMs},
                                   {"confirmed_ms", o.confirmedMs},
                                   {"state", toString(wipeOrderState(o, nowMs))}});
    }
    return out;
}

struct OpenedOperation {
    std::string deviceId;
    std::string staff;
    std::vector<crypto::FieldValue> values;
};

} // namespace

/** The field values one operation carries, opened with its case's record key. */
Result<std::vector<crypto::FieldValue>> openOperationValues(const crypto::RecordKey& key,
                                                            const std::vector<std::uint8_t>& caseId,
                                                            const protocol::Operation& op) {
    if (caseId.size() != 16) {
        return makeError("malformed", "The case id is not 16 bytes.");
    }
    std::vector<std::uint32_t> fieldIds;
    std::set<std::uint32_t> seen;
    for (const auto& ref : op.fields()) {
        if (seen.insert(ref.field_id()).second) {
            fieldIds.push_back(ref.field_id());
        }
    }
    const auto aad = crypto::operationAad(std::span<const std::uint8_t, 16>(caseId.data(), 16),
                                          op.device_id(), op.device_seq(), fieldIds, kOperationSchemaVersion);
    const std::vector<std::uint8_t> sealed(op.ciphertext().begin(), op.ciphertext().end());
    auto plain = crypto::openOperation(key, aad, sealed);
    return plain ? crypto::decodeFieldValues(*plain) : Result<std::vector<crypto::FieldValue>>(plain.error());
}

Result<std::string> exportCases(Center& center, std::int64_t nowMs) {
    auto cases = center.store->operations().cases();
    if (!cases) {
        return cases.error();
    }
    json::array out;
    for (const auto& c : *cases) {
        json::object entry{{"id", hex(c.caseId)}, {"unit", c.unit},       {"service", c.service},
                           {"status", c.status},  {"channel", c.channel}, {"conflicted", c.conflicted}};
        auto key = crypto::openSealedRecordKey(center.centerKey, c.sealedKeyCenter, c.caseId);
        if (!key) {
            entry["error"] = "the record key does not open with the center key";
            out.push_back(std::move(entry));
            continue;
        }
        auto ops = center.store->operations().caseOperations(c.caseId);
        if (!ops) {
            return ops.error();
        }
        std::map<std::uint64_t, OpenedOperation> bySeq;
        json::object appended;
        json::array problems;
        for (const auto& op : *ops) {
            auto values = openOperationValues(*key, c.caseId, op);
            if (!values) {
                problems.push_back(
                    json::string("operation " + std::to_string(op.server_seq()) + " does not open"));
                continue;
            }
            for (const auto& v : *values) {
                if (core::fieldInfo(core::FieldId{v.field_id}).kind == core::FieldKind::AddOnly) {
                    auto& list = appended[fieldKey(v.field_id)];
                    if (!list.is_array()) {
                        list = json::array();
                    }
                    list.as_array().push_back(
                        json::object{{"value", v.value}, {"device", op.device_id()}, {"staff", op.staff()}});
                }
            }
            bySeq[op.server_seq()] = OpenedOperation{op.device_id(), op.staff(), std::move(*values)};
        }
        auto heads = center.store->operations().fieldHeads(c.caseId);
        if (!heads) {
            return heads.error();
        }
        json::object fields;
        for (const auto& [fieldId, seq] : *heads) {
            const auto it = bySeq.find(seq);
            if (it == bySeq.end()) {
                continue;
            }
            for (const auto& v : it->second.values) {
                if (v.field_id != fieldId) {
                    continue;
                }
                auto& list = fields[fieldKey(fieldId)];
                if (!list.is_array()) {
                    list = json::array();
                }
                list.as_array().push_back(json::object{{"value", v.value},
                                                       {"device", it->second.deviceId},
                                                       {"staff", it->second.staff},
                                                       {"seq", seq}});
            }
        }
        entry["fields"] = std::move(fields);
        entry["appended"] = std::move(appended);
        entry["operations"] = ops->size();
        auto attachments = center.store->attachments().caseAttachments(c.caseId);
        if (!attachments) {
            return attachments.error();
        }
        json::array files;
        for (const auto& a : *attachments) {
            files.push_back(json::object{{"id", hex(a.attachmentId)},
                                         {"size", a.size},
                                         {"chunks", a.chunkCount},
                                         {"chunks_held", a.chunksHeld},
                                         {"complete", a.complete()}});
        }
        entry["attachments"] = std::move(files);
        if (!problems.empty()) {
            entry["problems"] = std::move(problems);
        }
        out.push_back(std::move(entry));
    }
    auto quarantine = quarantineSection(center, *cases);
    if (!quarantine) {
        return quarantine.error();
    }
    auto orders = center.store->wipes().wipeOrders();
    if (!orders) {
        return orders.error();
    }
    return common::serializeValidJson(json::object{{"cases", std::move(out)},
                                                   {"quarantined_operations", std::move(*quarantine)},
                                                   {"wipe_orders", wipeOrderSection(*orders, nowMs)}});
}

Result<std::string> centerStatsJson(CenterStore& store, std::int64_t nowMs) {
    auto stats = store.reports().stats();
    if (!stats) {
        return stats.error();
    }
    auto orders = store.wipes().wipeOrders();
    if (!orders) {
        return orders.error();
    }
    const auto unconfirmed = std::count_if(orders->begin(), orders->end(), [nowMs](const WipeOrderRecord& o) {
        return wipeOrderState(o, nowMs) == WipeOrderState::Unconfirmed;
    });
    return common::serializeValidJson(json::object{{"devices", stats->devices},
                                                   {"units", stats->units},
                                                   {"cases", stats->cases},
                                                   {"operations", stats->operations},
                                                   {"conflicted_cases", stats->conflictedCases},
                                                   {"rejected_operations", stats->rejected},
                                                   {"attachments", stats->attachments},
                                                   {"complete_attachments", stats->completeAttachments},
                                                   {"attachment_chunks", stats->attachmentChunks},
                                                   {"quarantined_operations", stats->quarantined},
                                                   {"wipe_orders", stats->wipeOrders},
                                                   {"wipes_confirmed", stats->wipesConfirmed},
                                                   {"wipes_unconfirmed", unconfirmed},
                                                   {"wipe_order_list", wipeOrderSection(*orders, nowMs)}});
}

} // namespace fieldkit::hub
