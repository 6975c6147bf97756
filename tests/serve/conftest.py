"""A small real store, the dashboard served from it by uvicorn, and Debian's chromium driven by Playwright.

The store is built by ingesting articles written for these tests (one carries
script and onerror payloads in its title, text and quote). The browser tests
skip only where chromium is absent and CI is not "true"; under CI=true a
missing browser fails them, so a CI run cannot pass without running them.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from eventwire.corpus.ingest import ingest
from eventwire.corpus.store import Store
from eventwire.serve import create_app
from eventwire.serve.server import running

TRAP_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">Talks resume'
ARTICLES = [
    {"id": "a1", "published": "2024-09-10", "source": "Wire", "title": "Ankara and Tehran sign a trade deal",
     "url": "https://news.example/a1",
     "text": "Turkish President Recep Tayyip Erdogan met Iranian President Masoud Pezeshkian in Ankara on "
             "Monday. The two governments signed a trade agreement."},
    {"id": "a2", "published": "2024-10-21", "source": "Wire", "title": "Erdogan praises Iran",
     "url": "https://news.example/a2",
     "text": "Erdogan praised Iran for its restraint on Sunday. Turkey will send aid to Iranian flood victims, "
             "officials said."},
    {"id": "a3", "published": "2024-11-04", "source": "Paper", "title": "Tehran accuses Ankara",
     "url": "javascript:alert(1)",
     "text": "Iran accused Türkiye on Sunday of harbouring Kurdish militants. "
             "\"We will not accept threats,\" Turkish Foreign Minister Hakan Fidan told reporters."},
    {"id": "a4", "published": "2024-11-20", "source": "Paper", "title": "Strikes in Lebanon",
     "url": "https://news.example/a4",
     "text": "Israeli warplanes struck targets in southern Lebanon on Wednesday, killing four people, "
             "the Lebanese health ministry said."},
    {"id": "trap", "published": "2024-12-02", "source": "Wire", "title": TRAP_TITLE,
     "url": "https://news.example/trap?a=1&b=<2>",
     "text": "Turkish Foreign Minister Hakan Fidan met <img src=x onerror=\"window.__pwned=3\"> Iranian "
             "Foreign Minister Abbas Araqchi in Tehran on Monday. "
             "\"<script>window.__pwned=4</script> We want calm,\" Fidan said."},
]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve-store")
    src = folder / "news.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "news.duckdb"
    report = ingest([str(src)], db=str(db), workers=1, progress=False)
    assert report.stored == len(ARTICLES) and not report.errors
    return db


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def store_digest(store_path) -> str:
    return file_digest(store_path)


@pytest.fixture(scope="session")
def base_url(store_path, store_digest):
    store = Store(store_path, read_only=True)
    with running(create_app(store.con, name="news.duckdb")) as url:
        yield url
    store.close()


def _chromium() -> str | None:
    return shutil.which("chromium") or next(
        (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None)


@pytest.fixture(scope="session")
def browser():
    executable = _chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed, and CI=true: .ci/run must apt-get install chromium")
        pytest.skip("chromium is not installed (apt-get install chromium fonts-liberation)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions; none may occur, and no trap may fire."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    pwned = pg.evaluate("window.__pwned")
    context.close()
    assert pwned is None, f"a stored payload ran (window.__pwned={pwned})"
    assert not pg.errors, pg.errors
