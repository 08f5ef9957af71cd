#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <span>
#include <vector>

namespace fieldkit::app {

/** A QR code symbol (ISO/IEC 18004): size x size modules, as Debian's libqrencode made it. */
class QrCode {
public:
    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] int size() const { return m_size; }
    /** True for a dark module; x is the column, y the row. */
    [[nodiscard]] bool dark(int x, int y) const { return m_modules[index(x, y)]; }

private:
    friend Result<QrCode> encodeQr(std::span<const std::uint8_t> data);
    QrCode(int version, int size, std::vector<bool> modules);
    [[nodiscard]] std::size_t index(int x, int y) const { return static_cast<std::size_t>(y * m_size + x); }

    int m_version = 0;
    int m_size = 0;
    std::vector<bool> m_modules;
};

/**
 * Encodes bytes in byte mode at error correction level M, in the smallest version that fits (1..40), with
 * libqrencode. Error `qr_too_long` when the data exceeds version 40 (2331 bytes).
 */
[[nodiscard]] Result<QrCode> encodeQr(std::span<const std::uint8_t> data);

} // namespace fieldkit::app
