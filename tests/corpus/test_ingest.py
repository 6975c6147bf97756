"""Ingest into a real DuckDB file: idempotent, duplicate-aware, crash-safe."""
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.corpus.ingest import ingest

STORY = (
    "Egypt's foreign minister met his Qatari counterpart in Cairo on Tuesday to discuss a ceasefire in Gaza. "
    "The two ministers urged Israel and Hamas to return to talks, a statement from the Egyptian foreign "
    "ministry said. Qatar has hosted Hamas's political office since 2012.\n\n"
    "Separately, Sudan's army accused the Rapid Support Forces of shelling a market in Omdurman, killing "
    "at least twelve civilians, and vowed to retaliate."
)
OTHER = (
    "Japan and South Korea agreed on Monday to resume regular security talks, ending a five-year pause. "
    "Japanese Prime Minister Fumio Kishida welcomed the agreement and said Tokyo would send a delegation "
    "to Seoul next month. North Korea condemned the talks as a provocation."
)


def write_jsonl(path: Path, articles: list[dict]) -> str:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return str(path)


def table_counts(db: str) -> dict:
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "quotes", "actors", "mentions", "copies")}
    finally:
        con.close()


def test_ingest_stores_then_skips_what_is_stored(tmp_path):
    db = str(tmp_path / "c.duckdb")
    src = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "a1", "text": STORY, "published": "2024-03-05", "source": "Agency A"},
        {"id": "a2", "text": OTHER, "published": "2024-03-04", "source": "Agency A"},
    ])
    first = ingest([src], db=db, workers=1, progress=False)
    assert (first.read, first.stored, first.skipped) == (2, 2, 0)
    assert first.events > 0
    counts = table_counts(db)
    assert counts["articles"] == 2 and counts["events"] == first.events
    again = ingest([src], db=db, workers=1, progress=False)
    assert (again.stored, again.skipped) == (0, 2)
    assert table_counts(db) == counts  # nothing doubled


def test_the_same_story_from_two_outlets_is_coded_once_and_counted_twice(tmp_path):
    db = str(tmp_path / "c.duckdb")
    src = write_jsonl(tmp_path / "a.jsonl", [
        {"id": "wire-1", "text": STORY, "published": "2024-03-05", "source": "Agency A"},
        {"id": "paper-7", "text": STORY.replace("  ", " ") + "\n", "published": "2024-03-05",
         "source": "Daily B"},
        # near-duplicate: same story with a byline and a changed word
        {"id": "site-3", "text": "By a staff reporter.\n\n" + STORY.replace("Tuesday", "Tuesday morning"),
         "published": "2024-03-05", "source": "Site C"},
    ])
    report = ingest([src], db=db, workers=1, progress=False)
    assert (report.stored, report.skipped, report.near_duplicates) == (2, 1, 1)
    con = duckdb.connect(db, read_only=True)
    stories = con.execute("SELECT id, story = hash FROM articles ORDER BY id").fetchall()
    assert stories == [("site-3", False), ("wire-1", True)]
    # the wire story's events are reported by two articles from two outlets
    rows = con.execute("SELECT DISTINCT num_articles, num_sources FROM event_reports "
                       "WHERE article_id = 'wire-1'").fetchall()
    con.close()
    assert rows and all(n_art >= 2 and n_src >= 2 for n_art, n_src in rows)


def test_bad_inputs_are_named_and_the_rest_is_stored(tmp_path):
    db = str(tmp_path / "c.duckdb")
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "g", "text": OTHER, "published": "2024-03-04"}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": \n{"id": "y", "text": "Ein Artikel auf Deutsch über die Regierung, '
                   'die sich am Dienstag mit der Opposition trifft und über den Haushalt streitet. Der Kanzler sagte, '
                   'man werde die Gespräche in der nächsten Woche fortsetzen, obwohl die Fraktionen weiterhin '
                   'uneinig über die Schuldenbremse seien."}\n', encoding="utf-8")
    errors = []
    report = ingest([str(bad), good], db=db, workers=1, progress=False, on_error=errors.append)
    assert report.stored == 1
    names = " ".join(str(e) for e in report.errors)
    assert "bad.jsonl:1" in names and "malformed JSON" in names
    assert "y" in {e.name for e in report.errors}  # not English
    assert table_counts(db)["articles"] == 1


def test_two_workers_store_what_one_does(tmp_path):
    articles = [{"id": f"a{i}", "text": t, "published": "2024-03-05"}
                for i, t in enumerate([STORY, OTHER, STORY.split("\n\n")[1], OTHER.split(". ")[0] + "."])]
    src = write_jsonl(tmp_path / "a.jsonl", articles)
    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    ingest([src], db=one, workers=1, progress=False)
    ingest([src], db=two, workers=2, batch_size=1, progress=False)
    q = "SELECT article_id, event_id, cameo, source_code, target_code FROM events ORDER BY 1, 2"
    c1, c2 = duckdb.connect(one, read_only=True), duckdb.connect(two, read_only=True)
    assert c1.execute(q).fetchall() == c2.execute(q).fetchall()
    c1.close(), c2.close()


def _ingest_cmd(src: str, db: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", src, "--db", db, "--workers", "1",
            "--batch-size", "2", "--no-progress"]


def _wait_for_progress(proc: subprocess.Popen, at_least: int, deadline_s: float) -> None:
    """Read the ingest's progress bar on stderr until it counts `at_least` articles."""
    seen, text, end = 0, "", time.monotonic() + deadline_s
    while seen < at_least and time.monotonic() < end:
        chunk = proc.stderr.read1(256).decode("utf-8", "replace")
        if not chunk:
            break
        text = (text + chunk)[-512:]
        counts = re.findall(r"(\d+)/\d+", text)
        seen = int(counts[-1]) if counts else 0
    assert seen >= at_least, f"ingest showed {seen} stored articles: {text!r}"


def test_ingest_killed_midway_resumes_to_the_same_store(tmp_path, shared):
    """SIGKILL in the middle, run again: exactly the articles and events of an
    uninterrupted run, nothing lost, nothing doubled."""
    lines = (shared / "eval" / "polnear_train.jsonl").read_text(encoding="utf-8").splitlines()[:30]
    src = tmp_path / "corpus.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole, killed = str(tmp_path / "whole.duckdb"), str(tmp_path / "killed.duckdb")
    subprocess.run(_ingest_cmd(str(src), whole), check=True, capture_output=True)

    # Killed once its progress bar says some batches are stored (the bar moves
    # after each batch's commit), not after a fixed sleep, which under a loaded
    # machine could come before the first batch.
    cmd = [a for a in _ingest_cmd(str(src), killed) if a != "--no-progress"] + ["--progress"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE)
    _wait_for_progress(proc, at_least=4, deadline_s=300)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    partial = table_counts(killed)["articles"]
    expected = table_counts(whole)
    assert 0 < partial < expected["articles"], partial

    subprocess.run(_ingest_cmd(str(src), killed), check=True, capture_output=True)
    assert table_counts(killed) == expected
    q = ("SELECT hash, event_id, cameo, source_code, target_code, modality, span_start FROM events "
         "ORDER BY hash, event_id")
    cw, ck = duckdb.connect(whole, read_only=True), duckdb.connect(killed, read_only=True)
    assert cw.execute(q).fetchall() == ck.execute(q).fetchall()
    cw.close(), ck.close()


def test_ingest_stores_every_place_and_time(tmp_path):
    db = str(tmp_path / "c.duckdb")
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": STORY, "published": "2024-03-05"}])
    ingest([src], db=db, workers=1, progress=False)
    con = duckdb.connect(db, read_only=True)
    try:
        places = con.execute("SELECT text, country, feature FROM places WHERE article_id = 'a1'").fetchall()
        times = con.execute("SELECT text, type, value FROM times WHERE article_id = 'a1'").fetchall()
    finally:
        con.close()
    assert ("Cairo", "EGY", "PPLC") in places and ("Omdurman", "SDN", "PPL") in places
    assert ("Tuesday", "date", "2024-03-05") in times and ("2012", "date", "2012") in times
