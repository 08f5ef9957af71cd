#include <fieldkit/engine/wipe_order.hpp>
#include <fieldkit/hub/wipe_orders.hpp>
#include <fieldkit/tls/random_id.hpp>

namespace fieldkit::hub {

Result<WipeOrderRecord> orderWipe(Center& center, const std::string& deviceId, std::int64_t nowMs) {
    if (auto known = center.store->devices().device(deviceId); !known) {
        return known.error();
    }
    auto orderId = tls::randomHex(16);
    if (!orderId) {
        return orderId.error();
    }
    const auto signature =
        center.signingKey.sign(engine::wipeOrderSignedBytes(deviceId, nowMs, *orderId)).bytes;
    WipeOrderRecord order{deviceId, *orderId, nowMs, {signature.begin(), signature.end()}, 0, 0};
    if (auto st = center.store->wipes().addWipeOrder(order); !st) {
        return st.error();
    }
    return order;
}

} // namespace fieldkit::hub
