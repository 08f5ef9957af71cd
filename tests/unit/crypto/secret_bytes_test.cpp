#include "test_support.hpp"

#include <algorithm>
#include <fieldkit/crypto/runtime.hpp>
#include <fieldkit/crypto/secret_bytes.hpp>
#include <set>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <utility>
#include <vector>

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

TEST_CASE("a key-sized secret comes from the pool and its slot is wiped before anyone gets it again") {
    const std::uint8_t* first = nullptr;
    {
        SecretBytes key(32);
        REQUIRE(key.pooled());
        std::fill(key.span().begin(), key.span().end(), std::uint8_t{0xa5});
        first = key.data();
    }
    // The pool hands out its most recently returned slot first: the next key gets the same memory, zeroed.
    SecretBytes next(64);
    REQUIRE(next.pooled());
    CHECK(next.data() == first);
    for (std::uint8_t b : next.view()) {
        CHECK(b == 0);
    }

    SecretBytes other(32);
    CHECK(other.data() != next.data()); // two live secrets never share a slot
    SecretBytes moved = std::move(next);
    CHECK(moved.pooled());
    CHECK_FALSE(next.pooled()); // NOLINT(bugprone-use-after-move): moved-from state is part of the contract

    SecretBytes large(65);
    CHECK_FALSE(large.pooled()); // larger secrets get pages of their own
    CHECK(large.size() == 65);
}

TEST_CASE("many small secrets alive at once each get their own slot") {
    std::vector<SecretBytes> keys;
    std::set<const std::uint8_t*> slots;
    for (int i = 0; i < 500; ++i) { // several pages' worth of slots
        keys.emplace_back(32);
        keys.back().data()[0] = static_cast<std::uint8_t>(i);
        slots.insert(keys.back().data());
    }
    CHECK(slots.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(keys[i].data()[0] == static_cast<std::uint8_t>(i));
    }
}

TEST_CASE("protecting a pooled secret moves it to pages of its own first, contents intact") {
    SecretBytes s = SecretBytes::copyOf(test::hex("0a0b0c"));
    REQUIRE(s.pooled());
    s.protectReadOnly();
    CHECK_FALSE(s.pooled());
    CHECK(s.data()[2] == 0x0c);
    s.protectReadWrite();
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
