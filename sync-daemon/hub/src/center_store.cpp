#include <cassert>
#include <fieldkit/hub/center_store.hpp>

namespace fieldkit::hub {

CenterStore::CenterStore(Parts parts)
    : m_parts(std::move(parts)) {
    assert(m_parts.units && m_parts.devices && m_parts.operations && m_parts.wipes && m_parts.attachments &&
           m_parts.reports);
}

} // namespace fieldkit::hub
