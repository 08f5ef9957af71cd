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
 * A 128-bit random identifier, typed by `Tag` so a case id never passes for a device id.
 *
 * Core never draws randomness (STYLE.md: randomness has a seam): the caller brings 16 random bytes,
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
/** A case's random 128-bit id (ARCHITECTURE.md "Data model"). */
using CaseId = Id128<CaseIdTag>;
/** A device's id, assigned at enrolment; 128-bit random like case ids so devices can be named offline. */
using DeviceId = Id128<DeviceIdTag>;

} // namespace fieldkit::core

/** Ids are random, so eight of their bytes are already a good hash. */
template <typename Tag>
struct std::hash<fieldkit::core::Id128<Tag>> {
    [[nodiscard]] std::size_t operator()(const fieldkit::core::Id128<Tag>& id) const noexcept {
        std::uint64_t folded = 0;
        for (std::size_t i = 0; i < 8; ++i) {
            folded = (folded << 8) | id.bytes()[i];
        }
        return std::hash<std::uint64_t>{}(folded);
    }
};
