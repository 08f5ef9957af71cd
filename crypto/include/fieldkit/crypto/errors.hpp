#pragma once

namespace fieldkit::crypto::errc {

// Stable codes of the fieldkit::Error values this library returns, so callers can branch on them.
inline constexpr const char* wrong_pin = "wrong_pin"; // key slot MAC failed: wrong PIN (or tampered slot)
inline constexpr const char* bad_mac = "bad_mac";     // AEAD tag failed: wrong key, moved or altered data
inline constexpr const char* truncated = "truncated"; // input ends before its format says it should
inline constexpr const char* malformed = "malformed"; // structure invalid: trailing bytes, overlong varint
inline constexpr const char* unsupported_version =
    "unsupported_version";                                      // written by a newer or unknown format
inline constexpr const char* wrong_key_kind = "wrong_key_kind"; // a wrapped key of another purpose
inline constexpr const char* wrong_binding = "wrong_binding";   // a sealed key meant for another case
inline constexpr const char* wrong_key = "wrong_key";         // sealed box does not open with this secret key
inline constexpr const char* bad_signature = "bad_signature"; // Ed25519 verification failed
inline constexpr const char* invalid_kdf_params =
    "invalid_kdf_params";                                     // slot parameters out of the accepted range
inline constexpr const char* out_of_memory = "out_of_memory"; // Argon2id could not get its memory
inline constexpr const char* decompress_failed =
    "decompress_failed"; // authenticated but not a valid zstd frame
inline constexpr const char* stream_truncated = "stream_truncated"; // attachment stream ended without FINAL
inline constexpr const char* stream_after_final = "stream_after_final"; // data after the FINAL chunk
inline constexpr const char* system_error = "system_error"; // an OS call failed (core dump limits)

} // namespace fieldkit::crypto::errc
