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

    /**
     * Skips the value of the field that `tag` opened; a length-delimited value is returned instead. A group
     * (wire types 3 and 4, which proto3 never writes) is skipped to its matching end as the parser skips an
     * unknown one, so this walk takes every frame the parser takes.
     */
    std::optional<std::string_view> value(std::uint64_t tag, int depth = 0) {
        switch (tag & 7) {
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
        case 3:
            return skipGroup(tag >> 3, depth);
        case 5:
            return take(4);
        default:
            return std::nullopt; // an end of group outside its group, or not protobuf at all
        }
    }

private:
    /** protobuf's own nesting limit; deeper input is refused rather than walked recursively. */
    static constexpr int kMaxDepth = 100;

    std::optional<std::string_view> skipGroup(std::uint64_t field, int depth) {
        if (depth >= kMaxDepth) {
            return std::nullopt;
        }
        while (!atEnd()) {
            const auto tag = varint();
            if (!tag || (*tag >> 3) == 0) {
                return std::nullopt;
            }
            if ((*tag & 7) == 4) {
                return (*tag >> 3) == field ? std::optional<std::string_view>(std::string_view())
                                            : std::nullopt;
            }
            if (!value(*tag, depth + 1)) {
                return std::nullopt;
            }
        }
        return std::nullopt; // the group never ended
    }

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
        const auto value = envelope.value(*tag);
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
            const auto op = push.value(*inner);
            if (!op || (*inner >> 3) == 0) {
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

Status checkFrameBounds(std::string_view frame) {
    auto shape = inspectFrame(frame);
    if (!shape) {
        return shape.error();
    }
    if (shape->pushOps > kMaxPushOps) {
        return makeError("push_too_large", "a push of " + std::to_string(shape->pushOps) +
                                               " operations (at most " + std::to_string(kMaxPushOps) + ")");
    }
    if (shape->largestOp > kMaxOperationBytes) {
        return makeError("operation_too_large", "an operation of " + std::to_string(shape->largestOp) +
                                                    " bytes (at most " + std::to_string(kMaxOperationBytes) +
                                                    ")");
    }
    return {};
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
