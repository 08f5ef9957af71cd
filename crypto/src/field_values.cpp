#include "little_endian.hpp"

#include <fieldkit/crypto/errors.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <optional>

namespace fieldkit::crypto {

namespace {

constexpr std::uint8_t kVersion = 0x01;

void appendVarint(Bytes& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

/** LEB128 of at most 64 bits; rejects overlong forms so every value has exactly one encoding. */
Result<std::uint64_t> readVarint(detail::Reader& in) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        const auto byte = in.u8();
        if (!byte) {
            return makeError(errc::truncated, "The field values end inside a number.");
        }
        const std::uint64_t bits = *byte & 0x7fu;
        if (shift == 63 && bits > 1) {
            return makeError(errc::malformed, "A number in the field values is too large.");
        }
        value |= bits << shift;
        if ((*byte & 0x80u) == 0) {
            if (*byte == 0 && shift > 0) {
                return makeError(errc::malformed, "A number in the field values is not minimally encoded.");
            }
            return value;
        }
    }
    return makeError(errc::malformed, "A number in the field values is too long.");
}

} // namespace

Bytes encodeFieldValues(const std::vector<FieldValue>& values) {
    Bytes out{kVersion};
    appendVarint(out, values.size());
    for (const FieldValue& v : values) {
        appendVarint(out, v.field_id);
        appendVarint(out, v.value.size());
        detail::appendBytes(out, asBytes(v.value));
    }
    return out;
}

Result<std::vector<FieldValue>> decodeFieldValues(ByteView encoded) {
    detail::Reader in(encoded);
    const auto version = in.u8();
    if (!version) {
        return makeError(errc::truncated, "The field values are empty.");
    }
    if (*version != kVersion) {
        return makeError(errc::unsupported_version, "The field values have an unknown format version.");
    }
    const auto count = readVarint(in);
    if (!count) {
        return count.error();
    }
    // Each entry takes at least two bytes, so a count beyond that is a lie; checking it first bounds
    // reserve().
    if (*count > in.remaining() / 2) {
        return makeError(errc::truncated, "The field values announce more entries than they hold.");
    }
    std::vector<FieldValue> out;
    out.reserve(static_cast<std::size_t>(*count));
    for (std::uint64_t i = 0; i < *count; ++i) {
        const auto id = readVarint(in);
        if (!id) {
            return id.error();
        }
        if (*id > UINT32_MAX) {
            return makeError(errc::malformed, "A field id is out of range.");
        }
        const auto size = readVarint(in);
        if (!size) {
            return size.error();
        }
        if (*size > in.remaining()) {
            return makeError(errc::truncated, "A field value is cut short.");
        }
        const ByteView bytes = *in.take(static_cast<std::size_t>(*size));
        out.push_back(FieldValue{static_cast<std::uint32_t>(*id),
                                 std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size())});
    }
    if (!in.atEnd()) {
        return makeError(errc::malformed, "The field values have trailing bytes.");
    }
    return out;
}

} // namespace fieldkit::crypto
