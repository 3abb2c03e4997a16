#!/usr/bin/env bash
# HTTP lookup throughput and latency of `pamyat serve --http` (issue 15), measured with wrk (Debian).
#
#   tools/http-bench.sh                 # 100,000-unit memory, 32 connections, 20 s
#   CONNECTIONS=64 SECONDS_=30 tools/http-bench.sh
#
# Needs the release build (.build/release/pamyat), tools/.data/match-100000.sqlite (see
# docs/PERFORMANCE.md: `pamyat-bench match-generate 100000`) and wrk (`apt-get install wrk`).
# Serves a copy of the memory read-only on loopback, samples 1,000 of its Russian sentences and
# changes one word in each (so lookups are fuzzy, not exact), then runs wrk with a Lua script that
# cycles through `GET /api/v1/lookup?q=…&from=ru&to=en` for them. Prints wrk's report (requests/s,
# latency percentiles) and the server's own count of answered requests from /metrics.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-7396}
CONNECTIONS=${CONNECTIONS:-32}
SECONDS_=${SECONDS_:-20}
THREADS=${THREADS:-2}
OUT=${OUT:-/tmp/http-bench}
PAMYAT=${PAMYAT:-.build/release/pamyat}
SOURCE=${SOURCE:-tools/.data/match-100000.sqlite}
for file in "$PAMYAT" "$SOURCE"; do
  [ -e "$file" ] || { echo "http-bench: $file is missing; see the header of $0" >&2; exit 66; }
done
command -v wrk > /dev/null || { echo "http-bench: wrk is missing: apt-get install wrk" >&2; exit 69; }
mkdir -p "$OUT"
cp "$SOURCE" "$OUT/memory.sqlite"
rm -f "$OUT/memory.sqlite-wal" "$OUT/memory.sqlite-shm"
[ -e "$SOURCE-fuzzyindex" ] && cp "$SOURCE-fuzzyindex" "$OUT/memory.sqlite-fuzzyindex"

python3 - "$OUT/memory.sqlite" "$OUT/lookups.lua" <<'PY'
import random, sqlite3, sys, urllib.parse
memory, script = sys.argv[1], sys.argv[2]
rows = sqlite3.connect(f"file:{memory}?mode=ro", uri=True).execute(
    "SELECT text FROM variants WHERE lang = 'ru' ORDER BY id LIMIT 20000").fetchall()
rng = random.Random(1)
paths = []
for (text,) in rng.sample(rows, 1000):
    words = text.split(" ")
    if len(words) > 3:
        words[rng.randrange(1, len(words) - 1)] = "изменено"
    q = urllib.parse.quote(" ".join(words), safe="")
    paths.append(f"/api/v1/lookup?from=ru&to=en&q={q}")
with open(script, "w") as out:
    out.write("local paths = {\n")
    for path in paths:
        out.write(f'  "{path}",\n')
    out.write("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
PY

"$PAMYAT" serve --memory "$OUT/memory.sqlite" --http "$PORT" --read-only --log-level warning 2> "$OUT/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/api/v1/stats" > /dev/null && break
  sleep 0.1
done
# A warm-up pass so that the figures are of a served memory, not of its first lookups.
wrk -t "$THREADS" -c "$CONNECTIONS" -d 3s -s "$OUT/lookups.lua" "http://127.0.0.1:$PORT" > /dev/null
echo "http-bench: $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_}s" --latency -s "$OUT/lookups.lua" "http://127.0.0.1:$PORT"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^pamyat_http_requests_total\{route="/api/v1/lookup"' || true
