// The schema documents the profile; these tests keep it honest by driving the loader with mutations derived
// from the schema itself: every field it lists is known to the loader, and every limit it states is enforced.
#include "test_support.hpp"

#include <boost/json.hpp>
#include <doctest/doctest.h>
#include <fieldkit/hw/profile_json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace fieldkit::hw;
namespace json = boost::json;

namespace {

/** One leaf of the schema: a field with a value, not an object. */
struct Leaf {
    std::string path;              // "power.low_percent", "display.resolution[0]"
    std::vector<std::string> keys; // how to reach it from the document root; "[0]" for an array element
    std::string type;              // integer, number, boolean, string, enum, array
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::vector<std::string> enumValues;
    bool required = true;
};

/** An object of the schema, for the unknown-key and required checks. */
struct ObjectNode {
    std::string path;
    std::vector<std::string> keys;
};

const json::object& resolve(const json::object& schema, const json::object& node) {
    if (const auto* ref = node.if_contains("$ref")) {
        const std::string target(ref->as_string());
        const std::string name = target.substr(target.rfind('/') + 1);
        return schema.at("$defs").as_object().at(name).as_object();
    }
    return node;
}

std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

void walk(const json::object& schema, const json::object& node, const std::string& path,
          const std::vector<std::string>& keys, std::vector<Leaf>& leaves, std::vector<ObjectNode>& objects) {
    objects.push_back({path, keys});
    std::set<std::string> required;
    for (const auto& r : node.at("required").as_array()) {
        required.insert(std::string(r.as_string()));
    }
    for (const auto& [rawKey, rawChild] : node.at("properties").as_object()) {
        const std::string key(rawKey);
        const auto& child = resolve(schema, rawChild.as_object());
        auto childKeys = keys;
        childKeys.push_back(key);
        const std::string childPath = join(path, key);
        if (child.contains("enum")) {
            Leaf leaf{childPath, childKeys, "enum", {}, {}, {}, required.count(key) > 0};
            for (const auto& v : child.at("enum").as_array()) {
                leaf.enumValues.emplace_back(v.as_string());
            }
            leaves.push_back(leaf);
            continue;
        }
        const std::string type(child.at("type").as_string());
        if (type == "object") {
            walk(schema, child, childPath, childKeys, leaves, objects);
            continue;
        }
        Leaf leaf{childPath, childKeys, type, {}, {}, {}, required.count(key) > 0};
        if (const auto* min = child.if_contains("minimum")) {
            leaf.minimum = min->to_number<double>();
        }
        if (const auto* max = child.if_contains("maximum")) {
            leaf.maximum = max->to_number<double>();
        }
        leaves.push_back(leaf);
        if (const auto* items = child.if_contains("prefixItems")) {
            for (std::size_t i = 0; i < items->as_array().size(); ++i) {
                const auto& item = items->as_array()[i].as_object();
                auto itemKeys = childKeys;
                itemKeys.push_back("[" + std::to_string(i) + "]");
                leaves.push_back({childPath + "[" + std::to_string(i) + "]",
                                  itemKeys,
                                  std::string(item.at("type").as_string()),
                                  item.at("minimum").to_number<double>(),
                                  item.at("maximum").to_number<double>(),
                                  {},
                                  true});
            }
        }
    }
}

struct Schema {
    std::vector<Leaf> leaves;
    std::vector<ObjectNode> objects;
};

const Schema& schema() {
    static const Schema s = [] {
        const auto text =
            test::readText(std::filesystem::path(FIELDKIT_SOURCE_DIR) / "hw-profiles/profile.schema.json");
        const auto doc = json::parse(text).as_object();
        Schema result;
        walk(doc, doc, "", {}, result.leaves, result.objects);
        return result;
    }();
    return s;
}

json::value document(const std::string& profile) {
    return json::parse(test::readText(shippedProfilesDir() / (profile + ".json")));
}

/** The value at `keys`, whose parent must exist. */
json::value* at(json::value& doc, const std::vector<std::string>& keys) {
    json::value* v = &doc;
    for (const auto& key : keys) {
        if (key.front() == '[') {
            v = &v->as_array().at(std::stoul(key.substr(1)));
        } else {
            v = &v->as_object().at(key);
        }
    }
    return v;
}

json::object& parentOf(json::value& doc, const std::vector<std::string>& keys) {
    return at(doc, std::vector<std::string>(keys.begin(), keys.end() - 1))->as_object();
}

fieldkit::Result<Profile> parse(const json::value& doc) {
    return parseProfile(json::serialize(doc), "mutant.json");
}

void checkRefused(const json::value& doc, const std::string& code, const std::string& path) {
    auto result = parse(doc);
    REQUIRE_FALSE(result.ok());
    CAPTURE(result.error().message);
    CHECK(result.error().code == code);
    CHECK(result.error().message.find("mutant.json: " + path + " ") != std::string::npos);
}

void collectLeafPaths(const json::value& v, const std::string& path, std::set<std::string>& out) {
    if (v.is_object()) {
        for (const auto& [key, child] : v.as_object()) {
            collectLeafPaths(child, join(path, std::string(key)), out);
        }
    } else {
        out.insert(path);
    }
}

} // namespace

TEST_CASE("the schema documents exactly the fields profileToJson writes") {
    std::set<std::string> documented;
    for (const auto& leaf : schema().leaves) {
        if (leaf.keys.back().front() != '[') {
            documented.insert(leaf.path);
        }
    }
    std::set<std::string> written;
    collectLeafPaths(json::parse(profileToJson(test::shipped("bike-tablet"))), "", written);
    CHECK(documented == written);
    CHECK(documented.size() == 34);
}

TEST_CASE("every field the schema requires is refused when missing") {
    for (const auto& leaf : schema().leaves) {
        if (leaf.keys.back().front() == '[') {
            continue;
        }
        CAPTURE(leaf.path);
        auto doc = document("bike-tablet");
        parentOf(doc, leaf.keys).erase(leaf.keys.back());
        if (leaf.required) {
            checkRefused(doc, "profile_missing", leaf.path);
        } else {
            CHECK(parse(doc).ok()); // only security.retention_hours, which defaults to 24
        }
    }
    for (const auto& object : schema().objects) {
        if (object.path.empty()) {
            continue;
        }
        CAPTURE(object.path);
        auto doc = document("bike-tablet");
        parentOf(doc, object.keys).erase(object.keys.back());
        checkRefused(doc, "profile_missing", object.path);
    }
}

TEST_CASE("every field of the wrong type is refused") {
    for (const auto& leaf : schema().leaves) {
        CAPTURE(leaf.path);
        auto doc = document("bike-tablet");
        *at(doc, leaf.keys) = leaf.type == "boolean" ? json::value("yes") : json::value(true);
        checkRefused(doc, "profile_wrong_type", leaf.path);
    }
    for (const auto& object : schema().objects) {
        if (object.path.empty()) {
            continue;
        }
        CAPTURE(object.path);
        auto doc = document("bike-tablet");
        *at(doc, object.keys) = json::array{};
        checkRefused(doc, "profile_wrong_type", object.path);
    }
}

TEST_CASE("every limit the schema states is enforced, and the limits themselves are accepted") {
    for (const auto& leaf : schema().leaves) {
        if (!leaf.minimum && !leaf.maximum) {
            continue;
        }
        CAPTURE(leaf.path);
        const double step = leaf.type == "integer" ? 1.0 : 0.5;
        const auto value = [&](double v) {
            return leaf.type == "integer" ? json::value(static_cast<std::int64_t>(v)) : json::value(v);
        };
        auto below = document("bike-tablet");
        *at(below, leaf.keys) = value(*leaf.minimum - step);
        checkRefused(below, "profile_out_of_range", leaf.path);
        auto above = document("bike-tablet");
        *at(above, leaf.keys) = value(*leaf.maximum + step);
        checkRefused(above, "profile_out_of_range", leaf.path);

        // The thresholds are also ordered against each other, so they are only checked outward.
        if (leaf.path.rfind("power.", 0) == 0) {
            continue;
        }
        for (double edge : {*leaf.minimum, *leaf.maximum}) {
            auto doc = document("desktop-dev");
            *at(doc, leaf.keys) = value(edge);
            auto result = parse(doc);
            CHECK_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
        }
    }
}

TEST_CASE("every enum accepts exactly its listed values") {
    for (const auto& leaf : schema().leaves) {
        if (leaf.type != "enum") {
            continue;
        }
        CAPTURE(leaf.path);
        for (const auto& allowed : leaf.enumValues) {
            auto doc = document("bike-tablet");
            *at(doc, leaf.keys) = json::string(allowed);
            auto result = parse(doc);
            CHECK_MESSAGE(result.ok(), (result.ok() ? std::string() : result.error().message));
        }
        auto doc = document("bike-tablet");
        *at(doc, leaf.keys) = "Bogus";
        checkRefused(doc, "profile_out_of_range", leaf.path);
    }
}

TEST_CASE("an unknown key is refused at every level") {
    for (const auto& object : schema().objects) {
        CAPTURE(object.path);
        auto doc = document("bike-tablet");
        at(doc, object.keys)->as_object()["colour"] = "red";
        checkRefused(doc, "profile_unknown_key", join(object.path, "colour"));
    }
}

TEST_CASE("dmi_patterns must be non-empty strings") {
    auto doc = document("bike-tablet");
    doc.as_object()["dmi_patterns"] = json::array{"FZ-G1*", ""};
    checkRefused(doc, "profile_out_of_range", "dmi_patterns[1]");
    doc.as_object()["dmi_patterns"] = json::array{"FZ-G1*", 7};
    checkRefused(doc, "profile_wrong_type", "dmi_patterns[1]");
    json::array many;
    for (int i = 0; i < 33; ++i) {
        many.emplace_back("X*");
    }
    doc.as_object()["dmi_patterns"] = many;
    checkRefused(doc, "profile_out_of_range", "dmi_patterns");
}
