"""`eventwire batch`: code a corpus on a Dask cluster into partitioned Parquet.

The driver (this process) reads the inputs in order, as `ingest` does, and cuts
them into shards of `shard_size` consecutive articles. It keeps the set of
content hashes seen so far, so an exact copy is recorded in `copies` but never
coded twice, wherever in the corpus it comes. A shard's name is its index and a
digest of its articles and the coder's version, so a rerun on the same inputs
finds the shards a killed run finished (their markers exist) and submits only
the rest; a shard whose inputs changed gets a new name, and shards no longer
part of the inputs are deleted at the end. Each shard is one Dask task
(worker.code_shard); then the near-duplicate shuffle (stories.py) runs over the
whole corpus, and `_batch/complete.json` marks the output finished.

Not done here: reading the inputs is one process (the driver), and the set of
content hashes lives in its memory (two sets of 20-byte digests, about
200 bytes an article).
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import signal
import sys
import time
from dataclasses import dataclass, field
from typing import Iterable, Iterator

import datetime as dt

import pyarrow as pa

from ... import __version__
from .. import dedup
from ...io.files import count_articles, read_inputs_keyed
from ...model import Article, InputError
from ..store import copy_row
from .layout import ERRORS, Layout, write_atomic, write_json_atomic

DEFAULT_SHARD_SIZE = 100


@dataclass
class Shard:
    index: int
    name: str
    articles: list[tuple[int, str, Article]]  # (input position, content hash, article) to code
    copies: list[dict]  # one row per input article of the shard (copies table)
    read: int  # input articles in the shard


@dataclass
class BatchReport:
    read: int = 0
    coded: int = 0
    copies_skipped: int = 0  # exact copies of an earlier article: recorded, not coded
    reused_shards: int = 0  # finished by an earlier (killed) run
    shards: int = 0
    events: int = 0
    near_duplicates: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article or input, reason)
    interrupted: int | None = None  # the signal that stopped the run early (Ctrl-C: SIGINT)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time of: setup, shards, stories
    coding_seconds: float = 0.0  # summed wall time of the shards coded in this run, on their workers
    coding_cpu_seconds: float = 0.0  # and their CPU time (what a free core would take)


def plan_shards(inputs: Iterable[str], published: dt.date | None, shard_size: int,
                read_errors: list[InputError]) -> Iterator[Shard]:
    """Shards of consecutive input articles, exact copies already dropped from coding.
    Errors of reading go to `read_errors` (they belong to no shard)."""
    seen: set[bytes] = set()
    seen_copies: set[bytes] = set()
    position, index = 0, 0
    articles: list[tuple[int, str, Article]] = []
    copies: list[dict] = []
    digest = hashlib.sha1(f"{__version__}|{shard_size}".encode())
    n = 0

    def cut() -> Shard:
        return Shard(index, f"{index:06d}-{digest.hexdigest()[:10]}", articles, copies, n)

    for input_key, item in read_inputs_keyed(inputs, published):
        if isinstance(item, InputError):
            read_errors.append(item)
            continue
        h = dedup.content_hash(item.text)
        key = bytes.fromhex(h)
        copy_key = hashlib.sha1(f"{h}|{input_key}".encode()).digest()
        new_copy, new_text = copy_key not in seen_copies, key not in seen
        if new_copy:  # the same text from the same input (resolved path or URL) is one copy, as in the store
            seen_copies.add(copy_key)
            copies.append(copy_row(h, item, input_key))
        if new_text:
            seen.add(key)
            articles.append((position, h, item))
        # What the shard holds, and what earlier shards already took from it, names it.
        digest.update(f"{input_key}|{item.id}|{h}|{item.published}|{item.source}|{item.url}|{item.title}|"
                      f"{new_copy:d}{new_text:d}\n".encode())
        position += 1
        n += 1
        if n == shard_size:
            yield cut()
            index += 1
            articles, copies, n = [], [], 0
            digest = hashlib.sha1(f"{__version__}|{shard_size}".encode())
    if n:
        yield cut()


@contextlib.contextmanager
def connect(workers: int = 2, scheduler: str | None = None, memory_limit: str | None = None):
    """A Dask client: on an existing scheduler, or on a LocalCluster of `workers`
    single-threaded processes bound to loopback (dashboard on a free loopback port).

    The local cluster starts with SIGINT held back (workers.sigint_held): its event
    loop thread, and through it every nanny and worker process it starts, keep
    SIGINT blocked, so a Ctrl-C, which reaches the whole process group, stops only
    this process (which then closes the cluster) and prints no worker's traceback.
    A Ctrl-C while the cluster starts takes effect once it is up."""
    from distributed import Client, LocalCluster

    from ..workers import sigint_held

    _quiet_worker_shutdown()
    if scheduler:
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    with contextlib.ExitStack() as stack:
        with sigint_held():
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address="127.0.0.1:0", memory_limit=memory_limit or "auto"))
            client = stack.enter_context(Client(cluster))
        try:
            yield client
        except KeyboardInterrupt:
            with _quiet_close():
                stack.close()  # the client, then the cluster
            raise


@contextlib.contextmanager
def _quiet_close():
    """Closing a cluster whose run was interrupted fails the scheduler's messages to
    workers that are going away (a plugin being loaded, a task in flight); Dask and
    asyncio log each one with a traceback. The user asked for the stop: while the
    cluster closes, those loggers keep quiet."""
    loggers = [logging.getLogger(n) for n in ("distributed", "asyncio", "tornado")]
    levels = [log.level for log in loggers]
    for log in loggers:
        log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for log, level in zip(loggers, levels):
            log.setLevel(level)


class _DropSlowExit(logging.Filter):
    """A worker process holding the spaCy model can take more than the nanny's four
    seconds to exit once the run is over; the nanny then kills it, which is harmless
    and not worth a warning on the user's terminal. Other nanny warnings stay."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "still alive after" not in record.getMessage()


def _quiet_worker_shutdown() -> None:
    log = logging.getLogger("distributed.nanny")
    if not any(isinstance(f, _DropSlowExit) for f in log.filters):
        log.addFilter(_DropSlowExit())


def run_batch(inputs: Iterable[str], out: str, workers: int = 2, scheduler: str | None = None,
              published: dt.date | None = None, shard_size: int = DEFAULT_SHARD_SIZE,
              progress: bool | None = None, on_error=None, client=None) -> BatchReport:
    """Code every article of the inputs on a Dask cluster into the Parquet folder `out`.
    `client`: an already connected distributed.Client (then `workers`/`scheduler` are unused).
    `on_error(name, reason)` is called for each article or input that fails.
    Ctrl-C stops the run: the shards already written are kept (a rerun resumes from
    them) and the report says `interrupted`."""
    layout = Layout(out)
    layout.check()  # before a cluster is started or reached
    report = BatchReport()
    try:
        if client is None:
            with connect(workers, scheduler) as c:
                return _run(c, inputs, layout, published, shard_size, progress, on_error, report)
        return _run(client, inputs, layout, published, shard_size, progress, on_error, report)
    except KeyboardInterrupt:
        report.interrupted = signal.SIGINT
        return report


def _run(client, inputs, layout: Layout, published, shard_size, progress, on_error,
         report: BatchReport) -> BatchReport:
    from distributed import as_completed
    from tqdm import tqdm

    from .stories import write_stories
    from .worker import CoderPlugin, code_shard

    layout.prepare()
    t0 = time.perf_counter()
    client.register_plugin(CoderPlugin(), name=CoderPlugin.name)  # loads the coder on every worker
    report.seconds["setup"] = round(time.perf_counter() - t0, 1)
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=count_articles(inputs) if show else None, unit=" articles", disable=not show,
               file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

    def slots() -> int:  # shards in flight: two per worker thread, counted again as workers join
        return 2 * max(1, sum(client.nthreads().values())) + 1
    committed = layout.committed()
    planned: list[str] = []
    read_errors: list[InputError] = []
    in_flight = as_completed()

    def finish(summary: dict, n_read: int) -> None:
        report.coded += summary["coded"]
        report.events += summary["counts"].get("events", 0)
        for name, reason in summary["errors"]:
            report.errors.append((name, reason))
            if on_error:
                on_error(name, reason)
        bar.update(n_read)
        bar.set_postfix(events=report.events, refresh=False)

    reads: dict[str, int] = {}
    reported_read_errors = 0

    def flush_read_errors() -> None:
        nonlocal reported_read_errors
        for e in read_errors[reported_read_errors:]:
            report.errors.append((e.name, e.reason))
            if on_error:
                on_error(e.name, e.reason)
        reported_read_errors = len(read_errors)

    def collect(future) -> None:
        try:
            summary = future.result()
        except Exception as e:  # the shard's worker died too often, or its files could not be written
            name = future.key.removeprefix("eventwire-shard-")
            reason = f"shard not coded ({type(e).__name__}: {e}); rerun the batch to retry it"
            report.errors.append((f"shard {name}", reason))
            if on_error:
                on_error(f"shard {name}", reason)
            bar.update(reads.pop(name))
            return
        report.coding_seconds += summary["seconds"]
        report.coding_cpu_seconds += summary["cpu_seconds"]
        finish(summary, reads.pop(summary["shard"]))

    t0 = time.perf_counter()
    try:
        for shard in plan_shards(inputs, published, shard_size, read_errors):
            flush_read_errors()
            planned.append(shard.name)
            report.read += shard.read
            report.copies_skipped += shard.read - len(shard.articles)
            if shard.name in committed:
                report.reused_shards += 1
                finish(layout.read_marker(shard.name), shard.read)
                continue
            reads[shard.name] = shard.read
            future = client.submit(code_shard, str(layout.root.resolve()), shard.name, shard.articles, shard.copies,
                                   key=f"eventwire-shard-{shard.name}", pure=False, retries=1)
            in_flight.add(future)
            while in_flight.count() >= slots():
                collect(next(in_flight))
        flush_read_errors()
        for future in in_flight:
            collect(future)
    finally:
        bar.close()
    report.shards = len(planned)
    report.seconds["shards"] = round(time.perf_counter() - t0, 1)

    rows = [{"article_id": e.name, "reason": e.reason, "shard": None} for e in read_errors]
    read_file = layout.shard_file("errors", "read", None)
    if rows:
        write_atomic(pa.Table.from_pylist(rows, schema=ERRORS), read_file)
    else:
        read_file.unlink(missing_ok=True)
    layout.sweep(keep=set(planned))  # shards of earlier inputs, torn attempts' temporary files
    committed = layout.committed()
    t0 = time.perf_counter()
    report.near_duplicates = write_stories(client, layout, [s for s in planned if s in committed])
    report.seconds["stories"] = round(time.perf_counter() - t0, 1)
    write_json_atomic({"shards": len(planned), "read": report.read, "coded": report.coded,
                       "events": report.events, "errors": len(report.errors),
                       "near_duplicates": report.near_duplicates, "version": __version__},
                      layout.complete)
    return report

