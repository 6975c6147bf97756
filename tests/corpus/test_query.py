"""Questions of a real store built from news-style articles."""
import csv
import io
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire.corpus import query as q
from eventwire.corpus.export import GDELT_COLUMNS, export
from eventwire.corpus.ingest import ingest
from eventwire.corpus.store import Store

ARTICLES = [
    {"id": "d1", "published": "2024-10-21", "source": "Wire", "text":
        "Turkish President Recep Tayyip Erdogan met Iranian President Masoud Pezeshkian in Ankara on Monday. "
        "The two leaders agreed to expand trade. Erdogan praised Iran for its restraint."},
    {"id": "d2", "published": "2024-11-04", "source": "Paper", "text":
        "Iran accused Türkiye on Sunday of harbouring Kurdish militants. "
        "Iranian Foreign Minister Abbas Araqchi said Tehran would respond, and Ankara rejected the accusation. "
        "\"We will not accept threats,\" Turkish Foreign Minister Hakan Fidan told reporters."},
    {"id": "d3", "published": "2024-11-20", "source": "Paper", "text":
        "Israeli warplanes struck targets in southern Lebanon on Wednesday, killing four people, "
        "the Lebanese health ministry said."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    src = folder / "news.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(folder / "news.duckdb")
    report = ingest([str(src)], db=db, workers=1, progress=False)
    assert report.stored == 3
    with Store(db, read_only=True) as s:
        yield s


def test_events_by_dyad_both_directions(store):
    cols, rows = q.events(store, q.EventFilter(dyad=("Turkey", "IRN")), limit=None)
    pairs = {(r[cols.index("source_code")][:3], r[cols.index("target_code")][:3]) for r in rows}
    assert ("TUR", "IRN") in pairs and ("IRN", "TUR") in pairs
    assert all(p <= {"TUR", "IRN"} for p in map(set, pairs))
    sentence = rows[0][cols.index("sentence")]
    assert sentence and sentence in " ".join(a["text"] for a in ARTICLES)


def test_events_by_root_quad_and_date(store):
    cols, rows = q.events(store, q.EventFilter(quad_class=4), limit=None)
    assert rows and all(r[cols.index("quad_class")] == 4 for r in rows)
    assert any(r[cols.index("source_code")].startswith("ISR") for r in rows)
    import datetime as dt

    cols, rows = q.events(store, q.EventFilter(root="11", until=dt.date(2024, 11, 30)), limit=None)
    assert any(r[cols.index("cameo")].startswith("11") and r[cols.index("source_code")].startswith("IRN")
               for r in rows)
    cols, rows = q.events(store, q.EventFilter(since=dt.date(2024, 11, 15)), limit=None)
    assert {r[cols.index("article_id")] for r in rows} == {"d3"}


def test_quotes_by_speaker(store):
    cols, rows = q.quotes(store, speaker="Hakan Fidan")
    assert rows and "We will not accept threats" in rows[0][cols.index("text")]
    assert rows[0][cols.index("speaker_code")] == "TURGOV"


def test_dyad_time_series_by_month(store):
    cols, rows = q.dyad_series(store, "Türkiye", "Iran", by="month")
    months = [r[0].isoformat() for r in rows]
    assert months == ["2024-10-01", "2024-11-01"]
    by = dict(zip(months, rows))
    gs = cols.index("goldstein_sum")
    assert by["2024-10-01"][gs] > 0 > by["2024-11-01"][gs]  # cooperation in October, conflict in November


def test_export_formats(store, tmp_path):
    out = io.StringIO()
    export(store, "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    n_events = store.con.execute("SELECT count(*) FROM events WHERE modality = 'asserted'").fetchone()[0]
    assert len(rows) == n_events and {"cameo", "num_articles", "sentence", "modality"} <= set(rows[0])
    assert {r["modality"] for r in rows} == {"asserted"}
    out = io.StringIO()
    export(store, "csv", stdout=out, modality=None)
    assert len(list(csv.DictReader(io.StringIO(out.getvalue())))) == \
        store.con.execute("SELECT count(*) FROM events").fetchone()[0]

    out = io.StringIO()
    export(store, "gdelt", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == GDELT_COLUMNS
    first = dict(zip(GDELT_COLUMNS, lines[1].split("\t")))
    assert len(first["SQLDATE"]) == 8 and first["EventRootCode"] == first["EventCode"][:2]

    out = io.StringIO()
    export(store, "records", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["id"] for r in records} == {"d1", "d2", "d3"}

    folder = tmp_path / "pq"
    export(store, "parquet", str(folder))
    months = sorted(p.name for p in (folder / "events").iterdir())
    assert months == ["month=2024-10", "month=2024-11"]
    table = pq.read_table(folder / "events")
    assert table.num_rows == n_events
