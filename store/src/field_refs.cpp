#include "field_refs.hpp"

namespace fieldkit::store::detail {
namespace {

void putVarint(sqlite::Bytes& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(value | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(value));
}

bool getVarint(const sqlite::Bytes& in, std::size_t& pos, std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= in.size()) {
            return false;
        }
        const std::uint8_t byte = in[pos++];
        value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

sqlite::Bytes encodeFieldRefs(const std::vector<FieldRef>& refs) {
    sqlite::Bytes out;
    putVarint(out, refs.size());
    for (const auto& ref : refs) {
        putVarint(out, ref.fieldId);
        putVarint(out, ref.baseSeq);
        putVarint(out, ref.baseDeviceSeq);
    }
    return out;
}

Result<std::vector<FieldRef>> decodeFieldRefs(const sqlite::Bytes& encoded) {
    const Error bad = makeError("malformed", "An operation's field list is damaged.");
    std::size_t pos = 0;
    std::uint64_t count = 0;
    if (!getVarint(encoded, pos, count) || count > encoded.size()) {
        return bad;
    }
    std::vector<FieldRef> refs;
    refs.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) {
        std::uint64_t id = 0;
        std::uint64_t base = 0;
        std::uint64_t own = 0;
        if (!getVarint(encoded, pos, id) || !getVarint(encoded, pos, base) || !getVarint(encoded, pos, own) ||
            id > UINT32_MAX) {
            return bad;
        }
        refs.push_back(FieldRef{static_cast<std::uint32_t>(id), base, own});
    }
    if (pos != encoded.size()) {
        return bad;
    }
    return refs;
}

} // namespace fieldkit::store::detail
