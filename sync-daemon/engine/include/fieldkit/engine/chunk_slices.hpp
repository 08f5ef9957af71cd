#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace fieldkit::engine {

/** Where an upload of a chunk in slices stands at the hub. */
struct SliceProgress {
    std::string attachmentId;
    std::uint32_t index = 0;
    std::uint64_t heldBytes = 0;
};

/**
 * Puts chunks back together that a device sent in slices. A 256 KiB chunk does not fit a link that is cut
 * every few seconds (~20 KB gets through between cuts); in slices sized to the link, each slice the hub
 * acknowledges stays acknowledged, and the device goes on after a cut from where the hub says it holds.
 *
 * Held in the hub's memory, not its store: a hub restart costs the devices at most the chunk in progress,
 * while a cut link costs nothing. Bounded: one chunk in progress per device (a device that starts another
 * drops its first) and at most `maxDevices` devices (the least recently active is dropped), so memory stays
 * below maxDevices × one chunk whatever devices send. Pure: the hub serialises calls on its store thread.
 */
class ChunkSlices {
public:
    explicit ChunkSlices(std::size_t maxDevices = 64)
        : m_maxDevices(maxDevices) {}

    /** What adding a slice did. */
    struct Added {
        std::optional<std::string> chunk; // the whole chunk, when this slice completed it
        std::uint64_t heldBytes = 0;      // otherwise: how much of the chunk is held (where to go on from)
    };

    /** Adds `data` at `offset` of chunk `index` (`chunkBytes` long) of `attachmentId`, from `deviceId`. A
     *  slice that does not start where the held bytes end changes nothing (the answer says where to go on);
     *  one at offset 0 starts the chunk afresh. The caller has checked that offset + size <= chunkBytes. */
    [[nodiscard]] Added add(const std::string& deviceId, const std::string& attachmentId, std::uint32_t index,
                            std::uint64_t chunkBytes, std::uint64_t offset, std::string_view data);

    /** The chunk the device has in progress, if any (for the answer to its offer after a reconnect). */
    [[nodiscard]] std::optional<SliceProgress> inProgress(const std::string& deviceId) const;

    /** Forgets the device's chunk in progress (the chunk was stored whole, or refused). */
    void forget(const std::string& deviceId);

    [[nodiscard]] std::size_t devices() const { return m_byDevice.size(); }
    [[nodiscard]] std::uint64_t heldBytes() const;

private:
    struct Partial {
        SliceProgress progress;
        std::uint64_t chunkBytes = 0;
        std::string bytes;
        std::list<std::string>::iterator recency;
    };

    std::size_t m_maxDevices;
    std::map<std::string, Partial> m_byDevice;
    std::list<std::string> m_recency; // device ids, most recently active first
};

} // namespace fieldkit::engine
