// libFuzzer target: the sync protocol codec, every Envelope type the hub and the daemon parse.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/protocol/codec.hpp>
#include <google/protobuf/stubs/logging.h>
#include <string_view>

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    // Every refused string field would log a line: quiet, so the fuzzer spends its time fuzzing.
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view frame(reinterpret_cast<const char*>(data), size);
    // The hub's bounds check walks the wire format before parsing: whatever the parser takes, the walk must
    // take too, and never count fewer operations than the parser keeps (it may count more: of two push
    // fields with another message between them, the parser keeps only the last).
    auto shape = fieldkit::protocol::inspectFrame(frame);
    auto decoded = fieldkit::protocol::decodeFrame(frame);
    if (!decoded) {
        return 0;
    }
    if (!shape ||
        (decoded->has_push() && shape->pushOps < static_cast<std::size_t>(decoded->push().ops_size()))) {
        std::abort();
    }
    // Whatever decodes must encode again and decode to the same message (no frame that only one side reads).
    const std::string again = fieldkit::protocol::encodeFrame(*decoded);
    auto second = fieldkit::protocol::decodeFrame(again);
    if (!second && !again.empty()) {
        std::abort();
    }
    if (second && fieldkit::protocol::encodeFrame(*second) != again) {
        std::abort();
    }
    return 0;
}
