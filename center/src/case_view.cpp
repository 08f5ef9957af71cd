#include <fieldkit/center/case_view.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/crypto/bytes.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <fieldkit/hub/center_export.hpp>
#include <map>

namespace fieldkit::center {

std::int64_t caseCreatedMs(const std::vector<std::uint8_t>& caseId) {
    std::int64_t ms = 0;
    for (std::size_t i = 0; i < 6 && i < caseId.size(); ++i) {
        ms = (ms << 8) | caseId[i];
    }
    return ms;
}

std::string maskedCpr(const std::string& stored) {
    std::string digits;
    for (char c : stored) {
        if (c >= '0' && c <= '9') {
            digits += c;
        }
    }
    if (digits.size() != 10) {
        return std::string(stored.size(), 'X');
    }
    return digits.substr(0, 6) + "-XXXX";
}

Result<CaseView> openCaseView(hub::CenterStore& store, const crypto::BoxKeyPair& centerKey,
                              const std::vector<std::uint8_t>& caseId) {
    auto meta = store.operations().caseById(caseId);
    if (!meta) {
        return meta.error();
    }
    if (!*meta) {
        return makeError("unknown_case", "There is no such case.");
    }
    CaseView view;
    view.meta = **meta;
    view.caseHex = crypto::toHex(caseId);
    view.createdMs = caseCreatedMs(caseId);
    auto key = crypto::openSealedRecordKey(centerKey, view.meta.sealedKeyCenter, caseId);
    if (!key) {
        return makeError("unreadable_case", "The case's record key does not open with the center key.");
    }
    auto ops = store.operations().caseOperations(caseId);
    if (!ops) {
        return ops.error();
    }
    std::map<std::uint64_t, std::pair<const protocol::Operation*, std::vector<crypto::FieldValue>>> bySeq;
    for (const auto& op : *ops) {
        CaseView::TimelineEntry entry{op.server_seq(), op.kind(), op.device_id(), op.staff(), {}, true};
        for (const auto& ref : op.fields()) {
            entry.fieldIds.push_back(ref.field_id());
        }
        auto values = hub::openOperationValues(*key, caseId, op);
        if (!values) {
            entry.opened = false;
        } else {
            for (const auto& v : *values) {
                if (core::fieldInfo(core::FieldId{v.field_id}).kind == core::FieldKind::AddOnly &&
                    v.field_id == core::fields::kNote.value) {
                    view.notes.push_back(FieldVersion{v.value, op.device_id(), op.staff()});
                }
            }
            bySeq[op.server_seq()] = {&op, std::move(*values)};
        }
        view.timeline.push_back(std::move(entry));
    }
    auto heads = store.operations().fieldHeads(caseId);
    if (!heads) {
        return heads.error();
    }
    std::map<std::uint32_t, std::vector<FieldVersion>> registers;
    for (const auto& [fieldId, seq] : *heads) {
        const auto it = bySeq.find(seq);
        if (it == bySeq.end()) {
            continue;
        }
        for (const auto& v : it->second.second) {
            if (v.field_id == fieldId) {
                registers[fieldId].push_back(
                    FieldVersion{v.value, it->second.first->device_id(), it->second.first->staff()});
            }
        }
    }
    for (auto& [fieldId, versions] : registers) {
        if (fieldId == core::fields::kCpr.value) {
            view.cpr = std::move(versions);
        } else if (auto item = core::checklistItemOf(core::FieldId{fieldId})) {
            view.checklist.emplace_back(*item, std::move(versions));
        } else {
            view.registers.emplace_back(fieldId, std::move(versions));
        }
    }
    auto attachments = store.attachments().caseAttachments(caseId);
    if (!attachments) {
        return attachments.error();
    }
    view.attachments = std::move(*attachments);
    return view;
}

} // namespace fieldkit::center
