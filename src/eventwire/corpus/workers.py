"""The worker side of ingest: coding a batch in a process of its own.

`code_batch` is what a worker runs: a pure function from a batch of articles to
table rows, with every failure turned into a plain error record, so a Dask
cluster can run it too. A pool's workers are tied to the life of the process
that started them.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from ..model import Article, InputError
from .tables import record_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc


def code_batch(batch: list[tuple[Article, str, str, float | None]]) -> list[dict]:
    """Rows (see tables.record_rows) for each article of a batch, or a plain error
    record {"error": [name, reason]} in its place. Whatever goes wrong with one
    article becomes its error record here, in the worker, so nothing that cannot be
    pickled ever has to cross back to the parent. Pure: no store, no global state
    beyond the loaded models."""
    from ..coder import check_language
    from ..nlp.parse import parse_many

    out: list[dict | None] = [None] * len(batch)
    todo = []
    for i, (article, *_) in enumerate(batch):
        try:
            check_language(article)
            todo.append(i)
        except Exception as e:
            out[i] = _failed(article, e)
    try:
        docs = list(parse_many([batch[i][0].text for i in todo]))
    except Exception:  # pin the failure on its article: parse them one at a time
        docs = [_parse_one(batch[i][0].text) for i in todo]
    for i, doc in zip(todo, docs):
        article, h, story, sim = batch[i]
        try:
            if isinstance(doc, Exception):
                raise doc
            out[i] = _rows(article, doc, h, story, sim)
        except Exception as e:
            out[i] = _failed(article, e)
    return out


def _rows(article: Article, doc: Doc, h: str, story: str, sim: float | None) -> dict:
    from ..coder import code_doc

    record = code_doc(article, doc)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return record_rows(record.to_dict(), article.text, h, story, sim, sentences)


def _parse_one(text: str) -> Doc | Exception:
    from ..nlp.parse import parse

    try:
        return parse(text)
    except Exception as e:
        return e


def _failed(article: Article, e: Exception) -> dict:
    """The error record of an article: an InputError says what is wrong with the
    input itself; anything else is a failure of coding it."""
    if isinstance(e, InputError):
        return error_record(e.name, e.reason)
    return error_record(article.id, f"could not be coded ({type(e).__name__}: {e})")


def error_record(name: str, reason: str) -> dict:
    return {"error": [str(name), str(reason)]}


def start_worker(parent: int) -> None:
    """Pool initializer: tie the worker's life to its parent's, then load the models."""
    _end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
    from ..actors import knowledge_base
    from ..nlp.parse import nlp

    nlp()
    knowledge_base()


@contextlib.contextmanager
def sigint_held():
    """Hold SIGINT back (block it in this thread) while worker processes start. A
    process started meanwhile inherits the block, so a Ctrl-C that reaches the whole
    process group while a worker is still importing Python does not end it with a
    KeyboardInterrupt traceback (start_worker then ignores SIGINT for good); this
    process gets the held signal as soon as the block ends, and decides.

    multiprocessing's resource tracker is started first: starting it ends with an
    unblock of SIGINT in the thread that starts it (CPython's ensure_running), which
    would undo the hold in a thread that starts processes under it (Dask's loop)."""
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: nothing to hold
        yield
        return
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_PARENT_S = 1.0


def _end_with_parent(parent: int) -> None:
    """A worker (300-500 MB) must not outlive an ingest that was killed: on Linux the
    kernel sends it SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere,
    and in case the parent died before that was set, a thread checks every second
    that the parent is still there and ends the process when it is not."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_PARENT_S)
        os._exit(1)

    threading.Thread(target=watch, name="eventwire-parent-watch", daemon=True).start()


def stop_pool(pool: ProcessPoolExecutor, wait: bool) -> None:
    """Shut the pool down; when not waiting, end its workers now rather than after
    their current batch (they hold no store, so nothing is lost but that batch)."""
    if wait:
        pool.shutdown(wait=True, cancel_futures=True)
        return
    procs = list((getattr(pool, "_processes", None) or {}).values())  # no public handle on the workers
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        if proc.is_alive():
            proc.terminate()
    for proc in procs:
        proc.join(5)
        if proc.is_alive():
            proc.kill()
