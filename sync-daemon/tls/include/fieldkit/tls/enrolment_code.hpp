#pragma once

#include <cstdint>
#include <fieldkit/core/result.hpp>
#include <string>
#include <string_view>
#include <vector>

struct ssl_st;

namespace fieldkit::tls {

using Bytes = std::vector<std::uint8_t>;

/** A one-time enrolment code as staff type it (or scan): 28 Crockford base32 characters (140 bits) in groups
 *  of four. The center keeps only values derived from it, so the code itself cannot be read back from the
 *  store, and no offline search of a stolen store finds it. */
struct EnrolmentCode {
    std::string normalised; // 28 characters, upper case, no dashes

    /** Accepts any case, dashes and spaces, and the usual misreadings (O for 0, I and L for 1). */
    [[nodiscard]] static Result<EnrolmentCode> parse(std::string_view typed);
    [[nodiscard]] static Result<EnrolmentCode> generate();

    /** "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345". */
    [[nodiscard]] std::string display() const;
    /** What the device sends and the center looks the code up by; reveals nothing about the code. */
    [[nodiscard]] Bytes lookup() const;
    /** The key both sides prove knowledge of the code with (HMAC-SHA-256). */
    [[nodiscard]] Bytes macKey() const;
    /** The key the unit's secret is wrapped under from the code's creation until its use: only the one who
     *  created the code and the device it is given to know it; the hub, which never sees the code, does not.
     */
    [[nodiscard]] Bytes unitKeyWrapKey() const;
};

/** Fields joined with a length before each, so no two different field lists give the same bytes. */
class Transcript {
public:
    Transcript& add(std::string_view field);
    Transcript& add(const Bytes& field);
    [[nodiscard]] const Bytes& bytes() const { return m_bytes; }

private:
    Bytes m_bytes;
};

/** HMAC-SHA-256 of a transcript. */
[[nodiscard]] Bytes transcriptMac(const Bytes& key, const Transcript& transcript);
/** Constant-time comparison of two MACs. */
[[nodiscard]] bool macEquals(const Bytes& a, const Bytes& b);

/** 32 bytes both ends of an established TLS 1.3 connection derive alike (RFC 8446 exporter) and a relay in
 *  the middle cannot: a MAC over them ties the enrolment code to this very connection. */
[[nodiscard]] Result<Bytes> enrolmentChannelBinding(ssl_st* connection);

/** The certificate the peer presented, PEM (the device pins the hub's key from it at enrolment). */
[[nodiscard]] Result<std::string> peerCertificatePem(ssl_st* connection);

} // namespace fieldkit::tls
