#include "duplicate_key_finder.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <cstdint>
#include <set>
#include <vector>

namespace fieldkit::hw::detail {

namespace {

/** basic_parser handler that tracks the path and the keys seen in each open object, and stops at a repeat. */
class DuplicateKeyHandler {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    std::optional<std::string> duplicate;

    bool on_document_begin(boost::system::error_code&) { return true; }
    bool on_document_end(boost::system::error_code&) { return true; }
    bool on_object_begin(boost::system::error_code&) {
        valueBegins();
        m_frames.push_back({true, {}, {}, 0});
        return true;
    }
    bool on_object_end(std::size_t, boost::system::error_code&) {
        m_frames.pop_back();
        return true;
    }
    bool on_array_begin(boost::system::error_code&) {
        valueBegins();
        m_frames.push_back({false, {}, {}, 0});
        return true;
    }
    bool on_array_end(std::size_t, boost::system::error_code&) {
        m_frames.pop_back();
        return true;
    }
    bool on_key_part(boost::json::string_view s, std::size_t, boost::system::error_code&) {
        m_key.append(s.data(), s.size());
        return true;
    }
    bool on_key(boost::json::string_view s, std::size_t, boost::system::error_code& ec) {
        m_key.append(s.data(), s.size());
        auto& frame = m_frames.back();
        frame.key = std::move(m_key);
        m_key.clear();
        if (!frame.seen.insert(frame.key).second) {
            duplicate = path();
            ec = boost::json::error::syntax; // any error stops the parser; `duplicate` says why
            return false;
        }
        return true;
    }
    bool on_string_part(boost::json::string_view, std::size_t, boost::system::error_code&) { return true; }
    bool on_string(boost::json::string_view, std::size_t, boost::system::error_code&) { return scalar(); }
    bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_int64(std::int64_t, boost::json::string_view, boost::system::error_code&) { return scalar(); }
    bool on_uint64(std::uint64_t, boost::json::string_view, boost::system::error_code&) { return scalar(); }
    bool on_double(double, boost::json::string_view, boost::system::error_code&) { return scalar(); }
    bool on_bool(bool, boost::system::error_code&) { return scalar(); }
    bool on_null(boost::system::error_code&) { return scalar(); }
    bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }

private:
    struct Frame {
        bool isObject;
        std::set<std::string> seen;
        std::string key;   // current key, objects only
        std::size_t count; // elements begun so far, arrays only
    };

    bool scalar() {
        valueBegins();
        return true;
    }
    void valueBegins() {
        if (!m_frames.empty() && !m_frames.back().isObject) {
            ++m_frames.back().count;
        }
    }
    [[nodiscard]] std::string path() const {
        std::string result;
        for (const auto& frame : m_frames) {
            if (frame.isObject) {
                result += (result.empty() ? "" : ".") + frame.key;
            } else {
                result += "[" + std::to_string(frame.count - 1) + "]";
            }
        }
        return result;
    }

    std::vector<Frame> m_frames;
    std::string m_key;
};

} // namespace

std::optional<std::string> findDuplicateKey(std::string_view json) {
    boost::json::basic_parser<DuplicateKeyHandler> parser{boost::json::parse_options{}};
    boost::system::error_code ec;
    (void)parser.write_some(false, json.data(), json.size(), ec);
    return parser.handler().duplicate;
}

} // namespace fieldkit::hw::detail
