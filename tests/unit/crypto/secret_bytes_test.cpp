#include "test_support.hpp"

#include <fieldkit/crypto/runtime.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <utility>

using namespace fieldkit::crypto;

TEST_CASE("initCrypto is idempotent") {
    CHECK(initCrypto().ok());
    CHECK(initCrypto().ok());
}

TEST_CASE("SecretBytes is zeroed, movable and compares in constant time") {
    SecretBytes a(32);
    REQUIRE(a.size() == 32);
    for (std::uint8_t b : a.view()) {
        CHECK(b == 0);
    }
    a.data()[0] = 7;
    SecretBytes b = a.clone();
    CHECK(a.equals(b));
    b.data()[31] = 1;
    CHECK_FALSE(a.equals(b));

    SecretBytes moved = std::move(a);
    CHECK(moved.size() == 32);
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): moved-from state is part of the contract
    CHECK(moved.data()[0] == 7);

    moved.reset();
    CHECK(moved.empty());
    CHECK(SecretBytes().empty());
}

TEST_CASE("SecretBytes page protection can be toggled") {
    SecretBytes s = SecretBytes::copyOf(test::hex("0102"));
    s.protectNoAccess();
    s.protectReadOnly();
    CHECK(s.data()[1] == 2);
    s.protectReadWrite();
    s.data()[1] = 3;
    CHECK(s.data()[1] == 3);
    s.protectNoAccess(); // destruction must still wipe and free a no-access buffer
}

TEST_CASE("hex round trip and rejects bad input") {
    CHECK(toHex(test::hex("00ff10Ab")) == "00ff10ab");
    CHECK(fromHex("abc").error().code == errc::malformed);
    CHECK(fromHex("zz").error().code == errc::malformed);
}

TEST_CASE("disableCoreDumps turns off core files and ptrace-style dumping") {
    REQUIRE(disableCoreDumps().ok());
    rlimit limit{};
    REQUIRE(getrlimit(RLIMIT_CORE, &limit) == 0);
    CHECK(limit.rlim_cur == 0);
    CHECK(limit.rlim_max == 0);
    CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
}
