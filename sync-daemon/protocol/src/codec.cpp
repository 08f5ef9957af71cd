#include <fieldkit/protocol/codec.hpp>
#include <string>

namespace fieldkit::protocol {

std::string encodeFrame(const Envelope& envelope) {
    std::string out;
    // Serialising a well-formed in-memory message only fails on programmer error (missing required fields
    // do not exist in proto3), so the result is not checked here.
    (void)envelope.SerializeToString(&out);
    return out;
}

Result<Envelope> decodeFrame(std::string_view frame, std::size_t maxBytes) {
    if (frame.size() > maxBytes) {
        return makeError("frame_too_large",
                         "The frame is larger than " + std::to_string(maxBytes) + " bytes.");
    }
    Envelope envelope;
    if (!envelope.ParseFromArray(frame.data(), static_cast<int>(frame.size()))) {
        return makeError("malformed_frame", "The frame is not a valid sync message.");
    }
    if (envelope.body_case() == Envelope::BODY_NOT_SET) {
        return makeError("empty_frame", "The frame carries no message this version understands.");
    }
    return envelope;
}

} // namespace fieldkit::protocol
