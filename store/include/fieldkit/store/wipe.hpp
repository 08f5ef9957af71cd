#pragma once

#include <fieldkit/core/result.hpp>
#include <filesystem>

namespace fieldkit::store {

/** Remote wipe of a device data folder; needs no PIN, so the daemon can carry out a center-signed wipe order.
 *
 *  First the keys go (crypto-shredding): key slots, the unit key and the device identity are overwritten in
 *  place and deleted with secure_delete, and the WAL is checkpointed into the file, so the wrapped data key
 * is gone from the disk before anything else happens. Then the store file and its -wal/-shm are deleted. A
 * file that is not a readable store is overwritten with zeros before it is deleted. Close every connection to
 * the store first (the caller's own DeviceStore included): a process that keeps the file open keeps the
 * inode.
 *
 *  Idempotent: a folder without a store is already wiped. Code "wipe_incomplete" names a file that could not
 *  be deleted (the keys are destroyed by then). */
[[nodiscard]] Status wipeStore(const std::filesystem::path& dataDir);

} // namespace fieldkit::store
