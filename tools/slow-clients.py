#!/usr/bin/env python3
"""Slow-client attack on a running `pamyat serve` (issue 13, item 1).

Keeps N attacker connections open against the server for --duration seconds. Each attacker sends
one byte a second and never a line feed; when the server closes its connection it reconnects at
once, when the server refuses it with `busy` a second later. At the end it prints what happened:

  opened             connections the server accepted
  closed-by-timeout  of those, closed after the server answered {"error":"timeout",…}
  closed-other       of those, closed without a timeout answer (reset, idle close)
  refused-busy       connections answered `busy` at once (the server was at --max-connections)
  still-open         attackers connected when the run ended
  longest-held       the longest an attacker held a connection (seconds, to its close)

Usage: tools/slow-clients.py --port 7393 --attackers 64 --duration 600 [--json]
Standard library only; loopback only.
"""

import argparse
import json
import selectors
import socket
import sys
import time


class Attacker:
    def __init__(self, port):
        self.port = port
        self.sock = None
        self.opened_at = None
        self.received = b""
        self.next_byte_at = 0.0

    def connect(self, now):
        self.sock = socket.create_connection(("127.0.0.1", self.port))
        self.sock.setblocking(False)
        self.opened_at = now
        self.received = b""
        self.next_byte_at = now


def main():
    parser = argparse.ArgumentParser(description="slow-client attack on pamyat serve")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--attackers", type=int, default=64)
    parser.add_argument("--duration", type=float, default=600)
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = parser.parse_args()

    counts = {"opened": 0, "closed-by-timeout": 0, "closed-other": 0, "refused-busy": 0, "connect-failed": 0}
    longest = 0.0
    selector = selectors.DefaultSelector()
    attackers = [Attacker(args.port) for _ in range(args.attackers)]
    start = time.monotonic()
    end = start + args.duration

    def open_connection(attacker, now):
        try:
            attacker.connect(now)
        except OSError:
            counts["connect-failed"] += 1
            attacker.sock = None
            attacker.next_byte_at = now + 1.0  # try again in a second
            return
        selector.register(attacker.sock, selectors.EVENT_READ, attacker)

    def closed(attacker, now):
        nonlocal longest
        text = attacker.received.decode("utf-8", "replace")
        selector.unregister(attacker.sock)
        attacker.sock.close()
        attacker.sock = None
        if '"error":"busy"' in text:
            counts["refused-busy"] += 1
            attacker.next_byte_at = now + 1.0  # try again in a second
            return
        else:
            counts["opened"] += 1
            held = now - attacker.opened_at
            longest = max(longest, held)
            if '"error":"timeout"' in text:
                counts["closed-by-timeout"] += 1
            else:
                counts["closed-other"] += 1
        open_connection(attacker, now)

    now = time.monotonic()
    for attacker in attackers:
        open_connection(attacker, now)
    while True:
        now = time.monotonic()
        if now >= end:
            break
        for attacker in attackers:
            if attacker.sock is None:
                if now >= attacker.next_byte_at:
                    open_connection(attacker, now)
                continue
            if now >= attacker.next_byte_at:
                try:
                    attacker.sock.send(b"P")
                except OSError:
                    pass  # the read side sees the close
                attacker.next_byte_at = now + 1.0
        for key, _ in selector.select(timeout=0.05):
            attacker = key.data
            try:
                data = attacker.sock.recv(4096)
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                data = b""
            if data:
                attacker.received += data
            else:
                closed(attacker, time.monotonic())

    now = time.monotonic()
    still_open = [a for a in attackers if a.sock is not None]
    counts["opened"] += len(still_open)
    for attacker in still_open:
        longest = max(longest, now - attacker.opened_at)
        attacker.sock.close()
    summary = dict(counts, **{"still-open": len(still_open), "longest-held": round(longest, 1),
                              "attackers": args.attackers, "duration": args.duration})
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:18} {value}")


if __name__ == "__main__":
    sys.exit(main())
