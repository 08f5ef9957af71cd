#include "secret_pool.hpp"
#include "sodium_guard.hpp"

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <sodium.h>
#include <utility>

namespace fieldkit::crypto {

namespace {

[[noreturn]] void die(const char* what) {
    static_cast<void>(std::fprintf(stderr, "fieldkit crypto: %s\n", what));
    std::abort();
}

} // namespace

SecretBytes::SecretBytes(std::size_t size) {
    if (size == 0) {
        return;
    }
    if (size <= detail::kPooledSecretMax) {
        if (std::uint8_t* slot = detail::takeSecretSlot(); slot != nullptr) {
            m_data = slot;
            m_size = size;
            m_pooled = true;
            return;
        }
    }
    allocateOwnPages(size);
}

void SecretBytes::allocateOwnPages(std::size_t size) {
    detail::ensureSodium();
    void* memory = sodium_malloc(size);
    if (memory == nullptr) {
        // The secure allocator is out of lockable memory: continuing would mean secrets in swappable pages.
        die("sodium_malloc failed");
    }
    std::memset(memory, 0, size);
    m_data = static_cast<std::uint8_t*>(memory);
    m_size = size;
}

SecretBytes SecretBytes::copyOf(ByteView bytes) {
    SecretBytes out(bytes.size());
    if (!bytes.empty()) {
        assert(out.m_data != nullptr);
        std::memcpy(out.m_data, bytes.data(), bytes.size());
    }
    return out;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_pooled(std::exchange(other.m_pooled, false)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        reset();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_pooled = std::exchange(other.m_pooled, false);
    }
    return *this;
}

SecretBytes::~SecretBytes() {
    reset();
}

bool SecretBytes::equals(const SecretBytes& other) const {
    if (m_size != other.m_size) {
        return false;
    }
    return m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

SecretBytes SecretBytes::clone() const {
    return copyOf(view());
}

void SecretBytes::moveToOwnPages() {
    if (!m_pooled) {
        return;
    }
    std::uint8_t* slot = m_data;
    allocateOwnPages(m_size);
    std::memcpy(m_data, slot, m_size);
    m_pooled = false;
    detail::returnSecretSlot(slot);
}

void SecretBytes::protectNoAccess() {
    moveToOwnPages();
    if (m_data != nullptr && sodium_mprotect_noaccess(m_data) != 0) {
        die("sodium_mprotect_noaccess failed");
    }
}

void SecretBytes::protectReadOnly() {
    moveToOwnPages();
    if (m_data != nullptr && sodium_mprotect_readonly(m_data) != 0) {
        die("sodium_mprotect_readonly failed");
    }
}

void SecretBytes::protectReadWrite() {
    moveToOwnPages();
    if (m_data != nullptr && sodium_mprotect_readwrite(m_data) != 0) {
        die("sodium_mprotect_readwrite failed");
    }
}

void SecretBytes::reset() {
    if (m_pooled) {
        detail::returnSecretSlot(m_data); // wipes it
        m_data = nullptr;
        m_size = 0;
        m_pooled = false;
        return;
    }
    if (m_data != nullptr) {
        // sodium_free wipes too, but only after making the pages writable; wipe explicitly when we can.
        protectReadWrite();
        sodium_memzero(m_data, m_size);
        sodium_free(m_data);
        m_data = nullptr;
        m_size = 0;
    }
}

} // namespace fieldkit::crypto
