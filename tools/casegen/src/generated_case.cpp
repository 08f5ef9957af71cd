#include <cstdio>
#include <fieldkit/casegen/generated_case.hpp>

namespace fieldkit::casegen {

namespace {

/** JSON string literal; UTF-8 passes through, control characters are escaped. */
void appendString(std::string& out, std::string_view text) {
    out.push_back('"');
    for (char ch : text) {
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            if (static_cast<unsigned char>(ch) < 0x20) {
                char escaped[8];
                static_cast<void>(std::snprintf(escaped, sizeof escaped, "\\u%04x",
                                                static_cast<unsigned>(static_cast<unsigned char>(ch))));
                out += escaped;
            } else {
                out.push_back(ch);
            }
        }
    }
    out.push_back('"');
}

void appendMember(std::string& out, std::string_view key, std::string_view value) {
    appendString(out, key);
    out += ": ";
    appendString(out, value);
}

} // namespace

std::string checklistText(const GeneratedCase& generated) {
    std::string out = "{";
    for (std::size_t i = 0; i < generated.checklist.size(); ++i) {
        if (i > 0) {
            out += ",";
        }
        appendString(out, generated.checklist[i].first);
        out += ":";
        appendString(out, generated.checklist[i].second);
    }
    out += "}";
    return out;
}

std::string toJson(const GeneratedCase& c) {
    std::string out = "{";
    appendMember(out, "service", c.service);
    out += ", ";
    appendMember(out, "channel", c.channel);
    out += ", \"citizen\": {";
    appendMember(out, "cpr", c.cpr);
    out += ", ";
    appendMember(out, "name", c.name);
    out += ", ";
    appendMember(out, "address", c.address);
    out += ", ";
    appendMember(out, "phone", c.phone);
    out += "}, \"checklist\": ";
    out += checklistText(c);
    out += ", \"notes\": [";
    for (std::size_t i = 0; i < c.notes.size(); ++i) {
        if (i > 0) {
            out += ", ";
        }
        appendString(out, c.notes[i]);
    }
    out += "]";
    if (!c.signature.empty()) {
        out += ", ";
        appendMember(out, "signature", c.signature);
    }
    if (!c.attachment.empty()) {
        out += ", \"attachment\": ";
        out += c.attachment;
    }
    out += "}\n";
    return out;
}

std::vector<crypto::FieldValue> toFieldValues(const GeneratedCase& c) {
    namespace id = crypto::field_id;
    std::vector<crypto::FieldValue> values = {
        {id::cpr, c.cpr},
        {id::name, c.name},
        {id::address, c.address},
        {id::phone, c.phone},
        {id::checklist, checklistText(c)},
    };
    for (const std::string& note : c.notes) {
        values.push_back({id::note, note});
    }
    if (!c.signature.empty()) {
        values.push_back({id::signature, c.signature});
    }
    if (!c.attachment.empty()) {
        values.push_back({id::attachment, c.attachment});
    }
    return values;
}

} // namespace fieldkit::casegen
