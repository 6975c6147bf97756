"""Ingest throughput, peak memory and store size on real political news.

Ingests the 924 articles of ../shared/eval/polnear_train.jsonl and
polnear_dev.jsonl into a fresh DuckDB file with 1 and with 2 worker processes,
and times spaCy's parse alone on the same texts in the same run. Each
measurement runs in its own process so memory peaks do not mix.

    python benchmarks/bench_ingest.py [--limit N] [--workers 1 2] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
CORPUS = [EVAL / "polnear_train.jsonl", EVAL / "polnear_dev.jsonl"]


def write_corpus(limit: int | None, folder: Path) -> Path:
    """The benchmark corpus (PolNeAR train and dev, or its first `limit` lines) as one JSONL file."""
    lines = [ln for p in CORPUS for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if limit:
        lines = lines[:limit]
    out = folder / "corpus.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _peaks() -> dict:
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb_main": round(self_mb), "peak_mb_worker": round(child_mb)}


def run_parse(corpus: Path) -> dict:
    from eventwire.nlp.parse import nlp, parse_many
    from eventwire.io.files import read_inputs

    texts = [a.text for a in read_inputs([str(corpus)]) if not isinstance(a, Exception)]
    nlp()
    t = time.perf_counter()
    n_tokens = sum(len(d) for d in parse_many(texts))
    s = time.perf_counter() - t
    return {"articles": len(texts), "tokens": n_tokens, "seconds": round(s, 1),
            "articles_per_s": round(len(texts) / s, 2), **_peaks()}


def run_ingest(corpus: Path, db: Path, workers: int) -> dict:
    from eventwire.corpus.ingest import ingest

    t = time.perf_counter()
    r = ingest([str(corpus)], db=str(db), workers=workers, progress=False)
    s = time.perf_counter() - t
    return {"workers": workers, "articles": r.read, "stored": r.stored, "events": r.events,
            "errors": len(r.errors), "seconds": round(s, 1), "articles_per_s": round(r.read / s, 2),
            "db_mb": round(db.stat().st_size / 2**20, 1), **_peaks()}


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="Only the first N articles.")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--_mode", help=argparse.SUPPRESS)
    ap.add_argument("--_corpus", help=argparse.SUPPRESS)
    ap.add_argument("--_db", help=argparse.SUPPRESS)
    ap.add_argument("--_n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._mode == "parse":
        print(json.dumps(run_parse(Path(args._corpus))))
        return
    if args._mode == "ingest":
        print(json.dumps(run_ingest(Path(args._corpus), Path(args._db), args._n)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(args.limit, folder)
        results = {"cpus": os.cpu_count(), "parse_only": _child(["--_mode", "parse", "--_corpus", str(corpus)])}
        for n in args.workers:
            results[f"ingest_{n}"] = _child(["--_mode", "ingest", "--_corpus", str(corpus),
                                              "--_db", str(folder / f"w{n}.duckdb"), "--_n", str(n)])
        if "ingest_1" in results and "ingest_2" in results:
            results["speedup_2_over_1"] = round(results["ingest_2"]["articles_per_s"]
                                                / results["ingest_1"]["articles_per_s"], 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    p = results["parse_only"]
    print(f"corpus: {p['articles']} articles, {p['tokens']:,} tokens, {results['cpus']} CPUs")
    print(f"spaCy parse only (1 process): {p['articles_per_s']:7.2f} articles/s  peak {p['peak_mb_main']} MB")
    for n in args.workers:
        r = results[f"ingest_{n}"]
        print(f"ingest, {n} worker(s):          {r['articles_per_s']:7.2f} articles/s  "
              f"({r['seconds']} s; main peak {r['peak_mb_main']} MB, worker peak {r['peak_mb_worker']} MB; "
              f"store {r['db_mb']} MB; {r['events']} events, {r['errors']} errors)")
    if "speedup_2_over_1" in results:
        print(f"2 workers / 1 worker: {results['speedup_2_over_1']}x")


if __name__ == "__main__":
    main()
