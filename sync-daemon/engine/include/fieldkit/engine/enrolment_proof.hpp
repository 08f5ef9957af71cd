#pragma once

#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/tls/enrolment_code.hpp>

namespace fieldkit::engine {

/** The MAC a device puts on its enrolment request: over the channel binding and every request field. */
[[nodiscard]] tls::Bytes requestMac(const tls::Bytes& macKey, const tls::Bytes& channelBinding,
                                    const protocol::EnrolRequest& request);

/** The MAC the hub puts on its answer: over the channel binding, the request's MAC and every reply field. */
[[nodiscard]] tls::Bytes replyMac(const tls::Bytes& macKey, const tls::Bytes& channelBinding,
                                  const protocol::EnrolRequest& request, const protocol::EnrolReply& reply);

/** What a unit secret wrapped under an enrolment code is bound to (its code and its unit), so a wrapped key
 *  cannot be handed over for another unit; the code's creator and the enrolling device compute it alike. */
[[nodiscard]] tls::Bytes unitKeyBinding(const std::string& unit, const tls::Bytes& codeLookup);

} // namespace fieldkit::engine
