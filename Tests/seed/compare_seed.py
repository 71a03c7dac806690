#!/usr/bin/env python3
"""Checks the site against the seed sentence by sentence: every sentence of the
seed's running text (chapters 1-7, PDF extraction artefacts undone) must appear in
the text of the current Fassung's chapter pages, in the same words.

    python3 Tests/seed/compare_seed.py [SITE] [SEED]
"""
import html
import re
import sys
from pathlib import Path

root = Path(__file__).resolve().parents[2]
site = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "site"
seed = Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / "shared" / "seed" / "000_bed2720687a07e5d.txt"


def words(text):
    text = text.replace("\u00ad", "").replace("’", "'").replace("‘", "'")
    return re.findall(r"[\wÄÖÜäöüß]+", text)


def seed_sentences():
    lines = seed.read_text(encoding="utf-8").splitlines()
    text = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        text.append(stripped)
    joined = " ".join(text)
    # hyphenation at line ends: "Gestaltungsmöglich- keiten" → "Gestaltungsmöglichkeiten"
    joined = re.sub(r"(\w)- (?!(?:und|oder|bis|bzw|sowie)\b)([a-zäöüß])", r"\1\2", joined)
    # footnote numbers glued to the end of a sentence: "Personen.3 Hiervon"
    joined = re.sub(r"([a-zäöüß)“][.,;])\d{1,2}(?=\s)", r"\1", joined)
    # the second-level bullets of the Facharbeitskreis list ("o Flüchtlingsberatung")
    joined = re.sub(r" o (?=[A-ZÄÖÜ])", " ", joined)
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])", joined)
    return [s for s in sentences if len(words(s)) >= 8]


def site_text():
    texts = []
    for path in sorted((site / "handlungskonzept").glob("*.html")):
        raw = path.read_text(encoding="utf-8")
        raw = re.sub(r"<sup class=\"fussnote-marke\">.*?</sup>", "", raw)
        raw = re.sub(r"<[^>]+>", " ", raw)
        texts.append(html.unescape(raw))
    return " ".join(" ".join(words(t)) for t in texts)


corpus = site_text()
found = missing = 0
for sentence in seed_sentences():
    w = words(sentence)
    # drop footnote digits glued to words and the seed's page-break noise: compare the longest run of 8 words
    runs = [" ".join(w[i:i + 8]) for i in range(0, max(1, len(w) - 7), 4)]
    hits = sum(1 for run in runs if run in corpus)
    if hits >= max(1, len(runs) // 2):
        found += 1
    else:
        missing += 1
        print("FEHLT:", sentence[:160])
print(f"seed: {found} passed, {missing} failed")
