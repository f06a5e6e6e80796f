#!/usr/bin/env python3
"""The Python peers of scripts/bench.sh: what a Vietnamese NLP user would
otherwise write. Each reads INPUT line by line and writes OUTPUT.

  icu-nfc      ICU Normalizer2 NFC per line (PyICU)
  regex        NFC + lower + regex tokenising, one token per line
  ahocorasick  NFC + lower, then pyahocorasick over the Lexicons/themes phrases
               (accented and unaccented forms); one JSON line of theme counts per line
  tfidf        scikit-learn TfidfVectorizer fitted on the first 2,000 lines,
               then transform of every line (timed whole, like the others)

Usage: python3 scripts/bench-peers.py PEER INPUT OUTPUT
Runs inside the throw-away virtual environment that bench.sh makes; never a
runtime dependency of KienNghi.
"""
import json
import pathlib
import re
import sys
import unicodedata

root = pathlib.Path(__file__).resolve().parent.parent


def icu_nfc(src, dst):
    from icu import Normalizer2
    nfc = Normalizer2.getNFCInstance()
    for line in src:
        dst.write(nfc.normalize(line))


def regex_tokenize(src, dst):
    token = re.compile(r"\w+|[^\w\s]")
    for line in src:
        words = token.findall(unicodedata.normalize("NFC", line).lower())
        dst.write("\n".join(words))
        dst.write("\n")


def strip_accents(text):
    text = text.replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def aho_corasick(src, dst):
    import ahocorasick
    automaton = ahocorasick.Automaton()
    count = 0
    for path in sorted((root / "Lexicons/themes").glob("*.tsv")):
        theme = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#") or line.startswith("phrase\t"):
                continue
            phrase = unicodedata.normalize("NFC", line.split("\t")[0]).lower()
            for form in {phrase, strip_accents(phrase)}:
                automaton.add_word(f" {form} ", (theme, form))
                count += 1
    automaton.make_automaton()
    print(f"ahocorasick: {count} phrases", file=sys.stderr)
    space = re.compile(r"[^\w]+")
    for line in src:
        text = " " + space.sub(" ", unicodedata.normalize("NFC", line).lower()) + " "
        counts = {}
        for _, (theme, _) in automaton.iter(text):
            counts[theme] = counts.get(theme, 0) + 1
        dst.write(json.dumps(counts, ensure_ascii=False))
        dst.write("\n")


def tfidf(src, dst):
    from sklearn.feature_extraction.text import TfidfVectorizer
    lines = src.readlines()
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=1)
    vectorizer.fit(lines[:2000])
    for start in range(0, len(lines), 10_000):
        matrix = vectorizer.transform(lines[start:start + 10_000])
        dst.write(f"{matrix.nnz}\n")


PEERS = {"icu-nfc": icu_nfc, "regex": regex_tokenize, "ahocorasick": aho_corasick, "tfidf": tfidf}

if __name__ == "__main__":
    peer, source, target = sys.argv[1:4]
    with open(source, encoding="utf-8") as src, open(target, "w", encoding="utf-8") as dst:
        PEERS[peer](src, dst)
