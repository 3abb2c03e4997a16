#!/usr/bin/env bash
# Builds pamyat's libFuzzer targets and runs each for a bounded time (docs/FUZZING.md).
#
#   tools/fuzz/run.sh                                # every target, 60 s each
#   FUZZ_SECONDS=600 tools/fuzz/run.sh               # 10 minutes each
#   FUZZ_TARGETS="request lines" tools/fuzz/run.sh   # some of them
#
# Targets: xml-reader (C, CXMLShim), tmx, xliff, request, lines, html, segmenter (Swift, tools/fuzz/Sources).
# Everything is built in .build-fuzz/ (the Swift ones with -sanitize=fuzzer,address, the C one with
# -fsanitize=fuzzer,address,undefined). Each target's corpus grows in .build-fuzz/corpus/TARGET,
# seeded from tools/fuzz/corpus/; a crash is saved as .build-fuzz/artifacts/TARGET-crash-*. Prints a
# line per target (executions, coverage, features) and exits 1 if any target found a crash.
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"xml-reader tmx xliff request lines html segmenter"}
OUT=.build-fuzz
mkdir -p "$OUT/artifacts" "$OUT/logs"

swift_targets=()
for target in $FUZZ_TARGETS; do
  case "$target" in
    xml-reader) ;;
    tmx | xliff | request | lines | html | segmenter) swift_targets+=("fuzz-$target") ;;
    *) echo "run.sh: unknown target '$target'; the targets are xml-reader tmx xliff request lines html segmenter" >&2; exit 64 ;;
  esac
done

if [[ " $FUZZ_TARGETS " == *" xml-reader "* ]]; then
  clang -g -O1 -fsanitize=fuzzer,address,undefined -ISources/CXMLShim/include $(pkg-config --cflags libxml-2.0) \
    tools/fuzz/fuzz_xml_reader.c Sources/CXMLShim/xml_reader.c $(pkg-config --libs libxml-2.0) -o "$OUT/fuzz-xml-reader" 2>&1 \
    | { grep -v "Cannot export local symbol" || true; }  # gold's warnings about ASan's symbols say nothing
fi
if [ ${#swift_targets[@]} -gt 0 ]; then
  # Only the products asked for (tmx, html and segmenter need neither SwiftNIO nor GRDB); what they
  # share is built once, in the same scratch path. Compiler progress and warnings are not shown.
  for product in "${swift_targets[@]}"; do
    swift build --package-path tools/fuzz --scratch-path "$PWD/$OUT" --product "$product" \
      -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -E 'error:|Build complete' || true
  done
  for product in "${swift_targets[@]}"; do
    [ -x "$OUT/debug/$product" ] || { echo "run.sh: $product was not built; see the build output above" >&2; exit 70; }
  done
fi

failed=0
for target in $FUZZ_TARGETS; do
  case "$target" in
    xml-reader) seeds=tools/fuzz/corpus/tmx; dict=tools/fuzz/tmx.dict; max_len=65536; binary="$OUT/fuzz-xml-reader" ;;
    tmx) seeds=tools/fuzz/corpus/tmx; dict=tools/fuzz/tmx.dict; max_len=65536; binary="$OUT/debug/fuzz-tmx" ;;
    xliff) seeds=tools/fuzz/corpus/xliff; dict=tools/fuzz/xliff.dict; max_len=65536; binary="$OUT/debug/fuzz-xliff" ;;
    request) seeds=tools/fuzz/corpus/request; dict=tools/fuzz/request.dict; max_len=8192; binary="$OUT/debug/fuzz-request" ;;
    lines) seeds=tools/fuzz/corpus/lines; dict=""; max_len=4096; binary="$OUT/debug/fuzz-lines" ;;
    html) seeds=tools/fuzz/corpus/html; dict=tools/fuzz/html.dict; max_len=16384; binary="$OUT/debug/fuzz-html" ;;
    segmenter) seeds=tools/fuzz/corpus/segmenter; dict=tools/fuzz/segmenter.dict; max_len=4096; binary="$OUT/debug/fuzz-segmenter" ;;
  esac
  corpus="$OUT/corpus/$target"
  mkdir -p "$corpus"
  log="$OUT/logs/$target.log"
  # The first corpus folder is where new inputs go; the seeds in the repository are only read.
  # Leak checks are off: the Swift runtime's and ICU's caches live as long as the process.
  status=0
  export SWIFT_BACKTRACE=enable=no  # the Swift backtracer trips ASan after a failed check
  "$binary" -max_total_time="$FUZZ_SECONDS" -max_len="$max_len" -timeout=30 -rss_limit_mb=4096 -detect_leaks=0 \
    -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$target-" ${dict:+-dict="$dict"} "$corpus" "$seeds" >"$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  coverage=$(grep -E '^#[0-9]+' "$log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -1 || true)
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "fuzz $target: FAILED after ${runs} runs (${coverage}); see $log and $OUT/artifacts/$target-*"
    grep -m 5 -E 'ERROR|Fatal error|fuzz check failed|SUMMARY' "$log" || true
  else
    echo "fuzz $target: ${runs} runs in ${FUZZ_SECONDS} s, ${coverage}, corpus $(ls "$corpus" | wc -l) files, no crash"
  fi
done
exit $failed
