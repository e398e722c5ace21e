"""Hostile inputs for ``benchmarks/reliability.py`` at full size (and for the tests, small): written to disk as they are made."""

from __future__ import annotations

import io
import json
import random
import socket
import struct
import threading
import time
import zlib
from pathlib import Path

WORDS = ("council minister bridge harbour budget election strike court police hospital school river market "
         "railway airport senator governor protest treaty summit ceasefire drought harvest factory union").split()
OUTLETS = ["Valley News", "Harbour Gazette", "Daily Planet", "Morning Herald"]


def rows(n: int, seed: int = 1):
    """Short article rows (about 160 bytes each in CSV, as a media-monitoring export)."""
    rng = random.Random(seed)
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(18))
        yield {"title": f"Report {i}: {rng.choice(WORDS)} {rng.choice(WORDS)}", "text": f"Row {i}. The {words}.",
               "outlet": OUTLETS[i % 4], "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}


def write_csv(path: Path, n: int, seed: int = 1) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("title,text,outlet,date\n")
        for row in rows(n, seed):
            f.write(",".join(f'"{v}"' for v in row.values()) + "\n")
    return path


def write_jsonl(path: Path, n: int, seed: int = 1) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows(n, seed):
            f.write(json.dumps(row) + "\n")
    return path


def write_long_text(path: Path, chars: int, seed: int = 3) -> Path:
    """One article of ``chars`` characters: paragraphs of news prose, each its own (repeats are boilerplate)."""
    rng = random.Random(seed)
    people = ["Vladimir Putin", "Kim Jong Un", "Antony Blinken", "Xi Jinping", "Olaf Scholz", "Emmanuel Macron"]
    places = ["Pyongyang", "Moscow", "Washington", "Beijing", "Berlin", "Paris", "Seoul", "Tokyo"]
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write("A very long report on the summit\n")
        n = 0
        while size < chars:
            n += 1
            para = (f"In round {n} of the talks, {rng.choice(people)} met {rng.choice(people)} in {rng.choice(places)}, "
                    f"where the {rng.choice(WORDS)} and the {rng.choice(WORDS)} were discussed. "
                    f"\"We will not accept this {rng.choice(WORDS)},\" said {rng.choice(people)} in {rng.choice(places)}.\n")
            f.write(para)
            size += len(para)
    return path


def raw_zip(path: Path, names: list[str], data: bytes, *, shared: bool) -> Path:
    """Every name holds ``data`` (deflated once); ``shared``: all entries point at the first one's bytes."""
    packed = zlib.compress(data, 9)[2:-4]
    crc = zlib.crc32(data)
    central = io.BytesIO()
    first = None
    with open(path, "wb") as out:
        for name in names:
            encoded = name.encode()
            if not shared or first is None:
                offset = out.tell()
                out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(packed), len(data),
                                      len(encoded), 0) + encoded + packed)
                first = offset if first is None else first
            else:
                offset = first
            central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(packed),
                                      len(data), len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        start = out.tell()
        out.write(central.getvalue())
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(names), len(names), len(central.getvalue()), start, 0))
    return path


def member_text(size: int, seed: int = 5) -> bytes:
    """Text that compresses a few hundred times, as the hostile 1 MiB members did."""
    rng = random.Random(seed)
    line = " ".join(rng.choice(WORDS) for _ in range(40)).encode() + b"\n"
    return (b"Harbour bridge\n" + line * (size // len(line) + 1))[:size]


class DripServer:
    """Answers one request on 127.0.0.1 a byte every ``interval`` seconds (its headers or its body), at most
    ``total`` bytes; it stops when the client hangs up, and ``sent`` says how many bytes it had sent by then."""

    def __init__(self, interval: float, total: int, phase: str = "body"):
        self.interval, self.total, self.phase, self.sent = interval, total, phase, 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(10)  # a client that never comes does not keep it waiting
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}/drip"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            connection, _ = self._listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(65536)  # the request
            head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % self.total
            if self.phase == "body":
                connection.sendall(head)
                drip = b"x" * self.total
            else:
                drip = (head + b"x" * self.total)[:self.total]
            try:
                for byte in drip:
                    connection.sendall(bytes([byte]))
                    self.sent += 1
                    time.sleep(self.interval)
            except OSError:  # the client hung up
                pass

    def close(self) -> None:
        self._thread.join(timeout=60)
        self._listener.close()
