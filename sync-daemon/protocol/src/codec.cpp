#include <cstdint>
#include <fieldkit/protocol/codec.hpp>
#include <optional>
#include <string>

namespace fieldkit::protocol {

namespace {

/** Envelope.push (see sync.proto) and PushBatch.ops. */
constexpr std::uint64_t kPushField = 3;
constexpr std::uint64_t kOpsField = 1;

/** A forward-only reader of protobuf's wire format: tags, varints and lengths, nothing decoded. */
class WireReader {
public:
    explicit WireReader(std::string_view bytes)
        : m_bytes(bytes) {}

    [[nodiscard]] bool atEnd() const { return m_at == m_bytes.size(); }

    std::optional<std::uint64_t> varint() {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64 && m_at < m_bytes.size(); shift += 7) {
            const auto byte = static_cast<std::uint8_t>(m_bytes[m_at++]);
            value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if ((byte & 0x80) == 0) {
                return value;
            }
        }
        return std::nullopt;
    }

    /** Skips a field's value of wire type `type`; a length-delimited value is returned instead. */
    std::optional<std::string_view> value(std::uint64_t type) {
        switch (type) {
        case 0:
            if (!varint()) {
                return std::nullopt;
            }
            return std::string_view();
        case 1:
            return take(8);
        case 2: {
            const auto length = varint();
            if (!length) {
                return std::nullopt;
            }
            return take(*length);
        }
        case 5:
            return take(4);
        default:
            return std::nullopt; // groups (3, 4) are not used by fieldkit; anything else is not protobuf
        }
    }

private:
    std::optional<std::string_view> take(std::uint64_t n) {
        if (n > m_bytes.size() - m_at) {
            return std::nullopt;
        }
        const auto out = m_bytes.substr(m_at, static_cast<std::size_t>(n));
        m_at += static_cast<std::size_t>(n);
        return out;
    }

    std::string_view m_bytes;
    std::size_t m_at = 0;
};

Error malformed() {
    return makeError("malformed_frame", "The frame is not a valid sync message.");
}

} // namespace

std::string encodeFrame(const Envelope& envelope) {
    std::string out;
    // Serialising a well-formed in-memory message only fails on programmer error (missing required fields
    // do not exist in proto3), so the result is not checked here.
    (void)envelope.SerializeToString(&out);
    return out;
}

Result<FrameShape> inspectFrame(std::string_view frame) {
    FrameShape shape;
    WireReader envelope(frame);
    while (!envelope.atEnd()) {
        const auto tag = envelope.varint();
        if (!tag) {
            return malformed();
        }
        const auto field = *tag >> 3;
        const auto type = *tag & 7;
        const auto value = envelope.value(type);
        if (!value || field == 0) {
            return malformed();
        }
        shape.body = static_cast<int>(std::min<std::uint64_t>(field, 1u << 20));
        if (field != kPushField || type != 2) {
            continue;
        }
        // A message field that occurs twice is merged by the parser, so every occurrence counts.
        WireReader push(*value);
        while (!push.atEnd()) {
            const auto inner = push.varint();
            if (!inner) {
                return malformed();
            }
            const auto op = push.value(*inner & 7);
            if (!op) {
                return malformed();
            }
            if ((*inner >> 3) == kOpsField && (*inner & 7) == 2) {
                ++shape.pushOps;
                shape.largestOp = std::max(shape.largestOp, op->size());
            }
        }
    }
    return shape;
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
