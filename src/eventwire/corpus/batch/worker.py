"""What runs on a Dask worker: the coder loaded once, and one shard coded and written.

A shard is a run of consecutive input articles. The driver has already dropped
exact copies (it keeps the corpus-wide set of content hashes), so the shard codes
only texts seen for the first time, with `workers.code_batch` (as ingest's
pool does), and writes the rows
of every table `record_rows` returns, its copies, its errors and the MinHash
signatures the dedup shuffle needs. Nothing is returned that has to be rebuilt
from a pickled exception: errors travel as plain strings.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict

import pyarrow as pa
from distributed import WorkerPlugin

from .. import dedup
from ...model import Article
from .layout import ERRORS, SIGNATURES, Layout, month_of, table_schema, write_atomic, write_json_atomic

PLUGIN_NAME = "eventwire-coder"


class CoderPlugin(WorkerPlugin):
    """Loads the spaCy model and the actor tables once per worker process.

    Registering the plugin again (a second batch on the same cluster) reruns
    `setup`; the models are process-wide caches, so it costs nothing then.
    """

    name = PLUGIN_NAME

    def setup(self, worker) -> None:
        if getattr(worker, "eventwire_loaded", None):
            return
        from ...actors import knowledge_base
        from ...nlp.parse import nlp

        t = time.perf_counter()
        nlp()
        knowledge_base()
        worker.eventwire_loaded = {"seconds": round(time.perf_counter() - t, 1), "pid": os.getpid()}


def code_shard(out: str, shard: str, articles: list[tuple[int, str, Article]], copies: list[dict]) -> dict:
    """Code the articles of a shard ((input position, content hash, article)) and
    write its files; returns the shard's summary, also written as its marker.
    A shard already committed is not coded again."""
    layout = Layout(out)
    done = layout.read_marker(shard)
    if done is not None:
        return done
    from ..workers import code_batch

    t, cpu = time.perf_counter(), time.process_time()
    results = code_batch([(a, h, None, None) for _, h, a in articles]) if articles else []
    tables: dict[str, list[dict]] = defaultdict(list)
    errors, signatures = [], []
    for (position, h, article), result in zip(articles, results):
        if "error" in result:  # a plain record made on the worker: nothing to unpickle
            name, reason = result["error"]
            errors.append({"article_id": name, "reason": reason, "shard": shard})
            continue
        published = article.published if hasattr(article.published, "strftime") else None
        for name, rows in result.items():
            for row in rows:
                month = month_of(row.get("date")) if name == "events" else month_of(published)
                tables[name].append({**row, "month": month})
        signatures.append({"hash": h, "position": position, "signature": dedup.signature(article.text).tobytes()})
    failed = {h for (_, h, _), r in zip(articles, results) if "error" in r}
    for row in copies:
        if row["hash"] in failed:  # as ingest: a text that could not be coded leaves no copy behind
            continue
        tables["copies"].append({**row, "month": month_of(row.get("published"))})

    # A torn earlier attempt of this shard wrote (some of) these same file names: they are
    # replaced, and until the marker below exists no reader counts any of them.
    counts = {}
    for name, rows in tables.items():
        schema = table_schema(name)
        by_month: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            by_month[row.pop("month")].append(row)  # columns not in the schema (the story) are dropped
        for month, month_rows in by_month.items():
            write_atomic(pa.Table.from_pylist(month_rows, schema=schema), layout.shard_file(name, shard, month))
        counts[name] = len(rows)
    if errors:
        write_atomic(pa.Table.from_pylist(errors, schema=ERRORS), layout.shard_file("errors", shard, None))
    write_atomic(pa.Table.from_pylist(signatures, schema=SIGNATURES), layout.signature_file(shard))
    summary = {"shard": shard, "coded": len(articles) - len(errors), "counts": counts,
               "errors": [[e["article_id"], e["reason"]] for e in errors],
               "seconds": round(time.perf_counter() - t, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
               "pid": os.getpid()}
    write_json_atomic(summary, layout.marker(shard))
    return summary
