#!/usr/bin/env python3
"""TF-IDF + linear SVM baseline on the real labelled petitions, for comparison
with `kiennghi evaluate --folds 5 --group-by source-host`.

Reads ../shared/eval-dev.jsonl and ../shared/train-real.jsonl at run time
(never copies them), builds the same grouped folds as KienNghi (by the host of
`source` without www./m./amp., largest site first into the smallest fold, ties
in the same SplitMix64 order, so the folds are identical), fits one SVM per training fold on the main theme and one on
the agency, and prints main-theme accuracy, macro-F1 over themes (single label
predicted, multi-label gold, `other` excluded) and agency accuracy (gold main
theme not `other`), with and without diacritics in the test texts.

Needs scikit-learn in a throw-away virtual environment:
    python3 -m venv /tmp/svm-venv && /tmp/svm-venv/bin/pip install scikit-learn
    /tmp/svm-venv/bin/python scripts/svm-baseline.py [--shared ../shared] [--folds 5] [--augment]
"""
import argparse
import json
import unicodedata
from urllib.parse import urlparse

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC


def strip_diacritics(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def group(item):
    host = (urlparse(item.get("source") or "").hostname or "").lower()
    if not host:
        return "id:" + item["id"]
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host


class SplitMix64:
    """The generator KienNghi seeds its folds with (GroupedCrossValidation), so both use identical folds."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        mask = 0xFFFFFFFFFFFFFFFF
        self.state = (self.state + 0x9E3779B97F4A7C15) & mask
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        return z ^ (z >> 31)


def folds_of(items, k, seed):
    members = {}
    for index, item in enumerate(items):
        members.setdefault(group(item), []).append(index)
    rng = SplitMix64(seed)
    keyed = [(g, rng.next()) for g in sorted(members)]
    ordered = [g for g, r in sorted(keyed, key=lambda x: (len(members[x[0]]), x[1]), reverse=True)]
    sizes, fold = [0] * k, [0] * len(items)
    for g in ordered:
        target = min(range(k), key=lambda f: (sizes[f], f))
        for index in members[g]:
            fold[index] = target
        sizes[target] += len(members[g])
    return fold


def model():
    return make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1), LinearSVC(C=1.0))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--augment", action="store_true", help="also train on diacritic-free copies of the training texts")
    args = parser.parse_args()
    items = []
    for name in ("eval-dev.jsonl", "train-real.jsonl"):
        with open(f"{args.shared}/{name}", encoding="utf-8") as handle:
            items += [json.loads(line) for line in handle if line.strip()]
    fold = folds_of(items, args.folds, args.seed)
    themes = sorted({t for item in items for t in item["themes"]} - {"other"})
    for variant, transform in (("original", lambda t: t), ("no-diacritics", strip_diacritics)):
        main_pred, agency_pred = [None] * len(items), [None] * len(items)
        for k in range(args.folds):
            train = [i for i in range(len(items)) if fold[i] != k]
            test = [i for i in range(len(items)) if fold[i] == k]
            copies = [lambda t: t, strip_diacritics] if args.augment else [lambda t: t]
            texts = [c(items[i]["text"]) for c in copies for i in train]
            theme_model = model().fit(texts, [items[i]["themes"][0] for c in copies for i in train])
            agency_model = model().fit(texts, [items[i]["agency"] or "" for c in copies for i in train])
            test_texts = [transform(items[i]["text"]) for i in test]
            for i, t, a in zip(test, theme_model.predict(test_texts), agency_model.predict(test_texts)):
                main_pred[i], agency_pred[i] = t, a
        main = sum(main_pred[i] == items[i]["themes"][0] for i in range(len(items))) / len(items)
        f1s = []
        for theme in themes:
            tp = sum(main_pred[i] == theme and theme in items[i]["themes"] for i in range(len(items)))
            fp = sum(main_pred[i] == theme and theme not in items[i]["themes"] for i in range(len(items)))
            fn = sum(main_pred[i] != theme and theme in items[i]["themes"] for i in range(len(items)))
            p = tp / (tp + fp) if tp + fp else 0
            r = tp / (tp + fn) if tp + fn else 0
            f1s.append(2 * p * r / (p + r) if p + r else 0)
        routable = [i for i in range(len(items)) if items[i]["themes"][0] != "other"]
        agency = sum(agency_pred[i] == items[i]["agency"] for i in routable) / len(routable)
        print(f"{variant}{' (trained with diacritic-free copies)' if args.augment else ''}: {len(items)} petitions, {len(set(map(group, items)))} sites, {args.folds} folds: "
              f"main theme {main:.3f}, macro F1 {sum(f1s) / len(f1s):.3f}, agency {agency:.3f}")


if __name__ == "__main__":
    main()
