#pragma once

#include <cstddef>
#include <cstdint>
#include <fieldkit/crypto/bytes.hpp>
#include <span>

namespace fieldkit::crypto {

/** Move-only owner of secret memory: locked (never swapped), excluded from core dumps, wiped and freed on
 *  destruction. Up to 64 bytes (keys) come from a pool of slots in sodium_malloc'd pages, because a key made
 *  per case saved cannot afford five system calls (secret_pool.hpp); larger secrets get sodium_malloc pages
 *  of their own. */
class SecretBytes {
public:
    SecretBytes() = default;
    /** Zero-filled secret buffer of `size` bytes; aborts if the secure allocator fails (nothing sane to do).
     */
    explicit SecretBytes(std::size_t size);
    /** Copies `bytes` into secret memory; the caller wipes its own copy. */
    [[nodiscard]] static SecretBytes copyOf(ByteView bytes);

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes();

    [[nodiscard]] std::uint8_t* data() { return m_data; }
    [[nodiscard]] const std::uint8_t* data() const { return m_data; }
    [[nodiscard]] std::size_t size() const { return m_size; }
    [[nodiscard]] bool empty() const { return m_size == 0; }
    [[nodiscard]] ByteView view() const { return {m_data, m_size}; }
    [[nodiscard]] std::span<std::uint8_t> span() { return {m_data, m_size}; }

    /** Constant-time comparison (sodium_memcmp), so equality checks leak no timing. */
    [[nodiscard]] bool equals(const SecretBytes& other) const;
    /** Explicit deep copy: copying secrets should be visible in the code. */
    [[nodiscard]] SecretBytes clone() const;

    /** Page protection for long-lived secrets between uses; access while no-access faults (by design). A
     *  pooled secret first moves to pages of its own, so protecting it never touches other secrets. */
    void protectNoAccess();
    void protectReadOnly();
    void protectReadWrite();

    /** Wipes and frees now (on lock), leaving an empty object. */
    void reset();

    /** Whether the secret lives in a pooled slot rather than pages of its own. */
    [[nodiscard]] bool pooled() const { return m_pooled; }

private:
    void allocateOwnPages(std::size_t size);
    void moveToOwnPages();

    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_pooled = false;
};

} // namespace fieldkit::crypto
