// libFuzzer target: decoding an operation's plaintext (its field values), what a device and the center do
// with every operation they open.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/crypto/field_values.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fieldkit::crypto::ByteView encoded(data, size);
    auto values = fieldkit::crypto::decodeFieldValues(encoded);
    if (!values) {
        return 0;
    }
    // The format has one encoding per value list (no trailing bytes, no overlong varints are accepted), so
    // what decodes encodes back to exactly the input.
    const auto again = fieldkit::crypto::encodeFieldValues(*values);
    if (again.size() != size || !std::equal(again.begin(), again.end(), data)) {
        std::abort();
    }
    return 0;
}
