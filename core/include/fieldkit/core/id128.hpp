#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace fieldkit::core {

namespace detail {
// Shared by every Id128 so the template stays a thin typed wrapper.
[[nodiscard]] std::string bytesToHex(std::span<const std::uint8_t, 16> bytes);
[[nodiscard]] bool hexToBytes(std::string_view hex, std::span<std::uint8_t, 16> out);
} // namespace detail

/**
 * A 128-bit identifier, typed by `Tag` so a case id never passes for a device id: 16 random bytes, or (for
 * ids a store keys its tables by) a creation time followed by 80 random bits.
 *
 * Core never draws randomness (STYLE.md: randomness has a seam): the caller brings the random bytes,
 * normally from the crypto layer. The all-zero id is "nil" and never names anything.
 */
template <typename Tag>
class Id128 {
public:
    static constexpr std::size_t kSize = 16;
    using Bytes = std::array<std::uint8_t, kSize>;

    constexpr Id128() = default;
    constexpr explicit Id128(const Bytes& bytes)
        : m_bytes(bytes) {}

    static constexpr std::size_t kRandomTailSize = 10;

    /** Milliseconds since the Unix epoch in the first 6 bytes (big-endian, good until the year 10889), then
     *  `randomTail`. Ids made later sort later, so a store whose tables and indexes are keyed by them appends
     *  each new row at the right edge of the b-tree: one page touched per index and no page splits in the
     *  middle, where random ids touch a random page (and now and then split it) in every one of them. The
     *  time is no secret: it is the case's creation time, which travels as clear metadata anyway. 80 random
     *  bits keep ids made in the same millisecond, on any device, apart. */
    [[nodiscard]] static constexpr Id128
    timeOrdered(std::uint64_t unixMs, std::span<const std::uint8_t, kRandomTailSize> randomTail) {
        Bytes bytes{};
        for (std::size_t i = 0; i < 6; ++i) {
            bytes[i] = static_cast<std::uint8_t>(unixMs >> (8 * (5 - i)));
        }
        for (std::size_t i = 0; i < kRandomTailSize; ++i) {
            bytes[6 + i] = randomTail[i];
        }
        return Id128(bytes);
    }

    /** The next id in byte order (the 128 bits read as one big-endian number, plus one): how a store keeps
     *  the ids it makes in one millisecond increasing too. The all-ones id wraps to nil, which names nothing.
     */
    [[nodiscard]] constexpr Id128 successor() const {
        Bytes bytes = m_bytes;
        for (std::size_t i = kSize; i-- > 0;) {
            if (++bytes[i] != 0) {
                break;
            }
        }
        return Id128(bytes);
    }

    /** From a byte string of any length, e.g. a database blob; error `id_wrong_length` unless 16 bytes. */
    [[nodiscard]] static Result<Id128> fromBytes(std::span<const std::uint8_t> bytes) {
        if (bytes.size() != kSize) {
            return makeError("id_wrong_length", "An id must be exactly 16 bytes.");
        }
        Bytes copy{};
        for (std::size_t i = 0; i < kSize; ++i) {
            copy[i] = bytes[i];
        }
        return Id128(copy);
    }

    /** From 32 hex digits (either case); error `id_bad_hex` otherwise. */
    [[nodiscard]] static Result<Id128> fromHex(std::string_view hex) {
        Bytes bytes{};
        if (!detail::hexToBytes(hex, bytes)) {
            return makeError("id_bad_hex", "An id must be exactly 32 hexadecimal digits.");
        }
        return Id128(bytes);
    }

    /** 32 lowercase hex digits: the one text form, so ids compare equal as strings too. */
    [[nodiscard]] std::string toHex() const { return detail::bytesToHex(m_bytes); }
    [[nodiscard]] constexpr const Bytes& bytes() const { return m_bytes; }
    [[nodiscard]] constexpr bool isNil() const { return m_bytes == Bytes{}; }

    friend constexpr auto operator<=>(const Id128&, const Id128&) = default;

private:
    Bytes m_bytes{};
};

struct CaseIdTag;
struct DeviceIdTag;
/** A case's 128-bit id (ARCHITECTURE.md "Data model"): time-ordered when a store makes it. */
using CaseId = Id128<CaseIdTag>;
/** A device's id, assigned at enrolment; 128-bit random like case ids so devices can be named offline. */
using DeviceId = Id128<DeviceIdTag>;

} // namespace fieldkit::core

/** The last eight bytes of an id are random whichever way it was made, so they are already a good hash (the
 *  first six of a time-ordered id are a clock). */
template <typename Tag>
struct std::hash<fieldkit::core::Id128<Tag>> {
    [[nodiscard]] std::size_t operator()(const fieldkit::core::Id128<Tag>& id) const noexcept {
        std::uint64_t folded = 0;
        for (std::size_t i = 8; i < 16; ++i) {
            folded = (folded << 8) | id.bytes()[i];
        }
        return std::hash<std::uint64_t>{}(folded);
    }
};
