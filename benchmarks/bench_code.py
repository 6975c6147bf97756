"""Throughput and peak memory of `code`, beside spaCy's parse alone.

Codes N copies of one article (default: the sample article in
../shared/samples, 200 copies) on one process and prints articles per second
for spaCy parsing alone and for the whole coder, the coder's own share of the
time, and peak resident memory.

    python benchmarks/bench_code.py [--copies 200] [--file PATH] [--json]
"""
from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "samples" / "iran-turkiye-2024-10-21.txt"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--file", type=Path, default=SAMPLE)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    import datetime as dt

    from eventwire.model import Article
    from eventwire.nlp.parse import nlp, parse_many
    from eventwire.coder import code_articles, code_doc

    text = args.file.read_text(encoding="utf-8")
    articles = [Article(id=f"copy-{i}", text=text, published=dt.date(2024, 10, 21)) for i in range(args.copies)]
    nlp()
    code_text_warm = next(code_articles(articles[:1]))  # load lexicons, KB, gazetteer once
    assert not isinstance(code_text_warm, Exception), code_text_warm

    t = time.perf_counter()
    docs = list(parse_many([a.text for a in articles]))
    parse_s = time.perf_counter() - t

    t = time.perf_counter()
    records = [code_doc(a, d) for a, d in zip(articles, docs)]
    coder_s = time.perf_counter() - t

    t = time.perf_counter()
    n = sum(1 for _ in code_articles(articles))
    total_s = time.perf_counter() - t

    result = {
        "articles": args.copies,
        "chars_per_article": len(text),
        "tokens_per_article": len(docs[0]),
        "events_per_article": len(records[0].events),
        "parse_only_articles_per_s": round(args.copies / parse_s, 2),
        "coder_only_articles_per_s": round(args.copies / coder_s, 2),
        "end_to_end_articles_per_s": round(n / total_s, 2),
        "coder_time_share_of_parse": round(coder_s / parse_s, 3),
        "peak_rss_mb": round(peak_mb(), 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:30} {v}")


if __name__ == "__main__":
    main()
