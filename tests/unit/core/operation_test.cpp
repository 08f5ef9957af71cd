#include <array>
#include <cstdint>
#include <doctest/doctest.h>
#include <fieldkit/core/operation.hpp>
#include <string_view>
#include <unordered_map>
#include <vector>

using fieldkit::core::CaseId;
using fieldkit::core::DeviceId;
using fieldkit::core::FieldId;
using fieldkit::core::Operation;
using fieldkit::core::OperationKind;
namespace fields = fieldkit::core::fields;

namespace {

CaseId::Bytes sequentialBytes(std::uint8_t first) {
    CaseId::Bytes bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        bytes[i] = static_cast<std::uint8_t>(first + i);
    }
    return bytes;
}

Operation validSet() {
    Operation op;
    op.deviceId = DeviceId(sequentialBytes(0x40));
    op.deviceSeq = 1;
    op.caseId = CaseId(sequentialBytes(0x01));
    op.kind = OperationKind::Set;
    op.fields = {{fields::kName, 0}, {fields::kAddress, 0}};
    op.ciphertext = {0xAA, 0xBB};
    return op;
}

} // namespace

TEST_CASE("CaseId: hex round-trip, lowercase out, either case in") {
    const CaseId id(sequentialBytes(0xF0));
    CHECK(id.toHex() == "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    auto parsed = CaseId::fromHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF");
    REQUIRE(parsed.ok());
    CHECK(*parsed == id);
    CHECK_FALSE(id.isNil());
    CHECK(CaseId().isNil());
    CHECK(CaseId().toHex() == std::string(32, '0'));
}

TEST_CASE("CaseId: malformed hex and wrong byte lengths are errors") {
    for (std::string_view bad : {"", "f0", "f0f1f2f3f4f5f6f7f8f9fafbfcfdfef",
                                 "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff0", "g0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
                                 "f0f1f2f3-f4f5f6f7f8f9fafbfcfdfeff", " 0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"}) {
        CAPTURE(bad);
        auto parsed = CaseId::fromHex(bad);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == "id_bad_hex");
    }
    const std::vector<std::uint8_t> fifteen(15, 1);
    const std::vector<std::uint8_t> sixteen(16, 1);
    auto tooShort = CaseId::fromBytes(fifteen);
    REQUIRE_FALSE(tooShort.ok());
    CHECK(tooShort.error().code == "id_wrong_length");
    auto exact = CaseId::fromBytes(sixteen);
    REQUIRE(exact.ok());
    CHECK(exact->bytes()[15] == 1);
}

TEST_CASE("CaseId: ordering follows the bytes") {
    CHECK(CaseId(sequentialBytes(1)) < CaseId(sequentialBytes(2)));
    CHECK(CaseId(sequentialBytes(1)) == CaseId(sequentialBytes(1)));
}

TEST_CASE("CaseId: a time-ordered id starts with its creation time and sorts by it") {
    const std::array<std::uint8_t, 10> tail{0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0xf9, 0xf8, 0xf7, 0xf6};
    const std::array<std::uint8_t, 10> zeros{};
    const std::uint64_t ms = 1'796'000'000'123; // 2026-11-30 00:53:20.123 UTC
    const auto id = CaseId::timeOrdered(ms, tail);
    CHECK(id.toHex() == "01a229f1287bfffefdfcfbfaf9f8f7f6");
    // One millisecond later sorts later whatever the random tails, so new rows append to the indexes.
    CHECK(id < CaseId::timeOrdered(ms + 1, zeros));
    CHECK(CaseId::timeOrdered(ms, zeros) < id); // the same millisecond: the tail decides
    CHECK(CaseId::timeOrdered(0xFFFF'FFFF'FFFF, zeros).toHex() == "ffffffffffff00000000000000000000");
}

TEST_CASE("CaseId: the successor is the next id in byte order, carrying across bytes") {
    CaseId::Bytes bytes{};
    bytes[15] = 0xff;
    bytes[14] = 0xff;
    bytes[13] = 0x07;
    const CaseId id(bytes);
    CHECK(id.successor().toHex() == "00000000000000000000000000080000");
    CHECK(id < id.successor());
    CHECK(CaseId().successor().toHex() == "00000000000000000000000000000001");
}

TEST_CASE("CaseId and FieldId can key unordered containers") {
    std::unordered_map<CaseId, int> cases;
    cases[CaseId(sequentialBytes(1))] = 1;
    cases[CaseId(sequentialBytes(2))] = 2;
    CHECK(cases.at(CaseId(sequentialBytes(1))) == 1);
    CHECK(cases.size() == 2);
    std::unordered_map<FieldId, int> perField{{fields::kName, 2}, {fields::kNote, 5}};
    CHECK(perField.at(fields::kNote) == 5);
}

TEST_CASE("OperationKind: codes round-trip") {
    const std::array kinds{OperationKind::Set, OperationKind::Append, OperationKind::Delete,
                           OperationKind::Resolve};
    const std::array<std::string_view, 4> codes{"set", "append", "delete", "resolve"};
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        CHECK(fieldkit::core::toString(kinds[i]) == codes[i]);
        auto parsed = fieldkit::core::operationKindFromString(codes[i]);
        REQUIRE(parsed.ok());
        CHECK(*parsed == kinds[i]);
    }
    auto bad = fieldkit::core::operationKindFromString("update");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "unknown_operation_kind");
}

TEST_CASE("Operation: structural validation") {
    CHECK(fieldkit::core::validateOperation(validSet()).ok());

    struct Row {
        std::string_view what;
        void (*mutate)(Operation&);
        std::string_view code; // empty = valid
    };
    const Row rows[] = {
        {"nil device", [](Operation& op) { op.deviceId = DeviceId(); }, "op_nil_device"},
        {"nil case", [](Operation& op) { op.caseId = CaseId(); }, "op_nil_case"},
        {"device seq 0", [](Operation& op) { op.deviceSeq = 0; }, "op_zero_device_seq"},
        {"no fields", [](Operation& op) { op.fields.clear(); }, "op_no_fields"},
        {"duplicate field",
         [](Operation& op) {
             op.fields.push_back({fields::kName, 3});
         },
         "op_duplicate_field"},
        {"no ciphertext", [](Operation& op) { op.ciphertext.clear(); }, "op_missing_ciphertext"},
        {"set on add-only",
         [](Operation& op) {
             op.fields = {{fields::kNote, 0}};
         },
         "op_kind_mismatch"},
        {"append on register",
         [](Operation& op) {
             op.kind = OperationKind::Append;
             op.fields = {{fields::kName, 0}};
         },
         "op_kind_mismatch"},
        {"append notes and attachments",
         [](Operation& op) {
             op.kind = OperationKind::Append;
             op.fields = {{fields::kNote, 0}, {fields::kAttachment, 0}};
         },
         ""},
        {"delete without ciphertext",
         [](Operation& op) {
             op.kind = OperationKind::Delete;
             op.ciphertext.clear();
         },
         ""},
        {"delete on add-only",
         [](Operation& op) {
             op.kind = OperationKind::Delete;
             op.fields = {{fields::kAttachment, 4}};
         },
         "op_kind_mismatch"},
        {"resolve names one field twice",
         [](Operation& op) {
             op.kind = OperationKind::Resolve;
             op.fields = {{fields::kName, 4}, {fields::kName, 5}};
         },
         ""},
        {"resolve names version 0",
         [](Operation& op) {
             op.kind = OperationKind::Resolve;
             op.fields = {{fields::kName, 0}};
         },
         "op_resolve_without_version"},
        {"unknown field from a newer version",
         [](Operation& op) {
             op.fields = {{FieldId{77}, 0}};
         },
         ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.what);
        Operation op = validSet();
        row.mutate(op);
        const auto status = fieldkit::core::validateOperation(op);
        if (row.code.empty()) {
            CHECK(status.ok());
        } else {
            REQUIRE_FALSE(status.ok());
            CHECK(status.error().code == row.code);
        }
    }
}
