#include "test_support.hpp"

#include <fieldkit/crypto/box_key_pair.hpp>
#include <fieldkit/crypto/key_wrap.hpp>

using namespace fieldkit::crypto;

namespace {

EnrolmentCodeKey codeKey(std::uint8_t fill) {
    return *EnrolmentCodeKey::fromSecret(SecretBytes::copyOf(Bytes(32, fill)));
}

} // namespace

TEST_CASE("a unit secret wrapped under an enrolment code's key opens with that key and binding only") {
    const BoxKeyPair unit = BoxKeyPair::generate();
    const Bytes binding = {'b', 'i', 'k', 'e'};
    const Bytes wrapped = wrapUnderCodeKey(codeKey(1), unit.secret(), binding);
    CHECK(wrapped[1] == static_cast<std::uint8_t>(WrappedKeyKind::unitBoxSecretForCode));

    auto opened = unwrapUnderCodeKey(codeKey(1), wrapped, binding);
    REQUIRE(opened.ok());
    CHECK(opened->equals(unit.secret()));

    CHECK(unwrapUnderCodeKey(codeKey(2), wrapped, binding).error().code == errc::bad_mac);
    CHECK(unwrapUnderCodeKey(codeKey(1), wrapped, Bytes{'c', 'a', 'r'}).error().code == errc::bad_mac);
    CHECK(unwrapUnderCodeKey(codeKey(1), ByteView(wrapped).first(10), binding).error().code ==
          errc::truncated);
}

TEST_CASE("a key wrapped under a data key is not taken for one wrapped under a code key") {
    const BoxKeyPair unit = BoxKeyPair::generate();
    const auto dek = *DataKey::fromSecret(SecretBytes::copyOf(Bytes(32, 1)));
    const Bytes wrapped = wrapUnderDataKey(dek, WrappedKeyKind::unitBoxSecret, unit.secret(), {});
    CHECK(unwrapUnderCodeKey(codeKey(1), wrapped, {}).error().code == errc::wrong_key_kind);
}
