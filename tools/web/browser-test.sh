#!/usr/bin/env bash
# The web page in a real browser (tools/web/browser_test.py): Debian's chromium and chromium-driver
# (make test installs them) driven by selenium from PyPI (in a venv under .build/). Builds nothing:
# give it the built pamyat. It serves a throwaway memory (the sample release ru–be added) with a
# token, on a free port, and fails loudly when chromium, the driver or the server cannot start.
# Usage: tools/web/browser-test.sh [PAMYAT]   (default .build/debug/pamyat, built by swift test)
set -euo pipefail
cd "$(dirname "$0")/../.."
PAMYAT=${1:-.build/debug/pamyat}
fail() { echo "browser-test: $*" >&2; exit 1; }
[ -x "$PAMYAT" ] || fail "no pamyat at $PAMYAT; build it first (swift build)."
for program in chromium chromedriver; do
  command -v "$program" >/dev/null || fail "$program is missing; install the Debian packages chromium and chromium-driver (make test-deps)."
done
VENV=.build/web-venv
if ! "$VENV/bin/python" -c 'import selenium' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q selenium
fi
WORK=$(mktemp -d)
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export PAMYAT_MEMORIES="$WORK/memories"
mkdir -p "$PAMYAT_MEMORIES"
S=memories/samples
"$PAMYAT" add "$S/press-release.ru.txt" "$S/press-release.be.txt" --title "Встреча с Генеральным секретарем ОДКБ" --date 2024-03-14 >/dev/null
# A review file as `pamyat add --review` writes it (into a scratch memory: nothing of it is served);
# --min-confidence 1 sends every bead short of certain to the file.
"$PAMYAT" add "$S/press-release.ru.txt" "$S/press-release.en.txt" --memory "$WORK/review-scratch.sqlite" \
  --min-confidence 1 --review "$WORK/press-release.review.tsv" >/dev/null
TOKEN=browser-test-$RANDOM$RANDOM
printf '%s\n' "$TOKEN" >"$WORK/token"
"$PAMYAT" serve --http 0 --token-file "$WORK/token" 2>"$WORK/serve.log" &
SERVER=$!
# Ready when the log names the port (polled, not a fixed sleep); 60 s at most.
URL=""
for _ in $(seq 600); do
  URL=$(grep -soE 'listening on http://127\.0\.0\.1:[0-9]+' "$WORK/serve.log" | head -1 | sed 's/listening on //') || true
  [ -n "$URL" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log" >&2; fail "pamyat serve exited before listening."; }
  sleep 0.1
done
[ -n "$URL" ] || { cat "$WORK/serve.log" >&2; fail "pamyat serve did not listen within 60 s."; }
SE_OFFLINE=true "$VENV/bin/python" tools/web/browser_test.py "$URL" "$TOKEN" "$S" .build/web-screenshots \
  "$WORK/press-release.review.tsv" \
  || { echo "--- server log" >&2; tail -20 "$WORK/serve.log" >&2; fail "the browser test failed."; }
