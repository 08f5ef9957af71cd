#include "secret_pool.hpp"

#include "sodium_guard.hpp"

#include <cstring>
#include <mutex>
#include <sodium.h>
#include <vector>

namespace fieldkit::crypto::detail {
namespace {

// One page per arena: sodium_malloc puts guard pages on both sides, so an overrun from the last slot or an
// underrun from the first faults instead of reaching other memory.
constexpr std::size_t kArenaBytes = 4096;

struct Pool {
    std::mutex mutex;
    std::vector<std::uint8_t*> free;
};

Pool& pool() {
    // Never destroyed: a secret held by a static object may be returned during static destruction. Arenas are
    // never given back either; the pool only grows to the most small secrets alive at once.
    static auto* instance = new Pool;
    return *instance;
}

} // namespace

std::uint8_t* takeSecretSlot() {
    ensureSodium();
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    if (p.free.empty()) {
        auto* arena = static_cast<std::uint8_t*>(sodium_malloc(kArenaBytes));
        if (arena == nullptr) {
            return nullptr;
        }
        std::memset(arena, 0, kArenaBytes); // sodium_malloc fills with a pattern; slots start zeroed
        for (std::size_t offset = kArenaBytes; offset >= kPooledSecretMax; offset -= kPooledSecretMax) {
            p.free.push_back(arena + offset - kPooledSecretMax);
        }
    }
    std::uint8_t* slot = p.free.back();
    p.free.pop_back();
    return slot;
}

void returnSecretSlot(std::uint8_t* slot) {
    sodium_memzero(slot, kPooledSecretMax);
    Pool& p = pool();
    const std::lock_guard lock(p.mutex);
    p.free.push_back(slot);
}

} // namespace fieldkit::crypto::detail
