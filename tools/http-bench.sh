#!/usr/bin/env bash
# HTTP lookup throughput and latency of `pamyat serve --http` (issue 15), measured with wrk (Debian),
# beside the line protocol's LOOKUP on the same memory and queries (pamyat-load) as a reference.
#
#   tools/http-bench.sh                 # 100,000-unit memory, 32 connections, 20 s
#   CONNECTIONS=64 SECONDS_=30 tools/http-bench.sh
#   PAMYAT=/tmp/pamyat-before tools/http-bench.sh    # another build, to compare (run them alternately)
#   ENDPOINT=tmserver tools/http-bench.sh            # GET /tmserver/ru/en/unit/{text}, as CAT tools ask
#
# Needs the release build (.build/release/pamyat), tools/.data/match-100000.sqlite (see
# docs/PERFORMANCE.md: `pamyat-bench match-generate 100000`) and wrk (`apt-get install wrk`); with
# tools/.build/release/pamyat-load (`swift build -c release --package-path tools`) it runs the line
# protocol too (LINE=0 skips it). Serves a copy of the memory read-only on loopback (HTTP and line
# protocol in one process), samples 1,000 of its Russian sentences and changes one word in each (so
# lookups are fuzzy, not exact), then runs wrk with a Lua script that cycles through
# `GET /api/v1/lookup?q=…&from=ru&to=en` (ENDPOINT=tmserver: `GET /tmserver/ru/en/unit/…`) for
# them, and pamyat-load with the same 1,000 texts. Prints
# wrk's report (requests/s, latency percentiles), the server's CPU time during each run (requests per
# CPU-second: what the machine's load changes least), wrk's own CPU time (the load generator shares
# the machine's cores) and the server's own count from /metrics.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-$((20000 + RANDOM % 20000))}
LINE_PORT=${LINE_PORT:-$((40000 + RANDOM % 20000))}
CONNECTIONS=${CONNECTIONS:-32}
SECONDS_=${SECONDS_:-20}
THREADS=${THREADS:-2}
OUT=${OUT:-/tmp/http-bench-$$}
PAMYAT=${PAMYAT:-.build/release/pamyat}
LOAD=${LOAD:-tools/.build/release/pamyat-load}
LINE=${LINE:-1}
SOURCE=${SOURCE:-tools/.data/match-100000.sqlite}
ENDPOINT=${ENDPOINT:-api}
case "$ENDPOINT" in api|tmserver) ;; *) echo "http-bench: ENDPOINT=$ENDPOINT is not api or tmserver" >&2; exit 64 ;; esac
for file in "$PAMYAT" "$SOURCE"; do
  [ -e "$file" ] || { echo "http-bench: $file is missing; see the header of $0" >&2; exit 66; }
done
command -v wrk > /dev/null || { echo "http-bench: wrk is missing: apt-get install wrk" >&2; exit 69; }
[ -x "$LOAD" ] || LINE=0
mkdir -p "$OUT"
cp "$SOURCE" "$OUT/memory.sqlite"
rm -f "$OUT/memory.sqlite-wal" "$OUT/memory.sqlite-shm"
[ -e "$SOURCE-fuzzyindex" ] && cp "$SOURCE-fuzzyindex" "$OUT/memory.sqlite-fuzzyindex"

python3 - "$OUT/memory.sqlite" "$OUT/lookups.lua" "$OUT/queries.txt" "$ENDPOINT" <<'PY'
import random, sqlite3, sys, urllib.parse
memory, script, queries, endpoint = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
rows = sqlite3.connect(f"file:{memory}?mode=ro", uri=True).execute(
    "SELECT text FROM variants WHERE lang = 'ru' ORDER BY id LIMIT 20000").fetchall()
rng = random.Random(1)
paths, texts = [], []
for (text,) in rng.sample(rows, 1000):
    words = text.split(" ")
    if len(words) > 3:
        words[rng.randrange(1, len(words) - 1)] = "изменено"
    texts.append(" ".join(words))
    q = urllib.parse.quote(texts[-1], safe="")
    paths.append(f"/tmserver/ru/en/unit/{q}" if endpoint == "tmserver" else f"/api/v1/lookup?from=ru&to=en&q={q}")
with open(queries, "w") as out:
    out.write("".join(text + "\n" for text in texts))
with open(script, "w") as out:
    out.write("local paths = {\n")
    for path in paths:
        out.write(f'  "{path}",\n')
    out.write("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
PY

LINE_OPTION=()
[ "$LINE" = 1 ] && LINE_OPTION=(--port "$LINE_PORT")
"$PAMYAT" serve --memory "$OUT/memory.sqlite" --http "$PORT" "${LINE_OPTION[@]}" --read-only --log-level warning 2> "$OUT/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$OUT"/memory.sqlite*' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/api/v1/stats" > /dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/server.log" >&2; exit 70; }
  sleep 0.1
done
# The server's CPU time so far (user + system), in seconds.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER/stat"; }
# A warm-up pass so that the figures are of a served memory, not of its first lookups.
wrk -t "$THREADS" -c "$CONNECTIONS" -d 3s -s "$OUT/lookups.lua" "http://127.0.0.1:$PORT" > /dev/null
echo "http-bench: $ENDPOINT, $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $PAMYAT, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
before=$(cpu)
/usr/bin/time -o "$OUT/wrk.time" -f '%U %S' \
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "${SECONDS_}s" --latency -s "$OUT/lookups.lua" "http://127.0.0.1:$PORT" | tee "$OUT/wrk.txt"
after=$(cpu)
requests=$(awk '/requests in/ { print $1 }' "$OUT/wrk.txt")
echo "HTTP: server CPU $(echo "$after - $before" | bc) s for $requests requests: $(echo "scale=0; $requests / ($after - $before)" | bc) requests per CPU-second;" \
  "wrk CPU $(awk '{ print $1 + $2 }' "$OUT/wrk.time") s; load $(cut -d' ' -f1 /proc/loadavg) at the end"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^pamyat_http_requests_total\{route="/(api/v1/lookup|tmserver)' || true
if [ "$LINE" = 1 ]; then
  echo "line protocol, the same 1,000 texts: pamyat-load --connections $CONNECTIONS --depth 1 --duration $SECONDS_"
  before=$(cpu)
  "$LOAD" --port "$LINE_PORT" --connections "$CONNECTIONS" --depth 1 --duration "$SECONDS_" --warmup 3 --queries "$OUT/queries.txt" | tee "$OUT/load.txt"
  after=$(cpu)
  echo "line: server CPU $(echo "$after - $before" | bc) s (warm-up included)"
fi
