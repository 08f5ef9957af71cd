#pragma once

#include <cstddef>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <optional>

// Internal: the fixed-width little-endian pieces every format in this library is built from.
namespace fieldkit::crypto::detail {

inline void appendU32(Bytes& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

inline void appendU64(Bytes& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
}

inline void appendBytes(Bytes& out, ByteView bytes) {
    out.insert(out.end(), bytes.begin(), bytes.end());
}

/** A cursor over untrusted input that never reads past the end. */
class Reader {
public:
    explicit Reader(ByteView input)
        : m_input(input) {}

    [[nodiscard]] std::size_t remaining() const { return m_input.size() - m_pos; }
    [[nodiscard]] bool atEnd() const { return m_pos == m_input.size(); }

    [[nodiscard]] std::optional<std::uint8_t> u8() {
        if (remaining() < 1) {
            return std::nullopt;
        }
        return m_input[m_pos++];
    }
    [[nodiscard]] std::optional<std::uint32_t> u32() {
        const auto b = take(4);
        if (!b) {
            return std::nullopt;
        }
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) {
            v |= static_cast<std::uint32_t>((*b)[i]) << (8 * i);
        }
        return v;
    }
    [[nodiscard]] std::optional<std::uint64_t> u64() {
        const auto b = take(8);
        if (!b) {
            return std::nullopt;
        }
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < 8; ++i) {
            v |= static_cast<std::uint64_t>((*b)[i]) << (8 * i);
        }
        return v;
    }
    [[nodiscard]] std::optional<ByteView> take(std::size_t n) {
        if (remaining() < n) {
            return std::nullopt;
        }
        const ByteView out = m_input.subspan(m_pos, n);
        m_pos += n;
        return out;
    }
    [[nodiscard]] ByteView rest() {
        const ByteView out = m_input.subspan(m_pos);
        m_pos = m_input.size();
        return out;
    }

private:
    ByteView m_input;
    std::size_t m_pos = 0;
};

} // namespace fieldkit::crypto::detail
