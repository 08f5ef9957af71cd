#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace fieldkit {

/** A failure that a user, a peer or an attacker can cause: a code to branch on and one clear sentence to
 * show. */
struct Error {
    std::string code;    // stable, machine-readable: "wrong_pin", "bad_mac", "invalid_cpr", ...
    std::string message; // one sentence for a person; never contains personal data

    friend bool operator==(const Error&, const Error&) = default;
};

/** Either a value or an Error (std::expected is C++23; this is the small part of it we need). */
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() & {
        assert(ok());
        return std::get<T>(m_state);
    }
    [[nodiscard]] const T& value() const& {
        assert(ok());
        return std::get<T>(m_state);
    }
    [[nodiscard]] T&& value() && {
        assert(ok());
        return std::get<T>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const {
        assert(!ok());
        return std::get<Error>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

/** Result of an operation that yields nothing but can fail. */
template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true) {}

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const {
        assert(m_failed);
        return m_error;
    }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

inline Error makeError(std::string code, std::string message) {
    return Error{std::move(code), std::move(message)};
}

} // namespace fieldkit
