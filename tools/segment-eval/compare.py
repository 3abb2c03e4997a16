#!/usr/bin/env python3
"""Compare pamyat's sentence segmentation with razdel (Russian) and pySBD (English) by hand.

Not part of `make test`; needs `pip install razdel pysbd` and a built pamyat.

    tools/segment-eval/compare.py [--pamyat .build/debug/pamyat] [--spaced] [-v] [GOLD ...]
    tools/segment-eval/compare.py --tables Tests/PamyatTextTests/InformalRussianTests.swift ...

GOLD files hold one sentence per line and a blank line between documents; the first line may be
`# lang: en` (default ru). Without GOLD files the corpus in
Tests/PamyatTextTests/GoldCorpus.swift is used. Each document is joined into one paragraph with
spaces, segmented by both tools, and the false plus missed breaks are counted per 1000 sentences.
`--spaced` re-tokenises Russian documents with razdel and joins the tokens by spaces, as some
corpora store text. `--tables` reads the `@Test(arguments: [...] as [GoldText])` tables of Swift
test files instead (each text marks its sentence ends with ` | `), one corpus per table, named by
its test function; a table whose function passes `"en"` to `check` is English. `--join` joins all
the documents of a corpus into one paragraph, as run-on text whose paragraphs lost their line ends.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def swift_corpus():
    text = open(os.path.join(ROOT, 'Tests/PamyatTextTests/GoldCorpus.swift'), encoding='utf-8').read()
    for name, body in re.findall(r'static let (\w+) = """\n(.*?)\n\s*"""', text, re.S):
        lines = [line[8:] if line.startswith('        ') else line for line in body.split('\n')]
        docs = [[s for s in block.split('\n') if s.strip()] for block in '\n'.join(lines).split('\n\n')]
        yield name, 'en' if name.startswith('english') else 'ru', [d for d in docs if d]


def file_corpus(path):
    text = open(path, encoding='utf-8').read()
    lang = 'ru'
    match = re.match(r'# lang: (\w+)\n', text)
    if match:
        lang, text = match.group(1), text[match.end():]
    docs = [[s for s in block.split('\n') if s.strip()] for block in text.split('\n\n')]
    return os.path.basename(path), lang, [d for d in docs if d]


TABLE = re.compile(r'@Test\((?:"[^"]*",\s*)?arguments:\s*\[(.*?)\]\s*as\s*\[GoldText\]\)\s*'
                   r'func\s+(\w+)\([^)]*\)[^{]*\{([^}]*)\}', re.S)


def table_corpus(path):
    """The GoldText tables of a Swift test file: (name, lang, docs) per table."""
    text = open(path, encoding='utf-8').read()
    for body, name, call in TABLE.findall(text):
        lang = 'en' if '"en"' in call else 'ru'
        texts = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
        yield name, lang, [t.split(' | ') for t in texts]


def bounds(sentences):
    """Break positions counted in non-space characters, so both tools' outputs compare."""
    out, n = set(), 0
    for s in sentences[:-1]:
        n += len(s.replace(' ', ''))
        out.add(n)
    return out


def pamyat(binary, lang, texts):
    run = subprocess.run([binary, 'segment', '--lang', lang, '--json', '-'],
                         input=('\n'.join(texts) + '\n').encode(), capture_output=True, check=True)
    return json.loads(run.stdout)['paragraphs']


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--pamyat', default=os.path.join(ROOT, '.build/debug/pamyat'))
    parser.add_argument('--spaced', action='store_true')
    parser.add_argument('-v', '--verbose', action='store_true')
    parser.add_argument('--tables', nargs='+', default=[], metavar='SWIFT')
    parser.add_argument('--join', action='store_true')
    parser.add_argument('gold', nargs='*')
    args = parser.parse_args()
    from razdel import sentenize, tokenize
    import pysbd
    english = pysbd.Segmenter(language='en', clean=False)
    if args.tables:
        corpora = [c for p in args.tables for c in table_corpus(p)]
    else:
        corpora = [file_corpus(p) for p in args.gold] if args.gold else list(swift_corpus())
    for name, lang, docs in corpora:
        if args.join:
            docs = [[s for d in docs for s in d]]
        if args.spaced and lang == 'ru':
            docs = [[' '.join(t.text for t in tokenize(s)) for s in d] for d in docs]
        texts = [' '.join(d) for d in docs]
        ours = pamyat(args.pamyat, lang, texts)
        sentences = sum(len(d) for d in docs)
        other_errors = our_errors = 0
        for doc, text, mine in zip(docs, texts, ours):
            other = [s.text for s in sentenize(text)] if lang != 'en' else [s.strip() for s in english.segment(text)]
            gold = bounds(doc)
            other_errors += len(gold ^ bounds(other))
            our_errors += len(gold ^ bounds(mine))
            if args.verbose and gold != bounds(mine):
                print('  pamyat:', [s for s in mine if s not in doc])
                print('  gold:  ', [s for s in doc if s not in mine])
        other_name = 'pySBD' if lang == 'en' else 'razdel'
        print(f'{name:26} {lang} {sentences:5} sentences   {other_name}: {other_errors:3} '
              f'({1000 * other_errors / sentences:5.1f}/1000)   pamyat: {our_errors:3} '
              f'({1000 * our_errors / sentences:5.1f}/1000)')


if __name__ == '__main__':
    sys.exit(main())
