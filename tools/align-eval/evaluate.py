#!/usr/bin/env python3
"""Scores `pamyat align --json` on paragraph-aligned document pairs, in the layouts and with the
omissions that real files show.

Each document is a `NAME.pairs.tsv` file: one paragraph pair per line, `KIND<TAB>original<TAB>
translation` (KIND: heading, label, text, item, step, code, note). For each document and variant the
script writes the two sides as text files, runs `pamyat align --json` on them, maps every sentence
of the output back to the paragraph it came from, and scores:

  strict precision  a pair (bead) is right when both its sides lie inside one pair of
                    corresponding paragraphs
  char recall       the share of all characters (both sides) covered by right pairs, or by
                    sentences left unpaired whose paragraph has no partner (a right 1-0 / 0-1)
  stored precision  strict precision of the pairs at or above --min-confidence (what `add` stores)
  stored recall     char recall counting only those pairs
  same P, same R    the same with a pair right when both its sides cover the same paragraphs: in
                    running text a heading or label without final punctuation and the sentence
                    after it are one sentence on both sides, a good pair that strict precision
                    counts wrong

Variants: `lines` (a paragraph per line), `blank` (a blank line between paragraphs), `runon` (all
paragraphs of a side on one line), each also with about 10% of the translation's paragraphs left
out (`-omit`), chosen by a seeded generator (never the first paragraph); and `stops`, running text
whose paragraphs all end a sentence (a full stop is added to headings, labels and items without
final punctuation), so that no sentence spans two paragraphs and what is measured is how the
aligner places omissions without paragraph marks.

Usage: evaluate.py [--pamyat PATH] [--min-confidence 0.9] [--seeds 3] [--details] [--variants v,…] DIR…
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

FEATURES = []  # the evidence of every pair with whether it was right, for calibrate.py
CALIBRATION = []  # (score, strictly right, same paragraphs) of every pair
VARIANTS = ["lines", "lines-omit", "blank", "blank-omit", "runon", "runon-omit", "stops", "stops-omit"]


def read_pairs(path):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 3:
                sys.exit(f"{path}:{number}: expected KIND<TAB>original<TAB>translation")
            pairs.append((cells[0], " ".join(cells[1].split()), " ".join(cells[2].split())))
    return pairs


def layout(paragraphs, variant):
    """The file text and, for each paragraph id, its (start, end) offsets in the text."""
    base = variant.split("-")[0]
    separator = {"lines": "\n", "blank": "\n\n", "runon": " ", "stops": " "}[base]
    if base == "stops":
        paragraphs = [(pid, p if p[-1] in ".!?…" else p + ".") for pid, p in paragraphs]
    text, spans, offset = [], [], 0
    for k, (pid, paragraph) in enumerate(paragraphs):
        if k:
            text.append(separator)
            offset += len(separator)
        spans.append((pid, offset, offset + len(paragraph)))
        text.append(paragraph)
        offset += len(paragraph)
    return "".join(text) + "\n", spans


def locate(sentences, text, spans):
    """For each sentence (in order), the set of paragraph ids its text spans ({None} if not found)."""
    flat = " ".join(text.split())
    # Offsets in `text` and in the white-space-folded text differ only where separators are
    # newlines; fold the spans the same way.
    folded_spans, position = [], 0
    for pid, start, end in spans:
        length = len(" ".join(text[start:end].split()))
        index = flat.find(text[start:end].split()[0] if text[start:end].split() else "", position)
        folded_spans.append((pid, index, index + length))
        position = index + length
    result, cursor = [], 0
    for sentence in sentences:
        index = flat.find(sentence, cursor)
        if index < 0:
            result.append({None})
            continue
        end = index + len(sentence)
        cursor = end
        result.append({pid for pid, s, e in folded_spans if s < end and index < e})
    return result


def evaluate_document(pamyat, name, pairs, variant, seed, minimum, details, workdir):
    source = [(k, p[1]) for k, p in enumerate(pairs)]
    target = [(k, p[2]) for k, p in enumerate(pairs)]
    omitted = set()
    if variant.endswith("-omit") and len(target) > 2:
        rng = random.Random(f"{name}-{seed}")
        count = max(1, round(len(target) * 0.1))
        omitted = set(rng.sample(range(1, len(target)), count))
        target = [t for t in target if t[0] not in omitted]
    source_text, source_spans = layout(source, variant)
    target_text, target_spans = layout(target, variant)
    ru = os.path.join(workdir, f"{name}.ru.txt")
    en = os.path.join(workdir, f"{name}.en.txt")
    with open(ru, "w", encoding="utf-8") as f:
        f.write(source_text)
    with open(en, "w", encoding="utf-8") as f:
        f.write(target_text)
    run = subprocess.run(
        [pamyat, "align", ru, en, "--from", "ru", "--to", "en", "--json", "--force", "--min-confidence", str(minimum)],
        capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{name} ({variant}): pamyat align failed ({run.returncode}): {run.stderr.strip()}")
    report = json.loads(run.stdout)
    beads = report["pairs"] + report["unmatched"]
    where = {}
    for side, text, spans in (("source", source_text, source_spans), ("target", target_text, target_spans)):
        runs = sorted((bead[side + "Sentences"][0], index) for index, bead in enumerate(beads) if bead[side + "Sentences"])
        found = locate([beads[index][side] for _, index in runs], text, spans)
        for (_, index), ids in zip(runs, found):
            where[(side, index)] = ids
    total = sum(len(b["source"]) + len(b["target"]) for b in beads)
    stats = {"pairs": 0, "right": 0, "stored": 0, "stored_right": 0, "covered": 0, "stored_covered": 0, "total": total,
             "same": 0, "stored_same": 0, "same_covered": 0}
    wrong = []
    for index, bead in enumerate(beads):
        chars = len(bead["source"]) + len(bead["target"])
        if bead["sourceSentences"] and bead["targetSentences"]:
            ids = where[("source", index)] | where[("target", index)]
            right = len(ids) == 1 and None not in ids
            same = where[("source", index)] == where[("target", index)] and None not in ids
            stats["pairs"] += 1
            CALIBRATION.append((bead["score"], right, same))
            if "evidence" in bead:
                FEATURES.append({"variant": variant, "document": name, "right": right, "same": same, **bead["evidence"]})
            stored = bead["score"] >= minimum
            stats["right"] += right
            stats["covered"] += chars if right else 0
            stats["stored"] += stored
            stats["stored_right"] += stored and right
            stats["stored_covered"] += chars if stored and right else 0
            stats["same"] += same
            stats["stored_same"] += stored and same
            stats["same_covered"] += chars if same else 0
            what = "pair" if not same else "pair(same)"
        else:
            if bead["sourceSentences"]:
                ids = where[("source", index)]
                right = len(ids) == 1 and next(iter(ids)) in omitted
            else:
                right = False  # the translations here add nothing
            stats["covered"] += chars if right else 0
            stats["stored_covered"] += chars if right else 0
            stats["same_covered"] += chars if right else 0
            what = "unpaired"
        if not right:
            wrong.append((what, bead))
    if details:
        for what, bead in wrong:
            if details == "same" and what == "pair(same)":
                continue
            print(f"  {name} [{variant} s{seed}] {what} {bead['kind']} {bead['score']:.2f}: {bead['source'][:80]!r} | {bead['target'][:80]!r}")
    return stats


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--pamyat", default=".build/release/pamyat")
    parser.add_argument("--min-confidence", type=float, default=0.9, help="the threshold of `add` (default 0.9, as pamyat)")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--details", nargs="?", const="strict", choices=["strict", "same"],
                        help="print the wrong pairs and unpaired sentences (same: only those wrong by the same-paragraphs rule)")
    parser.add_argument("--dump", metavar="FILE", help="write every pair's evidence and whether it was right (JSON), for calibrate.py")
    parser.add_argument("--calibration", action="store_true", help="print how often pairs of each confidence band are right")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args()
    documents = []
    for folder in args.dirs:
        for file in sorted(os.listdir(folder)):
            if file.endswith(".pairs.tsv"):
                documents.append((file[: -len(".pairs.tsv")], read_pairs(os.path.join(folder, file))))
    if not documents:
        sys.exit("no *.pairs.tsv documents found")
    print(f"{len(documents)} documents, {sum(len(p) for _, p in documents)} paragraph pairs; min-confidence {args.min_confidence}")
    print(f"{'variant':<12} {'pairs':>6} {'strict P':>9} {'char R':>7} {'stored P':>9} {'stored R':>9} {'wrong':>6} {'stored wrong':>13} {'same P':>7} {'same R':>7} {'stored same P':>14}")
    worst = {}
    with tempfile.TemporaryDirectory() as workdir:
        for variant in args.variants.split(","):
            seeds = range(args.seeds) if variant.endswith("-omit") else range(1)
            total = {}
            for name, pairs in documents:
                for seed in seeds:
                    stats = evaluate_document(args.pamyat, name, pairs, variant, seed, args.min_confidence, args.details, workdir)
                    for key, value in stats.items():
                        total[key] = total.get(key, 0) + value
            p = total["right"] / max(1, total["pairs"])
            r = total["covered"] / max(1, total["total"])
            sp = total["stored_right"] / max(1, total["stored"])
            sr = total["stored_covered"] / max(1, total["total"])
            same_p = total["same"] / max(1, total["pairs"])
            same_r = total["same_covered"] / max(1, total["total"])
            same_sp = total["stored_same"] / max(1, total["stored"])
            print(f"{variant:<12} {total['pairs']:>6} {p:>9.3f} {r:>7.3f} {sp:>9.3f} {sr:>9.3f} {total['pairs'] - total['right']:>6} {total['stored'] - total['stored_right']:>13} {same_p:>7.3f} {same_r:>7.3f} {same_sp:>14.3f}")
            worst[variant] = (p, r, sp)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump(FEATURES, f)
    if args.calibration:
        print("confidence   pairs  strictly right  same paragraphs")
        edges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01]
        for low, high in zip(edges, edges[1:]):
            inside = [(r, s) for score, r, s in CALIBRATION if low <= score < high]
            if inside:
                print(f"{low:.2f}–{min(high, 1):.2f}  {len(inside):>6}  {sum(r for r, _ in inside) / len(inside):>14.3f}  {sum(s for _, s in inside) / len(inside):>15.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
