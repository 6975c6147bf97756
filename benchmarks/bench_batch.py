"""`eventwire batch` throughput, worker memory and output size on real political news.

Codes the 924 articles of ../shared/eval/polnear_train.jsonl and polnear_dev.jsonl
on a fresh LocalCluster with 1 and with 2 worker processes, in one run, each in
its own child process. Reports articles per second over the coding alone and
over the whole run (cluster start and model load included), the coding time per
article on a worker (wall and CPU), the peak resident memory of each worker, the
output size, the driver's own read-and-hash rate, and the machine's load average
sampled during each run (the machine may be shared: read the speedup with the load).

    python benchmarks/bench_batch.py [--limit N] [--workers 1 2] [--shard-size 25] [--json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_ingest import write_corpus  # the same 924-article corpus (benchmarks/ is on the path)


class LoadSampler:
    """The 1-minute load average every `every` seconds while a run lasts."""

    def __init__(self, every: float = 2.0):
        self.every, self.samples, self._stop = every, [], threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(os.getloadavg()[0])
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> dict:
        s = self.samples or [0.0]
        return {"load_mean": round(sum(s) / len(s), 1), "load_max": round(max(s), 1)}


def _worker_peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_driver(corpus: Path) -> dict:
    """The driver's share: read the inputs, hash them, cut shards (no cluster)."""
    from eventwire.corpus.batch.run import plan_shards

    t = time.perf_counter()
    n = sum(s.read for s in plan_shards([str(corpus)], None, 100, []))
    s = time.perf_counter() - t
    return {"articles": n, "seconds": round(s, 2), "articles_per_s": round(n / s)}


def run_batch(corpus: Path, out: Path, workers: int, shard_size: int) -> dict:
    from eventwire.corpus.batch.run import connect, run_batch as run

    with LoadSampler() as load:
        t = time.perf_counter()
        with connect(workers) as client:
            started = time.perf_counter() - t
            r = run([str(corpus)], str(out), client=client, shard_size=shard_size, progress=False)
            peaks = client.run(_worker_peak_mb)
        total = time.perf_counter() - t
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    tables = {d.name: round(sum(p.stat().st_size for p in d.rglob("*.parquet")) / 2**20, 2)
              for d in out.iterdir() if d.is_dir()}
    coding = r.seconds["shards"]
    return {"workers": workers, "shard_size": shard_size, "articles": r.read, "coded": r.coded,
            "events": r.events, "errors": len(r.errors), "near_duplicates": r.near_duplicates,
            "cluster_start_s": round(started, 1), "model_load_s": r.seconds["setup"],
            "coding_wall_s": coding, "stories_s": r.seconds["stories"], "total_s": round(total, 1),
            "articles_per_s_total": round(r.read / total, 2), "articles_per_s_coding": round(r.read / coding, 2),
            "worker_s_per_article": round(r.coding_seconds / max(1, r.coded), 3),
            "worker_cpu_s_per_article": round(r.coding_cpu_seconds / max(1, r.coded), 3),
            "worker_peak_mb": sorted(round(v) for v in peaks.values()),
            "output_mb": round(size / 2**20, 2), "output_mb_by_table": tables, **load.summary()}


def _child(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="Only the first N articles.")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--shard-size", type=int, default=25)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--_mode", help=argparse.SUPPRESS)
    ap.add_argument("--_corpus", help=argparse.SUPPRESS)
    ap.add_argument("--_out", help=argparse.SUPPRESS)
    ap.add_argument("--_n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._mode == "driver":
        print(json.dumps(run_driver(Path(args._corpus))))
        return
    if args._mode == "batch":
        print(json.dumps(run_batch(Path(args._corpus), Path(args._out), args._n, args.shard_size)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = write_corpus(args.limit, folder)
        results = {"cpus": os.cpu_count(), "load_before": round(os.getloadavg()[0], 1),
                   "driver": _child(["--_mode", "driver", "--_corpus", str(corpus)])}
        for n in args.workers:
            results[f"batch_{n}"] = _child(["--_mode", "batch", "--_corpus", str(corpus), "--_out",
                                            str(folder / f"out{n}"), "--_n", str(n),
                                            "--shard-size", str(args.shard_size)])
        if "batch_1" in results and "batch_2" in results:
            for key in ("articles_per_s_coding", "articles_per_s_total"):
                results[f"speedup_2_over_1_{key.removeprefix('articles_per_s_')}"] = round(
                    results["batch_2"][key] / results["batch_1"][key], 2)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    d = results["driver"]
    print(f"{d['articles']} articles, {results['cpus']} CPUs, load average before: {results['load_before']}")
    print(f"driver read + hash + shard: {d['articles_per_s']} articles/s")
    for n in args.workers:
        r = results[f"batch_{n}"]
        print(f"batch, {n} worker(s): {r['articles_per_s_coding']:6.2f} articles/s coding "
              f"({r['coding_wall_s']} s), {r['articles_per_s_total']:6.2f} articles/s with start-up "
              f"({r['total_s']} s: cluster {r['cluster_start_s']} s, model load {r['model_load_s']} s, "
              f"stories {r['stories_s']} s); per article on a worker {r['worker_s_per_article']} s wall, "
              f"{r['worker_cpu_s_per_article']} s CPU; "
              f"worker peaks {r['worker_peak_mb']} MB; output {r['output_mb']} MB; "
              f"{r['events']} events, {r['errors']} errors, {r['near_duplicates']} near-duplicates; "
              f"load mean {r['load_mean']} max {r['load_max']}")
    for key in ("coding", "total"):
        if f"speedup_2_over_1_{key}" in results:
            print(f"2 workers / 1 worker ({key}): {results[f'speedup_2_over_1_{key}']}x")


if __name__ == "__main__":
    main()
