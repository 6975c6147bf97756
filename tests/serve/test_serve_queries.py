"""The dashboard's figures against the store's own queries, and the pieces that build pages."""
from __future__ import annotations

import datetime as dt

import pytest
from starlette.datastructures import QueryParams

from eventwire.corpus import query as q
from eventwire.corpus.store import Store
from eventwire.serve.filters import FilterError, Filters, period_range
from eventwire.serve.present import highlight
from eventwire.serve.queries import Dashboard


@pytest.fixture(scope="module")
def dash(store_path):
    store = Store(store_path, read_only=True)
    yield Dashboard(store.con), store
    store.close()


def test_dyad_counts_agree_with_query_dyad(dash):
    d, store = dash
    page = d.dyad("Türkiye", "Iranian", Filters(by="month"))
    cols, rows = q.dyad_series(store, "Türkiye", "Iranian", by="month", f=q.EventFilter(modality=["asserted"]))
    by_month = {r[0].isoformat(): dict(zip(cols, r)) for r in rows}
    mine: dict[str, dict] = {}
    for s in page["series"]:
        m = mine.setdefault(s["period"], {"events": 0, "goldstein_sum": 0.0, "cooperation": 0, "conflict": 0})
        for k in m:
            m[k] += s[k]
    assert set(mine) == set(by_month) and len(mine) >= 3
    for month, m in mine.items():
        assert m["events"] == by_month[month]["events"]
        assert m["cooperation"] == by_month[month]["cooperation"]
        assert m["conflict"] == by_month[month]["conflict"]
        assert m["goldstein_sum"] == pytest.approx(by_month[month]["goldstein_sum"], abs=0.11)
    # each direction apart: Iran's accusation runs Iran -> Türkiye only
    nov = [s for s in page["series"] if s["period"] == "2024-11-01"]
    assert [(s["direction"], s["conflict"]) for s in nov] == [("Iranian → Türkiye", 1)]


def test_modality_is_asserted_unless_asked(dash):
    d, _ = dash
    asserted = d.events(Filters(), dyad=("TUR", "IRN"))
    every = d.events(Filters(modality=None), dyad=("TUR", "IRN"))
    intended = d.events(Filters(modality=("intended",)), dyad=("TUR", "IRN"))
    assert every["total"] == asserted["total"] + intended["total"] and intended["total"] >= 1
    assert {r["modality"] for r in asserted["rows"]} == {"asserted"}


def test_confidence_root_quad_and_dates_narrow_the_events(dash):
    d, _ = dash
    everything = d.events(Filters(modality=None))["total"]
    assert d.events(Filters(modality=None, min_conf=1.0))["total"] < everything
    conflict = d.events(Filters(quad=4))["rows"]
    assert conflict and all(r["quad_class"] == 4 and r["source_code"].startswith("ISR") for r in conflict)
    assert {r["root"] for r in d.events(Filters(root="04"))["rows"]} == {"04"}
    late = d.events(Filters(since=dt.date(2024, 11, 15)))["rows"]
    assert late and all(r["date"] >= dt.date(2024, 11, 15) for r in late)


def test_actor_page_knows_roles_quotes_and_mentions(dash):
    d, _ = dash
    a = d.actor("Hakan Fidan", Filters())
    assert a["roles"]["source"]["total"] >= 1 and a["n_quotes"] == 2
    assert any("We will not accept threats" in x["text"] for x in a["quotes"])
    assert {"Hakan Fidan", "Fidan"} <= {m["text"] for m in a["mentions"]}
    assert a["known_as"][0]["code"] == "TURGOV"
    assert [p["key"] for p in a["roles"]["source"]["partners"]][:1] == ["IRN"]


def test_network_edges_are_undirected_counts_coloured_by_tone(dash):
    d, _ = dash
    net = d.network(Filters())
    labels = {n["index"]: n["label"] for n in net["nodes"]}
    edges = {frozenset((labels[l["source"]], labels[l["target"]])): l for l in net["links"]}
    tur_irn = edges[frozenset(("Türkiye", "Iran"))]
    assert tur_irn["events"] >= 5 and tur_irn["conflict"] == 1 and tur_irn["kind"] == "cooperation"
    assert edges[frozenset(("Israel", "Lebanon"))]["kind"] == "conflict"
    assert d.network(Filters(root="19"))["links"] and all(
        l["conflict"] == l["events"] for l in d.network(Filters(root="19"))["links"])


def test_filters_read_from_and_written_to_the_url():
    f = Filters.from_params(QueryParams("since=2024-01-01&root=4&quad=3&modality=negated&modality=intended"
                                        "&min_conf=0.5&by=week"))
    assert (f.root, f.quad, f.modality, f.min_conf, f.by) == ("04", 3, ("intended", "negated"), 0.5, "week")
    assert Filters.from_params(QueryParams(f.link("/x").split("?", 1)[1])) == f
    assert Filters.from_params(QueryParams("")).modality == ("asserted",)
    assert Filters.from_params(QueryParams("modality=all")).modality is None
    assert Filters().link("/dyad", a="A&B", b=None) == "/dyad?a=A%26B"
    with pytest.raises(FilterError, match="min_conf"):
        Filters.from_params(QueryParams("min_conf=x"))


def test_highlight_marks_spans_and_finds_words_that_offsets_miss():
    text = "Iran accused Türkiye of harbouring militants."
    runs = highlight(text, 100, [(100, 104, "source", "Iran"), (113, 120, "target", "Türkiye"),
                                 (None, None, "trigger", "accused")])
    assert runs == [("Iran", "source"), (" ", None), ("accused", "trigger"), (" ", None),
                    ("Türkiye", "target"), (" of harbouring militants.", None)]
    assert "".join(t for t, _ in runs) == text
    # offsets from another text: the words are looked up instead; overlaps are dropped
    runs = highlight(text, 0, [(50, 54, "source", "Iran"), (0, 12, "target", "Iran accused")])
    assert runs[0] == ("Iran", "source") and all(k != "target" for _, k in runs)


def test_period_range_fills_the_gaps():
    assert period_range(dt.date(2024, 11, 1), dt.date(2025, 2, 1), "month") == [
        dt.date(2024, 11, 1), dt.date(2024, 12, 1), dt.date(2025, 1, 1), dt.date(2025, 2, 1)]
    assert len(period_range(dt.date(2024, 9, 2), dt.date(2024, 9, 30), "week")) == 5


def test_a_store_of_parquet_views_gives_the_same_figures(dash, tmp_path):
    """`eventwire batch` output is read as views over Parquet files: no row ids, same pages."""
    import duckdb

    d, store = dash
    con = duckdb.connect()
    for table in ("articles", "events", "quotes", "actors", "mentions", "copies"):
        path = tmp_path / f"{table}.parquet"
        store.con.execute(f"COPY (SELECT * FROM {table}) TO '{path}' (FORMAT parquet)")
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    views = Dashboard(con)
    f = Filters(modality=None)
    assert views.overview(f)["timeline"] == d.overview(f)["timeline"]
    assert views.dyad("TUR", "IRN", f)["series"] == d.dyad("TUR", "IRN", f)["series"]
    assert [r["event_id"] for r in views.events(f)["rows"]] == [r["event_id"] for r in d.events(f)["rows"]]
    con.close()
