#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_websocket: each codec seed as a masked binary WebSocket frame (as a client
sends it), plus a fragmented message, a ping and a close."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = b"\x37\xfa\x21\x3d"


def frame(payload: bytes, opcode: int = 2, fin: bool = True) -> bytes:
    head = bytes([(0x80 if fin else 0) | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack(">H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack(">Q", n)
    masked = bytes(b ^ MASK[i % 4] for i, b in enumerate(payload))
    return head + MASK + masked


def main() -> None:
    source = os.path.join(HERE, "corpus", "codec")
    target = os.path.join(HERE, "corpus", "websocket")
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        with open(os.path.join(source, name), "rb") as f:
            payload = f.read()
        with open(os.path.join(target, name), "wb") as f:
            f.write(frame(payload))
    with open(os.path.join(source, "push.bin"), "rb") as f:
        push = f.read()
    half = len(push) // 2
    with open(os.path.join(target, "fragmented_push.bin"), "wb") as f:
        f.write(frame(push[:half], fin=False) + frame(b"ping", opcode=9) + frame(push[half:], opcode=0))
    with open(os.path.join(target, "close.bin"), "wb") as f:
        f.write(frame(struct.pack(">H", 1000) + b"bye", opcode=8))


if __name__ == "__main__":
    main()
