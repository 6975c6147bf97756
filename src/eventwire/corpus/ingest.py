"""Ingest: read, deduplicate, code in parallel, store.

Coding is `code_batch`, a pure function from a batch of articles to table rows;
worker processes run it (a Dask cluster can run the same function), and only
this process touches the store. Exact duplicates (same content hash) are never
coded twice; near-duplicates are coded and linked to the story they repeat.
"""
from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Iterable

import datetime as dt

from . import dedup
from ..model import Article, InputError
from ..io.files import read_inputs
from .store import DEFAULT_DB, Store, copy_row
from .tables import merge, record_rows


@dataclass
class Pending:
    """An article to code, with what dedup found before coding."""

    article: Article
    hash: str
    story: str
    similarity: float | None
    signature: object


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0  # already stored (same content hash): counted as a copy, not coded
    near_duplicates: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)


def code_batch(batch: list[tuple[Article, str, str, float | None]]) -> list[dict | InputError]:
    """Rows (see tables.record_rows) for each article of a batch, or its error.
    Pure: no store, no global state beyond the loaded models."""
    from ..coder import code_articles

    out: list[dict | InputError] = []
    for (article, h, story, sim), result in zip(batch, code_articles([a for a, *_ in batch])):
        if isinstance(result, InputError):
            out.append(result)
        else:
            out.append(record_rows(result.to_dict(), article.text, h, story, sim))
    return out


def _warm() -> None:
    from ..actors import knowledge_base
    from ..nlp.parse import nlp

    nlp()
    knowledge_base()


class _RunIndex:
    """Near-duplicate lookup over what this run has seen but not yet stored."""

    def __init__(self):
        self.buckets: dict[int, list[tuple[str, object, str]]] = {}

    def add(self, h: str, sig, story: str) -> None:
        for b in dedup.bands(sig):
            self.buckets.setdefault(b, []).append((h, sig, story))

    def similar(self, sig) -> tuple[str, float] | None:
        best = None
        for b in dedup.bands(sig):
            for h, other, story in self.buckets.get(b, ()):
                s = dedup.similarity(sig, other)
                if s >= dedup.NEAR_DUPLICATE and (best is None or s > best[1]):
                    best = (story, s)
        return best


def ingest(inputs: Iterable[str], db: str = DEFAULT_DB, published: dt.date | None = None,
           workers: int = 2, batch_size: int = 8, progress: bool | None = None,
           on_error=None) -> IngestReport:
    """Code and store every article of the inputs; returns what happened.
    `progress`: a bar on stderr (default: only when stderr is a terminal)."""
    from tqdm import tqdm

    report = IngestReport()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit=" articles", disable=not show, file=sys.stderr, dynamic_ncols=True)
    pool = None
    if workers > 1:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_warm)
    in_flight: dict[Future, list[Pending]] = {}
    run_index = _RunIndex()
    run_hashes: set[str] = set()

    with Store(db) as store:
        def error(e: InputError) -> None:
            report.errors.append(e)
            if on_error:
                on_error(e)

        def save(batch: list[Pending], results: list) -> None:
            parts, copies, sigs = [], [], []
            for p, r in zip(batch, results):
                if isinstance(r, InputError):
                    error(r)
                    continue
                parts.append(r)
                copies.append(copy_row(p.hash, p.article))
                sigs.append((p.hash, p.signature))
                report.events += len(r["events"])
            store.add(merge(parts), copies, sigs)
            report.stored += len(parts)
            bar.update(len(batch))
            bar.set_postfix(events=report.events, refresh=False)

        def drain(block_until: int) -> None:
            while len(in_flight) > block_until:
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for f in done:
                    save(in_flight.pop(f), f.result())

        def submit(batch: list[Pending]) -> None:
            payload = [(p.article, p.hash, p.story, p.similarity) for p in batch]
            if pool is None:
                save(batch, code_batch(payload))
            else:
                in_flight[pool.submit(code_batch, payload)] = batch
                drain(2 * workers)

        batch: list[Pending] = []
        try:
            for item in read_inputs(inputs, published):
                if isinstance(item, InputError):
                    error(item)
                    continue
                report.read += 1
                h = dedup.content_hash(item.text)
                if h in run_hashes or store.known([h]):
                    store.add_copies([copy_row(h, item)])
                    report.skipped += 1
                    bar.update(1)
                    continue
                run_hashes.add(h)
                sig = dedup.signature(item.text)
                found = store.similar_story(sig) or run_index.similar(sig)
                story, sim = (h, None)
                if found:
                    story = store.story_of(found[0]) if found[0] not in run_hashes else found[0]
                    sim = round(found[1], 3)
                    report.near_duplicates += 1
                run_index.add(h, sig, story)
                batch.append(Pending(item, h, story, sim, sig))
                if len(batch) >= batch_size:
                    submit(batch)
                    batch = []
            if batch:
                submit(batch)
            drain(0)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            bar.close()
    return report
