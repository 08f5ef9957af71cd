#include <doctest/doctest.h>
#include <fieldkit/core/input_limits.hpp>

using namespace fieldkit::core;

TEST_CASE("a value at its limit is taken, one byte more is refused with both sizes named") {
    CHECK(checkValueSize(fields::kName, kMaxTextBytes).ok());
    auto over = checkValueSize(fields::kName, kMaxTextBytes + 1);
    REQUIRE(!over.ok());
    CHECK(over.error().code == "too_large");
    CHECK(over.error().message.find("\"name\"") != std::string::npos);
    CHECK(over.error().message.find(std::to_string(kMaxTextBytes + 1)) != std::string::npos);
    CHECK(over.error().message.find(std::to_string(kMaxTextBytes)) != std::string::npos);
}

TEST_CASE("notes may be longer than other fields, and say they are notes") {
    CHECK(maxValueBytes(fields::kNote) == kMaxNoteBytes);
    CHECK(maxValueBytes(fields::kStatusNote) == kMaxNoteBytes);
    CHECK(checkValueSize(fields::kNote, kMaxNoteBytes).ok());
    auto note = checkValueSize(fields::kNote, 7 * 1024 * 1024); // the 7 MB note from the field test
    REQUIRE(!note.ok());
    CHECK(note.error().message.rfind("A note", 0) == 0);
    auto answer = checkValueSize(*checklistAnswerField(3), kMaxTextBytes + 1);
    REQUIRE(!answer.ok());
    CHECK(answer.error().message.rfind("A checklist answer", 0) == 0);
}

TEST_CASE("a whole save is bounded too") {
    CHECK(checkSaveSize(kMaxSaveBytes).ok());
    CHECK(checkSaveSize(kMaxSaveBytes + 1).error().code == "too_large");
    CHECK(kMaxSaveBytes < 512 * 1024 / 4); // far below protocol::kMaxOperationBytes, with room for sealing
}
