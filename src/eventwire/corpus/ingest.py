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
from .workers import code_batch, error_record, sigint_held, start_worker, stop_pool


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
        """(story, similarity) of the most similar article seen, if a near-duplicate."""
        return dedup.most_similar(sig, ((story, other) for b in dedup.bands(sig)
                                        for _, other, story in self.buckets.get(b, ())))


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

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=count_articles(inputs) if show else None, unit=" articles", disable=not show,
               file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
    with Store(db) as store, _signals_as_interrupts() as stopped:
        run = _Run(store, workers, bar, stopped, on_error)
        try:
            run.all(read_inputs_keyed(inputs, published), batch_size)
        except (_Stopped, KeyboardInterrupt):
            run.report.interrupted = stopped.signal or signal.SIGINT
            run.keep_finished()
        finally:
            run.close()
            bar.close()
    return run.report


class _Run:
    """One ingest: dedup in this process, coding in the pool (or here with one
    worker), every coded batch stored as it comes back."""

    def __init__(self, store: Store, workers: int, bar, stopped: "_Stop", on_error=None):
        self.store, self.workers, self.bar, self.stopped, self.on_error = store, workers, bar, stopped, on_error
        self.report = IngestReport()
        self.pool: ProcessPoolExecutor | None = None
        self.in_flight: dict[Future, list[Pending]] = {}
        self.index = _RunIndex()
        self.hashes: set[str] = set()
        if workers > 1:
            self.renew_pool()

    def renew_pool(self) -> None:
        if self.pool is not None:
            stop_pool(self.pool, wait=False)
        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=start_worker, initargs=(os.getpid(),))

    def all(self, items, batch_size: int) -> None:
        batch: list[Pending] = []
        for key, item in items:
            self.check_stop()
            pending = self.read(key, item)
            if pending is not None:
                batch.append(pending)
            if len(batch) >= batch_size:
                self.submit(batch)
                batch = []
        self.check_stop()
        if batch:
            self.submit(batch)
        self.drain(0)
        self.check_stop()

    def check_stop(self) -> None:
        if self.stopped.signal:
            raise _Stopped

    def read(self, key: str, item) -> Pending | None:
        """The article to code, or None: an error (reported) or a text already stored
        (counted as one more copy)."""
        report, store = self.report, self.store
        if isinstance(item, InputError):
            self.error(item)
            self.bar.update(1)
            return None
        report.read += 1
        h = dedup.content_hash(item.text)
        if h in self.hashes or store.known([h]):
            store.add_copies([copy_row(h, item, key)])
            report.skipped += 1
            self.bar.update(1)
            return None
        self.hashes.add(h)
        sig = dedup.signature(item.text)
        found = store.similar_story(sig) or self.index.similar(sig)
        story, sim = (h, None)
        if found:
            story = store.story_of(found[0]) if found[0] not in self.hashes else found[0]
            sim = round(found[1], 3)
            report.near_duplicates += 1
        self.index.add(h, sig, story)
        return Pending(item, h, story, sim, sig, key)

    def error(self, e: InputError) -> None:
        self.report.errors.append(e)
        if self.on_error:
            self.on_error(e)

    def submit(self, batch: list[Pending]) -> None:
        payload = [(p.article, p.hash, p.story, p.similarity) for p in batch]
        if self.pool is None:
            self.save(batch, code_batch(payload))
        else:
            with sigint_held():  # a submit starts a worker process while the pool has fewer than `workers`
                self.in_flight[self.pool.submit(code_batch, payload)] = batch
            self.drain(2 * self.workers)

    def drain(self, block_until: int) -> None:
        while len(self.in_flight) > block_until:
            self.check_stop()
            done, _ = wait(self.in_flight, timeout=WAIT_S, return_when=FIRST_COMPLETED)
            for f in done:
                self.collect(f)

    def collect(self, f: Future) -> None:
        batch = self.in_flight.pop(f)
        try:
            results = f.result()
        except Exception as e:  # the worker died (out of memory, killed): name its articles
            results = [error_record(p.article.id, f"could not be coded: the worker process failed "
                                                  f"({type(e).__name__}: {e})") for p in batch]
            if isinstance(e, BrokenProcessPool):
                self.renew_pool()
        self.save(batch, results)

    def save(self, batch: list[Pending], results: list[dict]) -> None:
        parts, copies, sigs = [], [], []
        for p, r in zip(batch, results):
            if "error" in r:
                self.error(InputError(*r["error"]))
                continue
            parts.append(r)
            copies.append(copy_row(p.hash, p.article, p.input))
            sigs.append((p.hash, p.signature))
            self.report.events += len(r["events"])
        self.store.add(merge(parts), copies, sigs)
        self.report.stored += len(parts)
        self.bar.update(len(batch))
        self.bar.set_postfix(events=self.report.events, refresh=False)

    def keep_finished(self) -> None:
        """After a stop: store the batches the workers had already coded."""
        for f in [f for f in self.in_flight if f.done() and not f.cancelled()]:
            self.collect(f)

    def close(self) -> None:
        if self.pool is not None:
            stop_pool(self.pool, wait=not self.report.interrupted)


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
