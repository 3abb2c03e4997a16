#!/usr/bin/env bash
# Analysis of a 5,000-sentence document against a 1,000,000-unit memory (issue 16's speed figure).
#
#   tools/analyze-bench.sh               # SIZE=1000000 SENTENCES=5000
#   SIZE=100000 tools/analyze-bench.sh
#
# Needs the release builds of pamyat (`make build`) and of the benchmarks
# (`swift build -c release --package-path tools --product pamyat-bench`). Generates the memory if it is
# not there yet (`pamyat-bench match-generate SIZE`, tools/.data/match-SIZE.sqlite, a few minutes at 1M)
# and the document (`pamyat-bench analyze-document SIZE SENTENCES`: a third stored sentences, a third
# changed ones, a third new). Works on a copy of the memory, so its index cache is built here:
#   1. `pamyat analyze` with no index cache beside the memory (the first analysis: builds the index),
#   2. `pamyat analyze` again, twice (the index cache is loaded) — the everyday case,
#   3. `pamyat lookup` of one sentence (what opening the memory and its index costs alone).
# Prints each run's wall and CPU time and peak RSS (/usr/bin/time), and the analysis's totals.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1000000}
SENTENCES=${SENTENCES:-5000}
PAMYAT=${PAMYAT:-.build/release/pamyat}
BENCH=${BENCH:-tools/.build/release/pamyat-bench}
OUT=${OUT:-/tmp/analyze-bench}
for file in "$PAMYAT" "$BENCH"; do
  [ -x "$file" ] || { echo "analyze-bench: $file is missing; see the header of $0" >&2; exit 66; }
done
[ -x /usr/bin/time ] || { echo "analyze-bench: /usr/bin/time is missing: apt-get install time" >&2; exit 69; }
SOURCE=tools/.data/match-$SIZE.sqlite
[ -e "$SOURCE" ] || "$BENCH" match-generate "$SIZE"
DOC=$("$BENCH" analyze-document "$SIZE" "$SENTENCES")
mkdir -p "$OUT"
rm -f "$OUT"/memory.sqlite*
cp "$SOURCE" "$OUT/memory.sqlite"
echo "document: $DOC ($SENTENCES sentences, $(wc -l < "$DOC") paragraphs); memory: a copy of $SOURCE; load $(cut -d' ' -f1-3 /proc/loadavg)"

run() {  # run LABEL COMMAND…: time one command, print its figures
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" "$@" > "$OUT/out" 2> "$OUT/err" || {
    echo "analyze-bench: $label failed:" >&2; cat "$OUT/err" >&2; exit 1; }
  read -r wall user sys rss < "$OUT/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-36s wall %6.2f s  cpu %6.2f s  peak RSS %5d MiB\n", l, w, u + s, r / 1024 }'
}
run "analyze (builds the index)" "$PAMYAT" analyze "$DOC" --from ru --to en --memory "$OUT/memory.sqlite" --json
run "analyze (index cache loaded)" "$PAMYAT" analyze "$DOC" --from ru --to en --memory "$OUT/memory.sqlite" --json
run "analyze (index cache loaded)" "$PAMYAT" analyze "$DOC" --from ru --to en --memory "$OUT/memory.sqlite" --json
python3 -c '
import json, sys
report = json.load(open(sys.argv[1]))
bands = report["total"]["bands"]
print("segments per band:", ", ".join(name + " " + str(bands[name]["segments"]) for name in report["bands"]))' "$OUT/out"
run "lookup of one sentence (open only)" "$PAMYAT" lookup --from ru --to en --memory "$OUT/memory.sqlite" "$(head -1 "$DOC" | cut -d. -f1)."
