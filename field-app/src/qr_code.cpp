// A compact QR encoder after ISO/IEC 18004 (byte mode, level M), structured like Project Nayuki's reference
// implementation, whose construction steps (function patterns, interleaving, zig-zag placement) it follows.
#include <algorithm>
#include <array>
#include <cstdlib>
#include <fieldkit/app/qr_code.hpp>

namespace fieldkit::app {
namespace {

// Level M tables, index = version (index 0 unused).
constexpr std::array<int, 41> kEccPerBlock{-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22,
                                           24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28,
                                           28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28};
constexpr std::array<int, 41> kBlocks{-1, 1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,
                                      9,  10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25,
                                      26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49};

int rawDataModules(int version) {
    int result = (16 * version + 128) * version + 64;
    if (version >= 2) {
        const int align = version / 7 + 2;
        result -= (25 * align - 10) * align - 55;
        if (version >= 7) {
            result -= 36;
        }
    }
    return result;
}

int dataCodewords(int version) {
    return rawDataModules(version) / 8 -
           kEccPerBlock[static_cast<std::size_t>(version)] * kBlocks[static_cast<std::size_t>(version)];
}

int countBits(int version) {
    return version <= 9 ? 8 : 16;
}

std::uint8_t gfMultiply(std::uint8_t x, std::uint8_t y) {
    int z = 0;
    for (int i = 7; i >= 0; --i) {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= ((y >> i) & 1) * x;
    }
    return static_cast<std::uint8_t>(z);
}

std::vector<std::uint8_t> rsDivisor(int degree) {
    std::vector<std::uint8_t> result(static_cast<std::size_t>(degree), 0);
    result.back() = 1;
    std::uint8_t root = 1;
    for (int i = 0; i < degree; ++i) {
        for (std::size_t j = 0; j < result.size(); ++j) {
            result[j] = gfMultiply(result[j], root);
            if (j + 1 < result.size()) {
                result[j] ^= result[j + 1];
            }
        }
        root = gfMultiply(root, 0x02);
    }
    return result;
}

std::vector<int> alignmentPositions(int version) {
    if (version == 1) {
        return {};
    }
    const int count = version / 7 + 2;
    const int size = version * 4 + 17;
    const int step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
    std::vector<int> result{6};
    for (int i = 0, pos = size - 7; i < count - 1; ++i, pos -= step) {
        result.insert(result.begin() + 1, pos);
    }
    return result;
}

bool maskBit(int mask, int x, int y) {
    switch (mask) {
    case 0:
        return (x + y) % 2 == 0;
    case 1:
        return y % 2 == 0;
    case 2:
        return x % 3 == 0;
    case 3:
        return (x + y) % 3 == 0;
    case 4:
        return (x / 3 + y / 2) % 2 == 0;
    case 5:
        return x * y % 2 + x * y % 3 == 0;
    case 6:
        return (x * y % 2 + x * y % 3) % 2 == 0;
    default:
        return ((x + y) % 2 + x * y % 3) % 2 == 0;
    }
}

/** The symbol while it is being built. */
struct Grid {
    int size;
    std::vector<bool> modules;
    std::vector<bool> function; // finder, timing, alignment, format and version modules: never masked
    explicit Grid(int s)
        : size(s)
        , modules(static_cast<std::size_t>(s * s), false)
        , function(static_cast<std::size_t>(s * s), false) {}

    [[nodiscard]] std::size_t at(int x, int y) const { return static_cast<std::size_t>(y * size + x); }
    void set(int x, int y, bool dark) {
        modules[at(x, y)] = dark;
        function[at(x, y)] = true;
    }

    void finder(int cx, int cy) {
        for (int dy = -4; dy <= 4; ++dy) {
            for (int dx = -4; dx <= 4; ++dx) {
                const int dist = std::max(std::abs(dx), std::abs(dy));
                const int x = cx + dx;
                const int y = cy + dy;
                if (x >= 0 && x < size && y >= 0 && y < size) {
                    set(x, y, dist != 2 && dist != 4);
                }
            }
        }
    }

    void alignment(int cx, int cy) {
        for (int dy = -2; dy <= 2; ++dy) {
            for (int dx = -2; dx <= 2; ++dx) {
                set(cx + dx, cy + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
            }
        }
    }

    void formatBits(int mask) {
        const int bits = qrFormatBits(mask);
        auto bit = [bits](int i) { return ((bits >> i) & 1) != 0; };
        for (int i = 0; i <= 5; ++i) {
            set(8, i, bit(i));
        }
        set(8, 7, bit(6));
        set(8, 8, bit(7));
        set(7, 8, bit(8));
        for (int i = 9; i < 15; ++i) {
            set(14 - i, 8, bit(i));
        }
        for (int i = 0; i < 8; ++i) {
            set(size - 1 - i, 8, bit(i));
        }
        for (int i = 8; i < 15; ++i) {
            set(8, size - 15 + i, bit(i));
        }
        set(8, size - 8, true); // the dark module
    }

    void versionBits(int version) {
        if (version < 7) {
            return;
        }
        int rem = version;
        for (int i = 0; i < 12; ++i) {
            rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
        }
        const long bits = static_cast<long>(version) << 12 | rem;
        for (int i = 0; i < 18; ++i) {
            const bool b = ((bits >> i) & 1) != 0;
            const int a = size - 11 + i % 3;
            const int c = i / 3;
            set(a, c, b);
            set(c, a, b);
        }
    }

    void functionPatterns(int version) {
        for (int i = 0; i < size; ++i) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        finder(3, 3);
        finder(size - 4, 3);
        finder(3, size - 4);
        const auto pos = alignmentPositions(version);
        const auto n = pos.size();
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                const bool corner = (i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0);
                if (!corner) {
                    alignment(pos[i], pos[j]);
                }
            }
        }
        formatBits(0); // reserve; overwritten once the mask is chosen
        versionBits(version);
    }

    void codewords(const std::vector<std::uint8_t>& data) {
        std::size_t i = 0;
        const std::size_t totalBits = data.size() * 8;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            for (int vert = 0; vert < size; ++vert) {
                for (int j = 0; j < 2; ++j) {
                    const int x = right - j;
                    const bool upward = ((right + 1) & 2) == 0;
                    const int y = upward ? size - 1 - vert : vert;
                    if (!function[at(x, y)] && i < totalBits) {
                        modules[at(x, y)] = ((data[i >> 3] >> (7 - static_cast<int>(i & 7))) & 1) != 0;
                        ++i;
                    }
                }
            }
        }
    }

    void applyMask(int mask) {
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                if (!function[at(x, y)] && maskBit(mask, x, y)) {
                    modules[at(x, y)] = !modules[at(x, y)];
                }
            }
        }
    }

    [[nodiscard]] bool dark(int x, int y) const { return modules[at(x, y)]; }

    /** The standard's four penalty rules; any mask gives a valid symbol, the lowest penalty a readable one.
     */
    [[nodiscard]] long penalty() const {
        long result = 0;
        auto line = [&](bool rows) {
            for (int a = 0; a < size; ++a) {
                int run = 0;
                bool colour = false;
                for (int b = 0; b < size; ++b) {
                    const bool c = rows ? dark(b, a) : dark(a, b);
                    if (b > 0 && c == colour) {
                        ++run;
                    } else {
                        if (run >= 5) {
                            result += 3 + (run - 5);
                        }
                        colour = c;
                        run = 1;
                    }
                    // 1:1:3:1:1 finder-like pattern with four light modules on one side.
                    if (b >= 10) {
                        auto m = [&](int k) { return rows ? dark(b - 10 + k, a) : dark(a, b - 10 + k); };
                        const bool core = m(4) && !m(5) && m(6) && m(7) && m(8) && !m(9) && m(10);
                        const bool core2 = m(0) && !m(1) && m(2) && m(3) && m(4) && !m(5) && m(6);
                        if (core && !m(0) && !m(1) && !m(2) && !m(3)) {
                            result += 40;
                        }
                        if (core2 && !m(7) && !m(8) && !m(9) && !m(10)) {
                            result += 40;
                        }
                    }
                }
                if (run >= 5) {
                    result += 3 + (run - 5);
                }
            }
        };
        line(true);
        line(false);
        long darkCount = 0;
        for (int y = 0; y < size; ++y) {
            for (int x = 0; x < size; ++x) {
                darkCount += dark(x, y) ? 1 : 0;
                if (x + 1 < size && y + 1 < size) {
                    const bool c = dark(x, y);
                    if (c == dark(x + 1, y) && c == dark(x, y + 1) && c == dark(x + 1, y + 1)) {
                        result += 3;
                    }
                }
            }
        }
        const long total = static_cast<long>(size) * size;
        const long k = (std::abs(darkCount * 20 - total * 10) + total - 1) / total - 1;
        result += k * 10;
        return result;
    }
};

std::vector<std::uint8_t> withErrorCorrection(const std::vector<std::uint8_t>& data, int version) {
    const int blocks = kBlocks[static_cast<std::size_t>(version)];
    const int eccLen = kEccPerBlock[static_cast<std::size_t>(version)];
    const int raw = rawDataModules(version) / 8;
    const int shortBlocks = blocks - raw % blocks;
    const int shortLen = raw / blocks;
    std::vector<std::vector<std::uint8_t>> all;
    std::size_t k = 0;
    for (int i = 0; i < blocks; ++i) {
        const auto len = static_cast<std::size_t>(shortLen - eccLen + (i < shortBlocks ? 0 : 1));
        std::vector<std::uint8_t> block(data.begin() + static_cast<std::ptrdiff_t>(k),
                                        data.begin() + static_cast<std::ptrdiff_t>(k + len));
        k += len;
        const auto ecc = qrReedSolomon(block, eccLen);
        if (i < shortBlocks) {
            block.push_back(0); // placeholder so every block has the same length while interleaving
        }
        block.insert(block.end(), ecc.begin(), ecc.end());
        all.push_back(std::move(block));
    }
    std::vector<std::uint8_t> result;
    for (std::size_t i = 0; i < all[0].size(); ++i) {
        for (std::size_t j = 0; j < all.size(); ++j) {
            if (i != static_cast<std::size_t>(shortLen - eccLen) || static_cast<int>(j) >= shortBlocks) {
                result.push_back(all[j][i]);
            }
        }
    }
    return result;
}

} // namespace

QrCode::QrCode(int version, int mask, std::vector<bool> modules)
    : m_version(version)
    , m_size(version * 4 + 17)
    , m_mask(mask)
    , m_modules(std::move(modules)) {}

int qrByteCapacity(int version) {
    return (dataCodewords(version) * 8 - 4 - countBits(version)) / 8;
}

std::vector<std::uint8_t> qrReedSolomon(std::span<const std::uint8_t> data, int degree) {
    const auto divisor = rsDivisor(degree);
    std::vector<std::uint8_t> result(divisor.size(), 0);
    for (const std::uint8_t b : data) {
        const auto factor = static_cast<std::uint8_t>(b ^ result.front());
        result.erase(result.begin());
        result.push_back(0);
        for (std::size_t i = 0; i < result.size(); ++i) {
            result[i] ^= gfMultiply(divisor[i], factor);
        }
    }
    return result;
}

int qrFormatBits(int mask) {
    const int data = 0 << 3 | mask; // level M is 00
    int rem = data;
    for (int i = 0; i < 10; ++i) {
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    }
    return (data << 10 | rem) ^ 0x5412;
}

Result<QrCode> encodeQr(std::span<const std::uint8_t> data) {
    int version = 1;
    while (version <= 40 && static_cast<int>(data.size()) > qrByteCapacity(version)) {
        ++version;
    }
    if (version > 40) {
        return makeError("qr_too_long", "The text is too long for a QR code.");
    }
    // Bit stream: mode, count, bytes, terminator, padding.
    std::vector<bool> bits;
    auto append = [&bits](unsigned value, int count) {
        for (int i = count - 1; i >= 0; --i) {
            bits.push_back(((value >> i) & 1U) != 0);
        }
    };
    append(0x4, 4);
    append(static_cast<unsigned>(data.size()), countBits(version));
    for (const std::uint8_t b : data) {
        append(b, 8);
    }
    const auto capacityBits = static_cast<std::size_t>(dataCodewords(version) * 8);
    append(0, static_cast<int>(std::min<std::size_t>(4, capacityBits - bits.size())));
    append(0, static_cast<int>((8 - bits.size() % 8) % 8));
    for (unsigned pad = 0xEC; bits.size() < capacityBits; pad ^= 0xEC ^ 0x11) {
        append(pad, 8);
    }
    std::vector<std::uint8_t> codewords(bits.size() / 8, 0);
    for (std::size_t i = 0; i < bits.size(); ++i) {
        codewords[i >> 3] = static_cast<std::uint8_t>(codewords[i >> 3] | (bits[i] ? 1 << (7 - (i & 7)) : 0));
    }

    Grid grid(version * 4 + 17);
    grid.functionPatterns(version);
    grid.codewords(withErrorCorrection(codewords, version));
    int best = 0;
    long bestPenalty = -1;
    for (int mask = 0; mask < 8; ++mask) {
        grid.applyMask(mask);
        grid.formatBits(mask);
        const long p = grid.penalty();
        if (bestPenalty < 0 || p < bestPenalty) {
            best = mask;
            bestPenalty = p;
        }
        grid.applyMask(mask); // XOR again undoes it
    }
    grid.applyMask(best);
    grid.formatBits(best);
    return QrCode(version, best, std::move(grid.modules));
}

} // namespace fieldkit::app
