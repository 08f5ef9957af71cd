#include <doctest/doctest.h>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <string_view>

using fieldkit::core::FieldId;
using fieldkit::core::fieldInfo;
using fieldkit::core::FieldKind;
namespace fields = fieldkit::core::fields;

TEST_CASE("Field: the released ids keep their numbers, names and kinds") {
    struct Row {
        FieldId id;
        std::uint32_t number;
        std::string_view name;
        FieldKind kind;
    };
    // Changing a row here breaks every stored and in-flight operation: ids are never reused.
    const Row rows[] = {
        {fields::kCpr, 1, "cpr", FieldKind::Register},
        {fields::kName, 2, "name", FieldKind::Register},
        {fields::kAddress, 3, "address", FieldKind::Register},
        {fields::kPhone, 4, "phone", FieldKind::Register},
        {fields::kNote, 5, "note", FieldKind::AddOnly},
        {fields::kSignature, 7, "signature", FieldKind::Register},
        {fields::kAttachment, 8, "attachment", FieldKind::AddOnly},
        {fields::kReferralAuthority, 9, "referral-authority", FieldKind::Register},
        {fields::kStatusNote, 10, "status-note", FieldKind::AddOnly},
        {fields::kLifeSituation, 11, "life-situation", FieldKind::Register},
        {fields::kReceiptReference, 12, "receipt-reference", FieldKind::Register},
        {fields::kReceiptCode, 13, "receipt-code", FieldKind::Register},
    };
    for (const Row& row : rows) {
        CAPTURE(row.name);
        CHECK(row.id.value == row.number);
        const auto info = fieldInfo(row.id);
        CHECK(info.known);
        CHECK(info.id == row.id);
        CHECK(info.name == row.name);
        CHECK(info.kind == row.kind);
    }
}

TEST_CASE("Field: unknown ids are representable and treated as registers") {
    for (std::uint32_t number : {0U, 6U, 14U, 999U, 2000U, 2100U, 4000000000U}) {
        CAPTURE(number);
        const auto info = fieldInfo(FieldId{number});
        CHECK_FALSE(info.known);
        CHECK(info.id.value == number);
        CHECK(info.name == "unknown");
        CHECK(info.kind == FieldKind::Register);
    }
}

TEST_CASE("Field: checklist answers are one register per item") {
    CHECK(fieldkit::core::checklistAnswerField(1) == FieldId{1001});
    CHECK(fieldkit::core::checklistAnswerField(999) == FieldId{1999});
    CHECK_FALSE(fieldkit::core::checklistAnswerField(0).has_value());
    CHECK_FALSE(fieldkit::core::checklistAnswerField(1000).has_value());

    CHECK(fieldkit::core::checklistItemOf(FieldId{1001}) == 1);
    CHECK(fieldkit::core::checklistItemOf(FieldId{1999}) == 999);
    CHECK_FALSE(fieldkit::core::checklistItemOf(FieldId{1000}).has_value());
    CHECK_FALSE(fieldkit::core::checklistItemOf(FieldId{2000}).has_value());
    CHECK_FALSE(fieldkit::core::checklistItemOf(fields::kName).has_value());

    const auto info = fieldInfo(FieldId{1003});
    CHECK(info.known);
    CHECK(info.name == "checklist-answer");
    CHECK(info.kind == FieldKind::Register);

    // Every catalogue item has an answer field and maps back to itself.
    for (const auto& service : fieldkit::core::serviceCatalogue().all()) {
        for (const auto& item : service.checklist) {
            CAPTURE(service.code);
            CAPTURE(item.id);
            const auto field = fieldkit::core::checklistAnswerField(item.id);
            REQUIRE(field.has_value());
            CHECK(fieldkit::core::checklistItemOf(*field) == item.id);
        }
    }
}
