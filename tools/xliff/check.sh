#!/usr/bin/env bash
# Pre-translates the demo's "new release" to XLIFF 1.2 and reads it back with translate-toolkit
# (from PyPI, in a venv under .build/), as a CAT tool would: see tools/xliff/check.py.
# Usage: tools/xliff/check.sh [PAMYAT]   (default .build/debug/pamyat, built by make test)
set -euo pipefail
cd "$(dirname "$0")/../.."
PAMYAT=${1:-.build/debug/pamyat}
VENV=.build/xliff-venv
if [ ! -x "$VENV/bin/xliff2po" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q translate-toolkit
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PAMYAT_MEMORIES="$WORK"
S=memories/samples
"$PAMYAT" add "$S/press-release.ru.txt" "$S/press-release.en.txt" --date 2024-03-14 >/dev/null
sed -e 's/27 мероприятий/30 мероприятий/' -e 's/подготовил 15 документов/подготовил 18 новых документов/' \
  -e '$a Пресс-служба сообщит о следующей встрече дополнительно.' "$S/press-release.ru.txt" >"$WORK/new-release.ru.txt"
"$PAMYAT" pretranslate "$WORK/new-release.ru.txt" --from ru --to en -o "$WORK/new-release.xlf"
xmllint --noout "$WORK/new-release.xlf"
PATH="$VENV/bin:$PATH" "$VENV/bin/python" tools/xliff/check.py "$PAMYAT" "$WORK/new-release.ru.txt" "$WORK/new-release.xlf"
