#!/usr/bin/env bash
# make demo: the main job on the sample documents and the default memory (memories/default.sqlite).
# Run from the repository root after a release build; PAMYAT points at the executable.
set -eu
PAMYAT=${PAMYAT:-.build/release/pamyat}
SAMPLES=memories/samples
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "$2"; }

step "Segment the Russian original into sentences (first 8)" "pamyat segment --lang ru $SAMPLES/press-release.ru.txt | head -8"
"$PAMYAT" segment --lang ru "$SAMPLES/press-release.ru.txt" | head -8

step "Align the original with its English release (first 5 pairs; score, source, target)" \
  "pamyat align $SAMPLES/press-release.ru.txt $SAMPLES/press-release.en.txt | head -5"
"$PAMYAT" align "$SAMPLES/press-release.ru.txt" "$SAMPLES/press-release.en.txt" | head -5

step "Add the original and both translations to the default memory (again: 'already present')" \
  "pamyat add $SAMPLES/press-release.ru.txt $SAMPLES/press-release.en.txt $SAMPLES/press-release.be.txt"
"$PAMYAT" add "$SAMPLES/press-release.ru.txt" "$SAMPLES/press-release.en.txt" "$SAMPLES/press-release.be.txt" \
  --title "Встреча с Генеральным секретарем ОДКБ" --date 2024-03-14

step "What the memory holds" "pamyat stats"
"$PAMYAT" stats

step "Look up an exact sentence" "pamyat lookup --from ru --to en \"Встреча прошла во Дворце Независимости и продолжалась более двух часов.\""
"$PAMYAT" lookup --from ru --to en "Встреча прошла во Дворце Независимости и продолжалась более двух часов."

step "Look up a sentence that differs in a number: the translation is adapted" \
  "pamyat lookup --from ru --to en \"А.Г. Лукашенко напомнил, что программа белорусского председательства включает 30 мероприятий.\""
"$PAMYAT" lookup --from ru --to en "А.Г. Лукашенко напомнил, что программа белорусского председательства включает 30 мероприятий."

step "Look up a fuzzy sentence (other words at the end)" \
  "pamyat lookup --from ru --to en \"Президент подчеркнул, что ни одно государство не будут заставлять действовать вопреки интересам союзников.\""
"$PAMYAT" lookup --from ru --to en "Президент подчеркнул, что ни одно государство не будут заставлять действовать вопреки интересам союзников."

step "The same memory answers ru→be too" "pamyat lookup --from ru --to be \"Встреча прошла во Дворце Независимости и продолжалась более трех часов.\""
"$PAMYAT" lookup --from ru --to be "Встреча прошла во Дворце Независимости и продолжалась более трех часов."

step "Look up a sentence the memory has never seen" "pamyat lookup --from ru --to en \"Погода сегодня солнечная.\""
"$PAMYAT" lookup --from ru --to en "Погода сегодня солнечная." || true

step "Concordance: every sentence with «ОДКБ» and its English (first 3)" "pamyat concordance --lang ru --to en --limit 3 ОДКБ"
"$PAMYAT" concordance --lang ru --to en --limit 3 ОДКБ

step "Analyse a new release (two numbers changed, a sentence added) against the memory" \
  "pamyat analyze .build/new-release.ru.txt --from ru --to en"
sed -e 's/27 мероприятий/30 мероприятий/' -e 's/подготовил 15 документов/подготовил 18 новых документов/' \
  -e '$a Пресс-служба сообщит о следующей встрече дополнительно.' "$SAMPLES/press-release.ru.txt" >.build/new-release.ru.txt
"$PAMYAT" analyze .build/new-release.ru.txt --from ru --to en

step "Export the ru-en pairs as TMX 1.4b and validate it against the DTD" \
  "pamyat export .build/demo.tmx --from ru --to en && xmllint --noout --dtdvalid Tests/PamyatTMXTests/Fixtures/tmx14.dtd .build/demo.tmx"
"$PAMYAT" export .build/demo.tmx --from ru --to en
if command -v xmllint >/dev/null 2>&1; then
  xmllint --noout --dtdvalid Tests/PamyatTMXTests/Fixtures/tmx14.dtd .build/demo.tmx && echo ".build/demo.tmx is valid TMX 1.4b"
else
  echo "(xmllint not installed: make deps installs libxml2-utils)"
fi

step "Serve the memory over TCP and HTTP, and send a LOOKUP with a plain TCP client (bash's /dev/tcp)" \
  "pamyat serve --port 0 --http 0 --read-only & … printf 'LOOKUP ru en \"…\" limit=1\\n' >/dev/tcp/127.0.0.1/PORT"
# The server says where it listens in its log (standard error): read it through a pipe until both
# addresses are there, then keep draining it into the log file so that it never blocks on a full pipe.
LOG=.build/demo-serve.log
FIFO=.build/demo-serve.fifo
rm -f "$FIFO" && mkfifo "$FIFO"
"$PAMYAT" serve --port 0 --http 0 --read-only 2>"$FIFO" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -f "$FIFO"' EXIT
exec 4<"$FIFO"
: >"$LOG"
PORT="" URL=""
while { [ -z "$PORT" ] || [ -z "$URL" ]; } && IFS= read -r -t 120 line <&4; do
  printf '%s\n' "$line" >>"$LOG"
  case $line in
    *"HTTP API listening on http://"*) URL=${line##*listening on } ;;
    *"[PamyatServer] listening on 127.0.0.1:"*) PORT=${line##*127.0.0.1:} ;;
  esac
done
cat <&4 >>"$LOG" &
exec 4<&-
if [ -z "$PORT" ] || [ -z "$URL" ]; then echo "the server did not start:"; cat "$LOG"; exit 1; fi
echo "server listening on 127.0.0.1:$PORT (line protocol) and $URL (HTTP)"
exec 3<>"/dev/tcp/127.0.0.1/$PORT"
printf '%s\n' 'HELLO' 'LOOKUP ru en "Встреча прошла во Дворце Независимости и продолжалась более трех часов." limit=1' 'QUIT' >&3
while IFS= read -r line <&3; do if [ ${#line} -gt 400 ]; then echo "${line:0:400} … (${#line} characters)"; else echo "$line"; fi; done
exec 3<&-

step "The same lookup through the server with the CLI" \
  "pamyat lookup --connect 127.0.0.1:$PORT --from ru --to en \"Встреча прошла во Дворце Независимости и продолжалась более трех часов.\""
"$PAMYAT" lookup --connect "127.0.0.1:$PORT" --from ru --to en "Встреча прошла во Дворце Независимости и продолжалась более трех часов."

step "The web page on the same memory: search, concordance, align and review, the memory" \
  "curl -s '${URL}search?pair=ru-en&q=…'   # while the server runs, open $URL in a browser"
echo "web page: $URL"
QUERY='Встреча прошла во Дворце Независимости и продолжалась более трех часов.'
if command -v curl >/dev/null 2>&1; then
  PAGE=$(curl -sS --fail -G "${URL}search" -d pair=ru-en --data-urlencode "q=$QUERY")
  # The page's title, its summary and the first match's score and translation, without the markup.
  printf '%s\n' "$PAGE" | grep -o -m1 '<title>[^<]*</title>' | sed 's/<[^>]*>//g'
  printf '%s\n' "$PAGE" | grep -A1 -m1 '<p class="summary"' | head -1 | sed -e 's/<[^>]*>//g' -e 's/&[a-z]*;//g' -e 's/^ *//'
  printf '%s\n' "$PAGE" | grep -o -m1 'title="score">[0-9]*' | sed 's/.*>/score /'
  printf '%s\n' "$PAGE" | grep -o -m1 '<p class="target"[^>]*>[^<]*</p>' | sed 's/<[^>]*>//g'
else
  echo "(curl not installed: apt-get install curl to fetch the page here)"
fi

kill -TERM "$SERVER"
wait "$SERVER" && echo "server stopped (SIGTERM, exit 0)"
trap - EXIT
rm -f "$FIFO"
