#include <doctest/doctest.h>
#include <fieldkit/core/result.hpp>
#include <string>

using fieldkit::Error;
using fieldkit::Result;

namespace {
Result<int> half(int n) {
    if (n % 2 != 0) {
        return fieldkit::makeError("odd", "The number is odd.");
    }
    return n / 2;
}
} // namespace

TEST_CASE("Result carries a value or an error, never both") {
    auto good = half(8);
    REQUIRE(good.ok());
    CHECK(*good == 4);

    auto bad = half(7);
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "odd");
    CHECK(bad.error() == Error{"odd", "The number is odd."});
}

TEST_CASE("Status is ok by default and carries the error it was given") {
    fieldkit::Status fine;
    CHECK(fine.ok());
    fieldkit::Status failed = fieldkit::makeError("disk_full", "The disk is full.");
    CHECK_FALSE(failed.ok());
    CHECK(failed.error().code == "disk_full");
}
