"""A table piped to a file, `grep` or `less` keeps one row per line, however long
its text: the real command in a subprocess with its stdout a pipe."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from eventwire.corpus.store import Store, copy_row
from eventwire.corpus.tables import merge, record_rows
from eventwire.model import Article

SRC = str(Path(__file__).resolve().parents[2] / "src")
SPEAKERS = [("Amara Osei", "GHAGOV"), ("Lena Brandt", "DEUGOV")]


def _quote(i: int, name: str, code: str) -> tuple[str, dict]:
    text = (f"Our ministry will publish every contract signed in the last {i + 3} years, line by line, "
            "so that anyone can check what was paid to whom, when and for what work, and we will answer "
            "every question the auditors put to us before the end of the year")
    speaker = {"id": f"a{i}", "name": name, "code": code, "country": code[:3], "sector": "GOV",
               "kind": "person", "text": name, "span": [0, len(name)]}
    return text, {"speaker": speaker, "text": text, "span": [0, len(text)], "cue": "said", "kind": "direct"}


def _store(db: Path) -> list[str]:
    """A store of one article with long quotes, written without the coder."""
    quotes = [_quote(i, name, code) for i, (name, code) in enumerate(SPEAKERS)]
    text = " ".join(t for t, _ in quotes)
    record = {"id": "t1", "title": None, "url": None, "source": "Test Wire", "published": "2025-03-04",
              "events": [], "quotes": [q for _, q in quotes], "actors": [], "places": [], "times": []}
    article = Article(id="t1", text=text, source="Test Wire")
    with Store(db) as store:
        store.add(merge([record_rows(record, text, "h1")]), [copy_row("h1", article)], [])
    return [t for t, _ in quotes]


def test_a_piped_table_keeps_each_row_on_one_line(tmp_path):
    db = tmp_path / "t.duckdb"
    texts = _store(db)
    res = subprocess.run([sys.executable, "-m", "eventwire.cli", "query", "quotes", "--db", str(db)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env={**os.environ, "PYTHONPATH": SRC, "COLUMNS": "80"})
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    for (name, code), text in zip(SPEAKERS, texts):
        row = [ln for ln in lines if name in ln]
        assert len(row) == 1 and text in row[0] and code in row[0]  # the whole row on the speaker's line
    header = next(ln for ln in lines if "speaker_code" in ln)
    assert lines.index(header) + 2 == lines.index(next(ln for ln in lines if SPEAKERS[0][0] in ln))
    assert "(2 rows)" in lines
