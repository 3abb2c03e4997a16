#!/usr/bin/env bash
# The server soak of docs/PERFORMANCE.md with a slow-client attack alongside (issue 13, item 1).
#
#   tools/soak-with-attack.sh            # 10 minutes after a 1-minute warm-up
#   DURATION=60 WARMUP=5 tools/soak-with-attack.sh
#
# Needs the release builds (`swift build -c release --product pamyat`, `swift build -c release
# --package-path tools`) and the 100,000-unit memory (`tools/.build/release/pamyat-bench
# match-generate 100000`). Starts `pamyat serve` on a copy of that memory with a short idle timeout
# (IDLE seconds) and MAX_CONNECTIONS slots; pamyat-load drives 32 normal connections of LOOKUP and
# ADD (1 in 400) and checks that no ADD is lost; 5 s later tools/slow-clients.py starts ATTACKERS
# connections that send a byte a second and never a line feed, reconnecting whenever they are
# closed or refused, until 10 s before the load ends (the load tool's closing STATS needs a
# connection slot). Prints the load tool's report, then the attackers'.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}
WARMUP=${WARMUP:-60}
ATTACKERS=${ATTACKERS:-64}
IDLE=${IDLE:-10}
MAX_CONNECTIONS=${MAX_CONNECTIONS:-64}
PORT=${PORT:-7393}
OUT=${OUT:-/tmp/soak-with-attack}
PAMYAT=.build/release/pamyat
LOAD=tools/.build/release/pamyat-load
SOURCE=tools/.data/match-100000.sqlite

for file in "$PAMYAT" "$LOAD" "$SOURCE"; do
  [ -e "$file" ] || { echo "soak-with-attack: $file is missing; see the header of $0" >&2; exit 66; }
done
mkdir -p "$OUT"
cp "$SOURCE" "$OUT/memory.sqlite"
rm -f "$OUT/memory.sqlite-wal" "$OUT/memory.sqlite-shm"
[ -e "$SOURCE-fuzzyindex" ] && cp "$SOURCE-fuzzyindex" "$OUT/memory.sqlite-fuzzyindex"

"$PAMYAT" serve --memory "$OUT/memory.sqlite" --port "$PORT" --idle-timeout "$IDLE" \
  --max-connections "$MAX_CONNECTIONS" --log-level notice 2> "$OUT/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
# Wait until the server listens.
until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $PORT)).close()" 2>/dev/null; do
  kill -0 $SERVER 2>/dev/null || { echo "soak-with-attack: the server stopped; see $OUT/server.log" >&2; exit 70; }
  sleep 0.2
done

"$LOAD" --port "$PORT" --connections 32 --duration "$DURATION" --warmup "$WARMUP" \
  --mix lookup=399,add=1 --sample-from "$OUT/memory.sqlite" --server-pid "$SERVER" --sample-every 30 \
  --check-adds > "$OUT/load.txt" 2>&1 &
LOADER=$!
sleep 5  # the normal connections are open before the attack starts
python3 tools/slow-clients.py --port "$PORT" --attackers "$ATTACKERS" \
  --duration "$(python3 -c "print($WARMUP + $DURATION - 15)")" > "$OUT/attack.txt" 2>&1 &
ATTACK=$!
LOAD_STATUS=0; wait $LOADER || LOAD_STATUS=$?
ATTACK_STATUS=0; wait $ATTACK || ATTACK_STATUS=$?
kill $SERVER; wait $SERVER || true
trap - EXIT

echo "== normal clients (pamyat-load, exit $LOAD_STATUS): $OUT/load.txt"
cat "$OUT/load.txt"
echo "== attackers (slow-clients.py, exit $ATTACK_STATUS, idle timeout $IDLE s, $MAX_CONNECTIONS slots): $OUT/attack.txt"
cat "$OUT/attack.txt"
