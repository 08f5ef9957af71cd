#include <fieldkit/engine/chunk_slices.hpp>

namespace fieldkit::engine {

ChunkSlices::Added ChunkSlices::add(const std::string& deviceId, const std::string& attachmentId,
                                    std::uint32_t index, std::uint64_t chunkBytes, std::uint64_t offset,
                                    std::string_view data) {
    auto it = m_byDevice.find(deviceId);
    const bool same = it != m_byDevice.end() && it->second.progress.attachmentId == attachmentId &&
                      it->second.progress.index == index && it->second.chunkBytes == chunkBytes;
    if (offset == 0 && data.size() == chunkBytes) {
        forget(deviceId); // a whole chunk in one slice needs no holding
        return {std::string(data), 0};
    }
    if (!same) {
        if (offset != 0) {
            return {std::nullopt, 0}; // nothing held of this chunk: go on from its start
        }
        forget(deviceId);
        if (m_byDevice.size() >= m_maxDevices && !m_recency.empty()) {
            m_byDevice.erase(m_recency.back());
            m_recency.pop_back();
        }
        m_recency.push_front(deviceId);
        Partial fresh;
        fresh.progress = {attachmentId, index, 0};
        fresh.chunkBytes = chunkBytes;
        fresh.recency = m_recency.begin();
        it = m_byDevice.emplace(deviceId, std::move(fresh)).first;
    } else {
        m_recency.splice(m_recency.begin(), m_recency, it->second.recency);
    }
    Partial& partial = it->second;
    if (offset == 0 && partial.progress.heldBytes != 0) {
        partial.bytes.clear(); // the device starts the chunk afresh (it lost what the hub said it holds)
        partial.progress.heldBytes = 0;
    }
    if (offset != partial.progress.heldBytes) {
        return {std::nullopt, partial.progress.heldBytes};
    }
    partial.bytes.append(data);
    partial.progress.heldBytes = partial.bytes.size();
    if (partial.progress.heldBytes < partial.chunkBytes) {
        return {std::nullopt, partial.progress.heldBytes};
    }
    Added done{std::move(partial.bytes), 0};
    forget(deviceId);
    return done;
}

std::optional<SliceProgress> ChunkSlices::inProgress(const std::string& deviceId) const {
    const auto it = m_byDevice.find(deviceId);
    if (it == m_byDevice.end()) {
        return std::nullopt;
    }
    return it->second.progress;
}

void ChunkSlices::forget(const std::string& deviceId) {
    const auto it = m_byDevice.find(deviceId);
    if (it == m_byDevice.end()) {
        return;
    }
    m_recency.erase(it->second.recency);
    m_byDevice.erase(it);
}

std::uint64_t ChunkSlices::heldBytes() const {
    std::uint64_t total = 0;
    for (const auto& [device, partial] : m_byDevice) {
        total += partial.progress.heldBytes;
    }
    return total;
}

} // namespace fieldkit::engine
