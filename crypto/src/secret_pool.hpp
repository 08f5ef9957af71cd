#pragma once

// Internal: where small secrets live. A record or attachment key (32 bytes) is made and dropped once per case
// saved or opened. sodium_malloc gives every allocation its own guarded, locked pages: mmap, two mprotect and
// mlock to allocate, munlock and munmap to free. On a single save that cost more than sealing, compressing
// and encrypting the case together. The pool carves fixed slots out of sodium_malloc'd pages instead: still
// locked (never swapped), still behind guard pages (at the edges of each page), excluded from core dumps like
// every sodium_malloc page, and wiped with sodium_memzero the moment a slot is given back.

#include <cstddef>
#include <cstdint>

namespace fieldkit::crypto::detail {

/** Secrets up to this size come from the pool. */
inline constexpr std::size_t kPooledSecretMax = 64;

/** A zero-filled slot of kPooledSecretMax bytes, or nullptr when no more memory can be locked. Thread-safe.
 */
[[nodiscard]] std::uint8_t* takeSecretSlot();

/** Wipes the slot and makes it available again. Thread-safe. */
void returnSecretSlot(std::uint8_t* slot);

} // namespace fieldkit::crypto::detail
