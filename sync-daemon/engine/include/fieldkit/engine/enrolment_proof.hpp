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

} // namespace fieldkit::engine
