#include <chrono>
#include <fieldkit/store/clock.hpp>

namespace fieldkit::store {
namespace {

/** The real wall clock. */
class SystemClock final : public Clock {
public:
    [[nodiscard]] std::int64_t nowMs() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

} // namespace

const Clock& systemClock() {
    static const SystemClock clock;
    return clock;
}

} // namespace fieldkit::store
