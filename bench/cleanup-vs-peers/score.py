#!/usr/bin/env python3
"""Scores one tool's page texts against the truths: corpus CER (edits over truth characters, white space
folded and NFC as in tests' CharacterErrorRate), pages over 5 %, pages per minute."""
import sys, re, unicodedata, json

def fold(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()

def edits(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(cur[j - 1] + 1, prev[j] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]

def main(tool, seconds, pairs_file):
    total_edits = total_chars = over = 0
    pages = []
    for line in open(pairs_file, encoding="utf-8"):
        name, got_path, truth_path = line.rstrip("\n").split("\t")
        try:
            got = open(got_path, encoding="utf-8").read()
        except FileNotFoundError:
            got = ""
        truth = fold(open(truth_path, encoding="utf-8").read())
        e = edits(fold(got), truth)
        total_edits += e
        total_chars += len(truth)
        cer = e / len(truth)
        over += cer > 0.05
        pages.append({"page": name, "cer": round(cer, 4)})
    n = len(pages)
    print(json.dumps({"tool": tool, "pages": n, "cer": round(total_edits / total_chars, 4), "over5": over,
                      "seconds": round(seconds, 1), "pagesPerMinute": round(n * 60 / seconds, 2), "perPage": pages}, ensure_ascii=False))

if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), sys.argv[3])
