"""Ingest: read, deduplicate, code in parallel, store.

Coding is `code_batch`, a pure function from a batch of articles to table rows;
worker processes run it (a Dask cluster can run the same function), and only
this process touches the store. Exact duplicates (same content hash) are never
coded twice; near-duplicates are coded and linked to the story they repeat.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Iterable

import datetime as dt

from . import dedup
from ..model import Article, InputError
from ..io.files import count_articles, read_inputs_keyed
from .store import DEFAULT_DB, Store, copy_row
from .tables import merge
from .workers import _stop_pool, _worker_start, code_batch, error_record  # noqa: F401 (code_batch: API)


@dataclass
class Pending:
    """An article to code, with what dedup found before coding."""

    article: Article
    hash: str
    story: str
    similarity: float | None
    signature: object
    input: str  # where it came from: see io.files.read_inputs_keyed


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0  # already stored (same content hash): counted as a copy, not coded
    near_duplicates: int = 0
    events: int = 0
    errors: list[InputError] = field(default_factory=list)
    interrupted: int | None = None  # the signal that stopped the run early


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

    `progress`: a bar on stderr with a total and an ETA (default: only when stderr
    is a terminal). An article that cannot be read or coded is reported through
    `on_error` and in the report, and the others go on. SIGTERM or Ctrl-C stop the
    run: batches already coded are stored, the workers end, and the report says
    `interrupted` (the signal number); a rerun codes only what is missing."""
    from tqdm import tqdm

    report = IngestReport()
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=count_articles(inputs) if show else None, unit=" articles", disable=not show,
               file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
    pool: ProcessPoolExecutor | None = None

    def renew_pool() -> None:
        nonlocal pool
        if pool is not None:
            _stop_pool(pool, wait=False)
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_worker_start, initargs=(os.getpid(),))

    in_flight: dict[Future, list[Pending]] = {}
    run_index = _RunIndex()
    run_hashes: set[str] = set()

    with Store(db) as store, _signals_as_interrupts() as stopped:
        if workers > 1:
            renew_pool()

        def error(e: InputError) -> None:
            report.errors.append(e)
            if on_error:
                on_error(e)

        def save(batch: list[Pending], results: list) -> None:
            parts, copies, sigs = [], [], []
            for p, r in zip(batch, results):
                if "error" in r:
                    error(InputError(*r["error"]))
                    continue
                parts.append(r)
                copies.append(copy_row(p.hash, p.article, p.input))
                sigs.append((p.hash, p.signature))
                report.events += len(r["events"])
            store.add(merge(parts), copies, sigs)
            report.stored += len(parts)
            bar.update(len(batch))
            bar.set_postfix(events=report.events, refresh=False)

        def collect(f: Future) -> None:
            batch = in_flight.pop(f)
            try:
                results = f.result()
            except Exception as e:  # the worker died (out of memory, killed): name its articles
                results = [error_record(p.article.id, f"could not be coded: the worker process failed "
                                                      f"({type(e).__name__}: {e})") for p in batch]
                if isinstance(e, BrokenProcessPool):
                    renew_pool()
            save(batch, results)

        def drain(block_until: int) -> None:
            while len(in_flight) > block_until:
                if stopped.signal:
                    raise _Stopped
                done, _ = wait(in_flight, timeout=WAIT_S, return_when=FIRST_COMPLETED)
                for f in done:
                    collect(f)

        def submit(batch: list[Pending]) -> None:
            payload = [(p.article, p.hash, p.story, p.similarity) for p in batch]
            if pool is None:
                save(batch, code_batch(payload))
            else:
                in_flight[pool.submit(code_batch, payload)] = batch
                drain(2 * workers)

        batch: list[Pending] = []
        try:
            for key, item in read_inputs_keyed(inputs, published):
                if stopped.signal:
                    raise _Stopped
                if isinstance(item, InputError):
                    error(item)
                    bar.update(1)
                    continue
                report.read += 1
                h = dedup.content_hash(item.text)
                if h in run_hashes or store.known([h]):
                    store.add_copies([copy_row(h, item, key)])
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
                batch.append(Pending(item, h, story, sim, sig, key))
                if len(batch) >= batch_size:
                    submit(batch)
                    batch = []
            if batch and not stopped.signal:
                submit(batch)
            drain(0)
            if stopped.signal:
                raise _Stopped
        except (_Stopped, KeyboardInterrupt):
            report.interrupted = stopped.signal or signal.SIGINT
            for f in [f for f in in_flight if f.done() and not f.cancelled()]:
                collect(f)  # coded before the stop: keep it
        finally:
            if pool is not None:
                _stop_pool(pool, wait=not report.interrupted)
            bar.close()
    return report


WAIT_S = 0.5  # how often a waiting ingest looks whether it was asked to stop


class _Stop:
    signal: int | None = None


class _Stopped(Exception):
    """Raised by ingest itself at a safe point after SIGTERM or SIGINT."""


@contextlib.contextmanager
def _signals_as_interrupts():
    """SIGTERM and SIGINT (Ctrl-C) ask `ingest` to stop: the first one is noted and
    the run stops at the next safe point (between articles, or while waiting for
    workers), never inside a DuckDB call, which would turn the interrupt into an
    error of its own; a second one raises KeyboardInterrupt at once. Elsewhere
    than the main thread, signals are left alone."""
    stop = _Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum, frame):
        if stop.signal is not None:
            raise KeyboardInterrupt
        stop.signal = signum

    previous = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for s, h in previous.items():
            signal.signal(s, h)
