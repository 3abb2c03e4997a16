#!/usr/bin/env python3
"""Reads pamyat's XLIFF 1.2 back with translate-toolkit (a CAT-side reader) and checks it.

    check.py PAMYAT DOCUMENT XLIFF

PAMYAT is the executable, DOCUMENT the original that `pamyat pretranslate` read (in ru), XLIFF
what it wrote. Checks, with translate-toolkit's own parser: one unit per sentence of
`pamyat segment --json DOCUMENT`, the sources in order, every exact match's target equal to its
first alt-trans; then xliff2po converts the file and pocount counts it. Exit 1 with a one-line
reason on the first difference.
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from translate.storage import factory


def fail(message):
    print(f"check.py: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    pamyat, document, xliff = sys.argv[1:4]
    segmented = json.loads(subprocess.run([pamyat, "segment", "--lang", "ru", "--json", document],
                                          check=True, capture_output=True, text=True).stdout)
    sentences = [s for paragraph in segmented["paragraphs"] for s in paragraph]
    store = factory.getobject(xliff)
    units = [u for u in store.units if not u.isheader()]
    if len(units) != len(sentences):
        fail(f"{len(units)} units read, {len(sentences)} sentences segmented")
    for index, (unit, sentence) in enumerate(zip(units, sentences), 1):
        if unit.source != sentence:
            fail(f"unit {index}: source {unit.source[:60]!r} is not sentence {sentence[:60]!r}")
    exact = [u for u in units if u.xmlelement.find(f"{{{store.namespace}}}target") is not None
             and u.xmlelement.find(f"{{{store.namespace}}}target").get("state-qualifier") == "exact-match"]
    for unit in exact:
        alternatives = unit.getalttrans()
        if not alternatives or alternatives[0].target != unit.target:
            fail(f"unit {unit.getid()}: the exact match's target is not its first alt-trans")
    translated = sum(1 for u in units if u.target)
    with tempfile.TemporaryDirectory() as folder:
        po = Path(folder) / "out.po"
        subprocess.run(["xliff2po", xliff, str(po)], check=True, capture_output=True)
        counted = subprocess.run(["pocount", "--csv", str(po)], check=True, capture_output=True, text=True).stdout
    print(f"translate-toolkit read {len(units)} units ({translated} with a target, {len(exact)} exact); "
          f"xliff2po and pocount accepted it: {counted.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
