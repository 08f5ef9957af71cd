#pragma once

#include <fieldkit/crypto/field_values.hpp>
#include <string>
#include <utility>
#include <vector>

namespace fieldkit::casegen {

/** One synthetic citizen case: clear metadata plus the personal fields the device encrypts. */
struct GeneratedCase {
    std::string service; // catalogue code, e.g. "passport"
    std::string channel; // "bike", "to-go", "kiosk"
    std::string cpr;     // DDMMYY-SSSS, valid date and century digit
    std::string name;
    std::string address;
    std::string phone;
    std::vector<std::pair<std::string, std::string>> checklist; // item -> answer ("ja", "nej", ...)
    std::vector<std::string> notes;
    std::string signature;  // empty, or a short SVG path of the citizen's signature
    std::string attachment; // empty, or a JSON reference to an attached file
};

/** The case as JSON in the shape fieldkit-ctl's "case create --json" reads (plus "checklist", "signature",
 *  "attachment"); about 1 KB. */
[[nodiscard]] std::string toJson(const GeneratedCase& generated);

/** The field values of the operation that creates the case (ids from crypto/field_values.hpp), one note per
 *  "note" entry; this is what the zstd dictionary is trained on. */
[[nodiscard]] std::vector<crypto::FieldValue> toFieldValues(const GeneratedCase& generated);

/** The checklist as its field value text: a compact JSON object of answers. */
[[nodiscard]] std::string checklistText(const GeneratedCase& generated);

} // namespace fieldkit::casegen
