#include <boost/json.hpp>
#include <fieldkit/common/json_text.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/ctl/case_json.hpp>

namespace fieldkit::ctl {
namespace json = boost::json;
namespace {

Result<json::object> parseObject(std::string_view text, const char* what) {
    boost::system::error_code ec;
    json::value value = json::parse(text, ec);
    if (ec) {
        return makeError("bad_json",
                         std::string("The ") + what + " is not valid JSON (" + ec.message() + ").");
    }
    if (!value.is_object()) {
        return makeError("bad_json", std::string("The ") + what + " must be a JSON object.");
    }
    return std::move(value.as_object());
}

/** A string member, empty when absent; an error when present with another type. */
Result<std::string> optionalString(const json::object& o, const char* key, const std::string& path) {
    const auto* v = o.if_contains(key);
    if (v == nullptr || v->is_null()) {
        return std::string();
    }
    if (!v->is_string()) {
        return makeError("bad_json", path + key + " must be a string.");
    }
    return std::string(v->as_string());
}

Result<std::string> requiredString(const json::object& o, const char* key) {
    auto s = optionalString(o, key, "");
    if (s && s->empty()) {
        return makeError("bad_json", std::string(key) + " is required.");
    }
    return s;
}

json::object summaryToJson(const store::CaseSummary& c) {
    return json::object{{"id", c.id.toHex()},
                        {"service", c.service},
                        {"kle", c.kle},
                        {"status", std::string(core::toString(c.status))},
                        {"unit", c.unit},
                        {"channel", c.channel},
                        {"created_ms", c.createdMs},
                        {"updated_ms", c.updatedMs},
                        {"conflicted", c.conflicted},
                        {"pending_sync", c.pendingSync}};
}

json::object versionToJson(const store::FieldVersion& v) {
    return json::object{{"value", v.value}, {"staff", v.staff}, {"device", v.deviceId}, {"at_ms", v.atMs}};
}

/** A stable JSON key per field: its code, with the item number for checklist answers. */
std::string fieldKey(std::uint32_t id) {
    if (auto item = core::checklistItemOf(core::FieldId{id})) {
        return "checklist-" + std::to_string(*item);
    }
    const auto info = core::fieldInfo(core::FieldId{id});
    return info.known ? std::string(info.name) : "field-" + std::to_string(id);
}

} // namespace

Result<store::NewCase> parseNewCase(std::string_view text) {
    auto o = parseObject(text, "case");
    if (!o) {
        return o.error();
    }
    store::NewCase c;
    auto service = requiredString(*o, "service");
    auto channel = requiredString(*o, "channel");
    if (!service || !channel) {
        return !service ? service.error() : channel.error();
    }
    c.service = *service;
    c.channel = *channel;
    if (const auto* citizen = o->if_contains("citizen")) {
        if (!citizen->is_object()) {
            return makeError("bad_json", "citizen must be an object.");
        }
        const auto& co = citizen->as_object();
        for (const auto& [key, target] :
             {std::pair{"cpr", &c.citizen.cpr}, std::pair{"name", &c.citizen.name},
              std::pair{"address", &c.citizen.address}, std::pair{"phone", &c.citizen.phone}}) {
            auto value = optionalString(co, key, "citizen.");
            if (!value) {
                return value.error();
            }
            *target = *value;
        }
    }
    if (const auto* notes = o->if_contains("notes")) {
        if (!notes->is_array()) {
            return makeError("bad_json", "notes must be an array of strings.");
        }
        for (const auto& n : notes->as_array()) {
            if (!n.is_string()) {
                return makeError("bad_json", "notes must be an array of strings.");
            }
            c.notes.emplace_back(n.as_string());
        }
    }
    if (const auto* checklist = o->if_contains("checklist")) {
        if (!checklist->is_object()) {
            return makeError("bad_json", "checklist must be an object of item answers.");
        }
        std::uint16_t item = 1;
        for (const auto& [key, answer] : checklist->as_object()) {
            const std::string answerText =
                answer.is_string() ? std::string(answer.as_string()) : json::serialize(answer);
            c.checklist.emplace_back(item++, std::string(key) + ": " + answerText);
        }
    }
    return c;
}

Result<store::ContactRecord> parseContact(std::string_view text) {
    auto o = parseObject(text, "contact");
    if (!o) {
        return o.error();
    }
    store::ContactRecord c;
    auto channel = requiredString(*o, "channel");
    auto service = requiredString(*o, "service");
    auto type = requiredString(*o, "type");
    if (!channel || !service || !type) {
        return !channel ? channel.error() : !service ? service.error() : type.error();
    }
    c.channel = *channel;
    c.service = *service;
    c.type = *type;
    if (const auto* resolved = o->if_contains("resolved_at_first_contact")) {
        if (!resolved->is_bool()) {
            return makeError("bad_json", "resolved_at_first_contact must be true or false.");
        }
        c.resolvedAtFirstContact = resolved->as_bool();
    }
    auto referred = optionalString(*o, "referred_to", "");
    auto cpr = optionalString(*o, "cpr", "");
    if (!referred || !cpr) {
        return !referred ? referred.error() : cpr.error();
    }
    c.referredTo = *referred;
    c.citizenCpr = *cpr;
    return c;
}

std::string summariesToJson(const std::vector<store::CaseSummary>& cases) {
    json::array out;
    for (const auto& c : cases) {
        out.push_back(summaryToJson(c));
    }
    return common::serializeValidJson(std::move(out));
}

std::string detailsToJson(const store::CaseDetails& details) {
    json::object out = summaryToJson(details.summary);
    json::object fields;
    for (const auto& [id, versions] : details.registers) {
        json::array list;
        for (const auto& v : versions) {
            list.push_back(versionToJson(v));
        }
        fields[fieldKey(id)] = std::move(list);
    }
    json::object appended;
    for (const auto& [id, entries] : details.appended) {
        json::array list;
        for (const auto& v : entries) {
            list.push_back(versionToJson(v));
        }
        appended[fieldKey(id)] = std::move(list);
    }
    json::array attachments;
    for (const auto& a : details.attachments) {
        attachments.push_back(json::object{{"id", a.id.toHex()},
                                           {"name", a.displayName},
                                           {"type", a.mediaType},
                                           {"kind", a.kind},
                                           {"size", a.size},
                                           {"staff", a.staff},
                                           {"at_ms", a.atMs},
                                           {"available", a.available}});
    }
    out["fields"] = std::move(fields);
    out["appended"] = std::move(appended);
    out["attachments"] = std::move(attachments);
    return common::serializeValidJson(std::move(out));
}

} // namespace fieldkit::ctl
