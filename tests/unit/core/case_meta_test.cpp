#include <doctest/doctest.h>
#include <fieldkit/core/case_meta.hpp>

using fieldkit::core::parseCaseMeta;

TEST_CASE("case metadata reads key=value pairs and ignores what is not one") {
    const auto meta = parseCaseMeta("service=passport;status=opened;channel=to-go;junk;unit=bike-07");
    CHECK(meta.size() == 4);
    CHECK(meta.at("service") == "passport");
    CHECK(meta.at("channel") == "to-go");
    CHECK(meta.at("unit") == "bike-07");
    CHECK(parseCaseMeta("").empty());
    CHECK(parseCaseMeta("status=").at("status").empty());
}
