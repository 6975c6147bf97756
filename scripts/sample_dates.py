"""Print a random sample of date phrases from real news, resolved, for a person to check.

Reads a gold JSONL file whose articles carry `published` (default
../shared/eval/polnear_dev.jsonl), finds every time expression with
eventwire.dates, and prints N of them at random (fixed seed) with their
context, the publication date and the resolved date and precision. The
phrases are judged by reading the context; eventwire never sees the verdicts.

    python scripts/sample_dates.py [--n 60] [--seed 7] [FILE]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

from eventwire.nlp.parse import parse
from eventwire.time.anchor import sentence_dates

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear_dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    found = []
    for line in args.file.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        if not a.get("published"):
            continue
        pub = dt.date.fromisoformat(a["published"])
        doc = parse(a["text"])
        for sent in doc.sents:
            for d in sentence_dates(doc, sent, pub):
                s, e = d.span[0] + sent.start_char, d.span[1] + sent.start_char
                context = a["text"][max(0, s - 70):e + 40].replace("\n", " ")
                found.append((a["id"], pub, d, context))
    random.Random(args.seed).shuffle(found)
    print(f"{len(found)} date phrases in {args.file.name}; showing {min(args.n, len(found))}")
    for i, (aid, pub, d, context) in enumerate(found[:args.n], 1):
        print(f"{i:3}. [{pub}] {d.text!r} -> {d.date} ({d.precision}{', relative' if d.relative else ''})")
        print(f"     …{context}…")


if __name__ == "__main__":
    main()
