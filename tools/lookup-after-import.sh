#!/usr/bin/env bash
# The first LOOKUP after another process imports many units into a served memory (issue 13, item 12).
#
#   tools/lookup-after-import.sh            # 200,000 units into a copy of the 100,000-unit memory
#   UNITS=50000 tools/lookup-after-import.sh
#
# PAMYAT, BENCH and SOURCE override the binaries and the memory (e.g. to measure another build).
# Needs the release builds and tools/.data/match-100000.sqlite (see docs/PERFORMANCE.md). Serves a
# copy of that memory, imports a generated TMX file of UNITS units into it with `pamyat import` (a
# second process), then times the first LOOKUP after the import, reads STATS, and polls STATS until
# the index has caught up (`indexBehind` 0), timing that.
set -euo pipefail
cd "$(dirname "$0")/.."

UNITS=${UNITS:-200000}
PORT=${PORT:-7394}
OUT=${OUT:-/tmp/lookup-after-import}
PAMYAT=${PAMYAT:-.build/release/pamyat}
BENCH=${BENCH:-tools/.build/release/pamyat-bench}
SOURCE=${SOURCE:-tools/.data/match-100000.sqlite}
for file in "$PAMYAT" "$BENCH" "$SOURCE"; do
  [ -e "$file" ] || { echo "lookup-after-import: $file is missing; see the header of $0" >&2; exit 66; }
done
mkdir -p "$OUT"
[ -e "$OUT/input.tmx" ] && [ "$(cat "$OUT/units" 2>/dev/null)" = "$UNITS" ] || {
  "$BENCH" tmx --phase write "$OUT" "$UNITS" > /dev/null && echo "$UNITS" > "$OUT/units"; }
cp "$SOURCE" "$OUT/memory.sqlite"
rm -f "$OUT/memory.sqlite-wal" "$OUT/memory.sqlite-shm"
[ -e "$SOURCE-fuzzyindex" ] && cp "$SOURCE-fuzzyindex" "$OUT/memory.sqlite-fuzzyindex"

"$PAMYAT" serve --memory "$OUT/memory.sqlite" --port "$PORT" --log-level warning 2> "$OUT/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT

python3 - "$PORT" "$PAMYAT" "$OUT/input.tmx" "$OUT/memory.sqlite" <<'PY'
import json, socket, subprocess, sys, time
port, pamyat, tmx, memory = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
while True:
    try:
        sock = socket.create_connection(("127.0.0.1", port)); break
    except OSError:
        time.sleep(0.2)
reader = sock.makefile("rb")
def request(line):
    start = time.monotonic()
    sock.sendall(line.encode() + b"\n")
    answer = json.loads(reader.readline())
    return answer, (time.monotonic() - start) * 1000
query = "LOOKUP ru en " + json.dumps("Президент провёл совещание с членами правительства.", ensure_ascii=False)
_, before = request(query)
start = time.monotonic()
subprocess.run([pamyat, "import", tmx, "--memory", memory], check=True, stdout=subprocess.DEVNULL)
imported = time.monotonic() - start
answer, first = request(query)
stats, _ = request("STATS")
caught_start = time.monotonic()
polls = 0
while True:
    now, _ = request("STATS")
    polls += 1
    if now.get("indexBehind", 0) == 0 and not now.get("indexCatchingUp", False): break
    time.sleep(0.1)
caught = time.monotonic() - caught_start
answer2, after = request(query)
print(f"lookup before the import      {before:.1f} ms")
print(f"import (another process)      {imported:.1f} s, units {stats['units']}")
print(f"first lookup after it         {first:.1f} ms ({'ok' if answer.get('ok') else answer})")
print(f"STATS right after             indexBehind {stats.get('indexBehind', '-')}, indexCatchingUp {stats.get('indexCatchingUp', '-')}")
print(f"index caught up               {caught:.1f} s after the first lookup ({polls} STATS polls)")
print(f"lookup after the catch-up     {after:.1f} ms")
PY
kill $SERVER; wait $SERVER 2>/dev/null || true
trap - EXIT
