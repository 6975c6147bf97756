"""The corpus commands on a real store, as a user types them (CliRunner, a real DuckDB file)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import main

ARTICLES = [
    {"id": "w1", "published": "2024-05-06", "source": "Wire A", "text":
        "Russia attacked Ukraine on Monday, officials in Kyiv said. Germany provided aid to Sudan on Monday."},
    {"id": "p1", "published": "2024-05-06", "source": "Paper B", "text":
        "Russia did not attack Ukraine on Monday. Germany never provided aid to Sudan."},
    {"id": "u1", "published": "2024-06-10", "source": "Paper B", "text":
        "Donald Trump said on Monday that the wall would be built. \"We will build it,\" Trump said. "
        "Hillary Clinton criticized Russia on Monday. Bill Clinton praised Ireland."},
]


def run(*args, **kw):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kw)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    src = folder / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "news.duckdb"
    res = run("ingest", src, "--db", db, "--workers", "1", "--no-progress")
    assert res.exit_code == 0, res.stderr
    return db


def gdelt(res) -> list[dict]:
    return list(csv.DictReader(io.StringIO(res.stdout), delimiter="\t"))


# 2. Series count what happened

def test_gdelt_export_holds_asserted_events_unless_asked(store):
    res = run("export", "--db", store, "--format", "gdelt")
    assert res.exit_code == 0, res.stderr
    rows = gdelt(res)
    aid = [r for r in rows if r["EventCode"] == "070" and r["Actor1Code"] == "DEU"]
    assert len(aid) == 1 and "Modality" not in rows[0]  # "never provided aid" is not an act of aid
    assert "asserted events only" in res.stderr
    res = run("export", "--db", store, "--format", "gdelt", "--modality", "all")
    rows = gdelt(res)
    assert {r["Modality"] for r in rows if r["EventCode"] == "070"} == {"asserted", "negated"}


def test_dyad_series_counts_asserted_events_and_labels_others(store):
    res = run("query", "dyad", "Russia", "Ukraine", "--db", store, "--format", "json")
    rows = json.loads(res.stdout)
    assert [(r["modality"], r["events"], r["goldstein_sum"]) for r in rows] == [("asserted", 1, -8.0)]
    res = run("query", "dyad", "Russia", "Ukraine", "--db", store, "--format", "json", "--modality", "all")
    rows = json.loads(res.stdout)
    assert sorted((r["modality"], r["events"]) for r in rows) == [("asserted", 1), ("negated", 1)]


def test_an_event_and_its_denial_are_two_events(store):
    res = run("query", "events", "--db", store, "--actor", "RUS", "--target", "UKR", "--distinct",
              "--modality", "all", "--format", "json")
    rows = json.loads(res.stdout)
    assert sorted(r["modality"] for r in rows if r["cameo"].startswith("19")) == ["asserted", "negated"]
    assert all(r["num_articles"] == 1 for r in rows)


# 6. Every usage error is one line, rc 2, no traceback

def _one_error_line(res, rc: int = 2) -> str:
    assert res.exit_code == rc, (res.stdout, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("eventwire: error: "), res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    return lines[0]


def test_usage_errors_are_one_line(store, tmp_path):
    assert "--limit" in _one_error_line(run("query", "events", "--db", store, "--limit", "-5"))
    line = _one_error_line(run("export", "--db", store, "-o", tmp_path / "missing" / "out.csv"))
    assert "does not exist" in line
    existing = tmp_path / "events.parquet"
    existing.write_text("keep me", encoding="utf-8")
    line = _one_error_line(run("export", "--db", store, "--format", "parquet", "-o", existing))
    assert "is a file" in line and existing.read_text(encoding="utf-8") == "keep me"
    assert "YYYY-MM-DD" in _one_error_line(run("query", "quotes", "--db", store, "--since", "May 5"))


def test_a_bad_published_is_named_by_its_line_and_the_default_used(tmp_path):
    src = tmp_path / "items.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Iran condemned the strike.", "published": "2024-01-02"}) + "\n"
                   + json.dumps({"id": "b", "text": "Iraq condemned the strike.", "published": "last Tuesday"})
                   + "\n", encoding="utf-8")
    res = run("code", src, "--published", "2024-03-04")
    assert res.exit_code == 0, res.stderr
    assert f"eventwire: warning: {src}:2: \"published\" 'last Tuesday' is not a date" in res.stderr
    records = {r["id"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert records["b"]["published"] == "2024-03-04" and records["a"]["published"] == "2024-01-02"


def test_text_that_is_not_a_string_is_named(tmp_path):
    src = tmp_path / "items.jsonl"
    src.write_text(json.dumps({"id": "n", "text": 12345}) + "\n", encoding="utf-8")
    res = run("code", src)
    assert res.exit_code == 1
    assert f"eventwire: error: {src}:1: \"text\" must be a string, not a number" in res.stderr


# 7. What users type finds what they mean

def test_a_surname_finds_the_speaker(store):
    res = run("query", "quotes", "--db", store, "--speaker", "Trump", "--format", "json")
    rows = json.loads(res.stdout)
    assert rows and {r["speaker_name"] for r in rows} == {"Donald Trump"}
    assert res.stderr == ""


def test_an_ambiguous_surname_is_said(store):
    res = run("query", "events", "--db", store, "--actor", "Clinton", "--format", "json")
    rows = json.loads(res.stdout)
    assert {r["source_name"] for r in rows} == {"Hillary Clinton", "Bill Clinton"}
    assert "'Clinton' names 2 actors" in res.stderr
    res = run("query", "events", "--db", store, "--actor", "Hillary Clinton", "--format", "json")
    assert {r["source_name"] for r in json.loads(res.stdout)} == {"Hillary Clinton"} and res.stderr == ""


# 10. Exports are clean and complete

def test_exported_numbers_have_no_float_noise_and_sentences_are_whole(store):
    res = run("export", "--db", store, "--format", "csv", "--modality", "all")
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    for r in rows:
        for col in ("goldstein", "confidence", "place_lat", "place_lon", "story_similarity"):
            if r.get(col):
                assert len(r[col].split(".")[-1]) <= 4, (col, r[col])
    by_trigger = {r["trigger"]: r["sentence"] for r in rows}
    assert by_trigger["attacked"] == "Russia attacked Ukraine on Monday, officials in Kyiv said."
    assert by_trigger["praised"] == "Bill Clinton praised Ireland."
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for r in rows:  # a whole sentence: it ends where the article's sentence does
        text = texts[r["article_id"]]
        assert r["sentence"] in text and r["trigger"] in r["sentence"]
        end = text.index(r["sentence"]) + len(r["sentence"])
        assert r["sentence"][-1] in ".\"”" and (end == len(text) or text[end] == " "), r["sentence"]


def test_parquet_carries_actors_mentions_and_copies_with_their_input(store, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "pq"
    res = run("export", "--db", store, "--format", "parquet", "-o", out)
    assert res.exit_code == 0, res.stderr
    for name in ("events", "quotes", "actors", "mentions", "copies", "articles"):
        assert pq.read_table(out / name).num_rows > 0, name
    copies = pq.read_table(out / "copies").to_pylist()
    src = (store.parent / "news.jsonl").resolve()
    assert sorted(c["input"] for c in copies) == sorted(f"{src}#{a['id']}" for a in ARTICLES)


# 11. On a terminal

def test_the_table_keeps_actor_codes_whole_and_shows_confidence_and_reporter():
    text = ("The Supreme Leader of the Islamic Republic of Iran praised the Islamic Revolutionary Guard Corps "
            "on Monday, his office said.")
    res = run("code", "-", "--published", "2024-05-06", "--format", "table", input=text)
    assert res.exit_code == 0, res.stderr
    assert "IRNMIL" in res.stdout and "IRNGOV" in res.stdout
    header = next(ln for ln in res.stdout.splitlines() if "source_code" in ln)
    assert "confidence" in header and "reported_by" in header


def test_query_rows_keep_codes_whole(store):
    res = run("query", "events", "--db", store, "--modality", "all")
    assert res.exit_code == 0
    codes = duckdb.connect(str(store), read_only=True).execute(
        "SELECT DISTINCT source_code FROM events WHERE source_code IS NOT NULL").fetchall()
    assert codes and all(c in res.stdout for (c,) in codes)


def test_every_option_says_what_it_takes():
    import click

    def commands(group, path=()):
        for name, cmd in group.commands.items():
            if isinstance(cmd, click.Group):
                yield from commands(cmd, path + (name,))
            else:
                yield path + (name,), cmd

    for path, cmd in commands(main):
        for p in cmd.params:
            if isinstance(p, click.Option):
                assert p.help, (path, p.name)
                if p.name in ("since", "until", "published"):
                    assert "YYYY-MM-DD" in p.help, (path, p.name)


def test_quotes_and_actors_take_since_and_until(store):
    res = run("query", "quotes", "--db", store, "--since", "2024-06-01", "--format", "json")
    assert {r["article_id"] for r in json.loads(res.stdout)} == {"u1"}
    res = run("query", "actors", "--db", store, "--until", "2024-05-31", "--format", "json")
    names = {r["name"] for r in json.loads(res.stdout)}
    assert "Russia" in names and "Donald Trump" not in names


def test_code_shows_progress_with_a_total(tmp_path):
    paths = []
    for i, text in enumerate(["Iran condemned the strike.", "Iraq praised Jordan.", "Chile criticized Peru."]):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    res = run("code", *paths, "--published", "2024-05-06", "--progress")
    assert res.exit_code == 0, res.stderr
    assert "3/3" in res.stderr


def test_every_message_has_one_prefix(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for args in (["code", empty], ["query", "events", "--db", tmp_path / "none.duckdb"],
                 ["ingest", empty, "--db", tmp_path / "c.duckdb", "--workers", "1"]):
        res = run(*args)
        assert res.exit_code == 1
        assert all(ln.startswith("eventwire: ") for ln in res.stderr.splitlines()), res.stderr
