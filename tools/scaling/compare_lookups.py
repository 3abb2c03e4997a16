#!/usr/bin/env python3
"""Sends the same LOOKUPs to two running `pamyat serve` nodes (line protocol) and checks that they
answer the same: every match's score, source, target, diff, flags and provenance, in the same order
(the unit ids and memory names may differ between two stores). Prints how many answers agreed and
each node's client-side latency percentiles; exits 1 when any answer differs.

  python3 tools/scaling/compare_lookups.py --tmx FILE --every 500 --a 127.0.0.1:PORT1 --b 127.0.0.1:PORT2

The queries are the Russian sources of every EVERY-th unit of the TMX file, every other one with its
last word dropped (half exact, half fuzzy matches)."""
import argparse, json, re, socket, sys, time


class Node:
    def __init__(self, address):
        host, port = address.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)))
        self.file = self.sock.makefile("rwb")
        self.times = []

    def ask(self, line):
        start = time.perf_counter()
        self.file.write((line + "\n").encode())
        self.file.flush()
        answer = self.file.readline()
        self.times.append(time.perf_counter() - start)
        return json.loads(answer)


def comparable(answer):
    if not answer.get("ok"):
        return answer
    return [{k: v for k, v in m.items() if k not in ("unit", "memory")} for m in answer["matches"]]


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tmx", required=True)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--a", required=True)
    parser.add_argument("--b", required=True)
    args = parser.parse_args()
    # A Russian <tuv> and its <seg>, on one line or on the next (pamyat's exports indent them).
    seg = re.compile(r'<seg>([^<]*)</seg>')
    queries = []
    russian = False
    units = 0
    with open(args.tmx, encoding="utf-8") as tmx:
        for line in tmx:
            if '<tuv xml:lang="ru"' in line:
                russian = True
            found = seg.search(line) if russian else None
            if found:
                russian = False
                units += 1
            if found and units % args.every == 0:
                text = found.group(1)
                if len(queries) % 2 == 1 and len(text.split()) > 3:
                    text = " ".join(text.split()[:-1])
                queries.append(text)
    a, b = Node(args.a), Node(args.b)
    same = matched = 0
    for text in queries:
        line = 'LOOKUP ru en "%s" limit=5' % text.replace("\\", "\\\\").replace('"', '\\"')
        x, y = comparable(a.ask(line)), comparable(b.ask(line))
        if x == y:
            same += 1
            matched += bool(x)
        else:
            print("differ: %s\n  a: %s\n  b: %s" % (text, json.dumps(x, ensure_ascii=False)[:400], json.dumps(y, ensure_ascii=False)[:400]))
    print("%d of %d LOOKUP answers the same (%d with matches)" % (same, len(queries), matched))
    for name, node in (("a", a), ("b", b)):
        print("%s %s: p50 %.2f ms, p99 %.2f ms (client-side, one at a time)" % (
            name, getattr(args, name), percentile(node.times, 0.5), percentile(node.times, 0.99)))
    sys.exit(0 if same == len(queries) else 1)


main()
