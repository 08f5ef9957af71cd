#pragma once

// Internal: every entry point that touches libsodium calls ensureSodium() first, because sodium_malloc and
// the primitives need sodium_init to have run and callers should not have to remember it.
namespace fieldkit::crypto::detail {

void ensureSodium();

} // namespace fieldkit::crypto::detail
