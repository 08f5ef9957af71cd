// libFuzzer target: the WebSocket frame path in front of the codec, as the hub reads a device: Beast's
// server stream with the hub's limits, then the wire-format bounds check and the parser on each message.
// The input is what a client sends after a valid upgrade; the seed corpus holds masked binary frames made
// from the codec corpus (tools: tests/fuzz/make_ws_corpus.py).
//
// The device reads the hub's frames through the same Beast code and codec, but only from a hub whose key it
// pins, so the hub's side (anyone with a device certificate, or a stolen one) is the one fuzzed here.
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fieldkit/protocol/codec.hpp>
#include <google/protobuf/stubs/logging.h>

namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

/** The upgrade a fieldkit device sends (the hub has read it before it accepts). */
constexpr std::string_view kUpgrade = "GET /sync/v1 HTTP/1.1\r\n"
                                      "Host: hub\r\n"
                                      "Upgrade: websocket\r\n"
                                      "Connection: Upgrade\r\n"
                                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                      "Sec-WebSocket-Version: 13\r\n\r\n";

/** At most this many messages per input, so one input cannot run for long. */
constexpr int kMaxMessages = 64;

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    google::protobuf::SetLogHandler(nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    boost::asio::io_context io;
    beast::test::stream socket(io);
    beast::test::stream device(io); // what the hub writes (the 101, pongs, a close) goes there
    socket.connect(device);
    socket.append(kUpgrade);
    socket.append(std::string_view(reinterpret_cast<const char*>(data), size));
    socket.close_remote(); // end of input: reads fail with eof instead of waiting

    websocket::stream<beast::test::stream&> ws(socket);
    boost::system::error_code ec;
    ws.accept(ec);
    if (ec) {
        std::abort(); // the upgrade is valid; only what follows it is fuzzed
    }
    ws.read_message_max(fieldkit::protocol::kMaxFrameBytes); // as hub_server.cpp sets it
    ws.binary(true);

    beast::flat_buffer buffer;
    for (int i = 0; i < kMaxMessages; ++i) {
        buffer.clear();
        ws.read(buffer, ec);
        if (ec) {
            break;
        }
        if (buffer.size() > fieldkit::protocol::kMaxFrameBytes) {
            std::abort(); // the message limit must hold whatever the framing says
        }
        const auto bytes = buffer.cdata();
        const std::string_view frame(static_cast<const char*>(bytes.data()), bytes.size());
        if (!fieldkit::protocol::checkFrameBounds(frame)) {
            continue;
        }
        auto envelope = fieldkit::protocol::decodeFrame(frame);
        if (envelope && envelope->has_push() &&
            static_cast<std::size_t>(envelope->push().ops_size()) > fieldkit::protocol::kMaxPushOps) {
            std::abort();
        }
    }
    return 0;
}
