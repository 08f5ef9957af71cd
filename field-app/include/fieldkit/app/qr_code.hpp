#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <span>
#include <vector>

namespace fieldkit::app {

/** A QR code symbol (ISO/IEC 18004): size x size modules. */
class QrCode {
public:
    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] int size() const { return m_size; }
    /** True for a dark module; x is the column, y the row. */
    [[nodiscard]] bool dark(int x, int y) const { return m_modules[index(x, y)]; }
    [[nodiscard]] int mask() const { return m_mask; }

private:
    friend Result<QrCode> encodeQr(std::span<const std::uint8_t> data);
    QrCode(int version, int mask, std::vector<bool> modules);
    [[nodiscard]] std::size_t index(int x, int y) const { return static_cast<std::size_t>(y * m_size + x); }

    int m_version = 0;
    int m_size = 0;
    int m_mask = 0;
    std::vector<bool> m_modules;
};

/**
 * Encodes bytes in byte mode at error correction level M, in the smallest version that fits (1..40), with the
 * mask of lowest penalty. Error `qr_too_long` when the data exceeds version 40 (2331 bytes).
 * Small on purpose: the kiosk shows self-service links, nothing more.
 */
[[nodiscard]] Result<QrCode> encodeQr(std::span<const std::uint8_t> data);

/** Most bytes a version holds in byte mode at level M. */
[[nodiscard]] int qrByteCapacity(int version);

/** Reed–Solomon remainder over GF(256) with the QR generator polynomial of `degree` (exposed for tests). */
[[nodiscard]] std::vector<std::uint8_t> qrReedSolomon(std::span<const std::uint8_t> data, int degree);

/** The 15 format bits for level M and `mask`, as placed in the symbol (exposed for tests). */
[[nodiscard]] int qrFormatBits(int mask);

} // namespace fieldkit::app
