#!/usr/bin/env python3
"""Writes a TMX 1.4 file of N generated ru-en units (random sentences over 20 word pairs, numbered so
that every unit is distinct) to standard output: the input of the figures in docs/SCALING.md."""
import random, sys
n = int(sys.argv[1]); random.seed(7)
ru = "президент встреча совет министр договор сотрудничество республика вопрос развитие экономика проект решение область город работа год время страна делегация заседание".split()
en = "president meeting council minister treaty cooperation republic question development economy project decision region city work year time country delegation session".split()
out = sys.stdout
out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="gen" creationtoolversion="1" segtype="sentence" o-tmf="gen" adminlang="en" srclang="ru" datatype="plaintext"/><body>\n')
for i in range(n):
    k = random.randint(6, 16)
    idx = [random.randrange(len(ru)) for _ in range(k)]
    s = " ".join(ru[j] for j in idx).capitalize() + f" {i}."
    t = " ".join(en[j] for j in idx).capitalize() + f" {i}."
    out.write(f'<tu tuid="{i+1}" creationdate="20240101T000000Z"><tuv xml:lang="ru"><seg>{s}</seg></tuv><tuv xml:lang="en"><seg>{t}</seg></tuv></tu>\n')
out.write('</body></tmx>\n')
