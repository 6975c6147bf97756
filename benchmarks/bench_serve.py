"""Dashboard page times on a synthetic store of a million events.

Builds a store with the Store class (its schema, its `event_reports` view) and
fills it by SQL with synthetic rows: 200,000 articles over three years, five
events each between actors drawn from 120 countries with a skew (a few dyads are
busy, most are quiet), CAMEO codes with their Goldstein weights and quad
classes, 85% asserted; one quote, three actors and six mentions per article.
Then serves it read-only with uvicorn on 127.0.0.1 and requests every page
with a spread of filters over HTTP, each URL several times, and prints p50 and
p95 page times per page (the goal: p95 under 1 s) and the server's start time.

    python benchmarks/bench_serve.py [--events 1000000] [--repeat 3] [--db PATH] [--json]

With --db PATH an existing synthetic store is reused (built there if missing).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyarrow as pa

from eventwire.corpus.store import Store
from eventwire.data import read_tsv
from eventwire.serve import create_app
from eventwire.serve.server import running

SECTORS = ["", "GOV", "MIL", "OPP", "MED", "BUS", "CVL"]


def build(path: Path, n_events: int, seed: int = 7) -> dict:
    """Fill a new store at `path` with synthetic rows; returns row counts and seconds."""
    t0 = time.perf_counter()
    n_articles = max(1, n_events // 5)
    with Store(path) as store:
        con = store.con
        con.execute(f"SELECT setseed({1 / (seed + 1)})").fetchall()
        countries = [(r["code"], r["name"]) for r in read_tsv("actors/countries.tsv")]
        rng = random.Random(seed)
        rng.shuffle(countries)
        countries = countries[:120]
        con.register("_countries", pa.table({"ci": list(range(len(countries))),
                                             "code": [c for c, _ in countries],
                                             "name": [n for _, n in countries]}))
        cameo = [r for r in read_tsv("cameo.tsv") if len(r["code"]) >= 3]
        con.register("_cameo", pa.table({
            "k": list(range(len(cameo))), "cameo": [r["code"] for r in cameo], "cname": [r["name"] for r in cameo],
            "goldstein": [float(r["goldstein"]) for r in cameo], "quad": [int(r["quad_class"]) for r in cameo],
            "plover": [r["plover"] or None for r in cameo]}))
        nc, nk = len(countries), len(cameo)
        con.execute(f"""
            CREATE TEMP TABLE _art AS
            SELECT i, md5(CAST(i AS VARCHAR)) AS hash, 'syn-' || i AS id,
                   DATE '2022-01-01' + CAST(floor(random() * 1095) AS INTEGER) AS published
            FROM range({n_articles}) t(i)""")
        con.execute("""
            INSERT INTO articles BY NAME
            SELECT hash, id, 'Synthetic report ' || i AS title, 'https://news.example/' || i AS url,
                   'Outlet ' || (i % 40) AS source, published,
                   repeat('Officials from both governments met on Monday to discuss the border. ', 8) AS text,
                   5 AS n_events, 1 AS n_quotes, hash AS story, '{}' AS record,
                   CAST(now() AS TIMESTAMP) AS ingested_at
            FROM _art""")
        con.execute("""
            INSERT INTO copies BY NAME
            SELECT hash, id, 'Outlet ' || (i % 40) AS source, 'https://news.example/' || i AS url, published,
                   'synthetic' AS input FROM _art""")
        con.execute(f"""
            CREATE TEMP TABLE _ev AS
            SELECT i, i // 5 AS a, CAST(floor(pow(random(), 2.5) * {nc}) AS INTEGER) AS s,
                   CAST(floor(pow(random(), 2.5) * {nc}) AS INTEGER) AS t,
                   CAST(floor(random() * {nk}) AS INTEGER) AS k,
                   list_element({SECTORS}, 1 + CAST(floor(random() * {len(SECTORS)}) AS INTEGER)) AS ss,
                   list_element({SECTORS}, 1 + CAST(floor(random() * {len(SECTORS)}) AS INTEGER)) AS ts,
                   random() AS r, random() AS conf, CAST(floor(random() * 3) AS INTEGER) AS lag
            FROM range({n_events}) t(i)""")
        con.execute("""
            INSERT INTO events BY NAME
            WITH e AS (
                SELECT _ev.*, art.hash, art.id AS aid, art.published, sc.code AS scode, sc.name AS sname,
                       tc.code AS tcode, tc.name AS tname, c.*
                FROM _ev JOIN _art art ON art.i = _ev.a JOIN _countries sc ON sc.ci = _ev.s
                     JOIN _countries tc ON tc.ci = _ev.t JOIN _cameo c ON c.k = _ev.k)
            SELECT hash, aid AS article_id, aid || '-e' || (i % 5 + 1) AS event_id,
                   CASE WHEN ss = '' THEN 'country/' || scode ELSE NULL END AS source_id,
                   sname || CASE WHEN ss = '' THEN '' ELSE ' ' || lower(ss) END AS source_name,
                   scode || ss AS source_code, scode AS source_country, nullif(ss, '') AS source_sector,
                   'country' AS source_kind, sname AS source_text, 0 AS source_start, length(sname) AS source_end,
                   CASE WHEN ts = '' THEN 'country/' || tcode ELSE NULL END AS target_id,
                   tname || CASE WHEN ts = '' THEN '' ELSE ' ' || lower(ts) END AS target_name,
                   tcode || ts AS target_code, tcode AS target_country, nullif(ts, '') AS target_sector,
                   'country' AS target_kind, tname AS target_text, length(sname) + 6 AS target_start,
                   length(sname) + 6 + length(tname) AS target_end,
                   cameo, left(cameo, 2) AS root, quad AS quad_class, goldstein, plover,
                   CASE WHEN r < 0.85 THEN 'asserted' WHEN r < 0.92 THEN 'intended'
                        WHEN r < 0.96 THEN 'negated' ELSE 'hypothetical' END AS modality,
                   published - lag AS date, 'day' AS date_precision, false AS date_inferred,
                   'acted' AS trigger, i % 5 AS sentence_index, 0 AS span_start,
                   length(sname) + 6 + length(tname) + 22 AS span_end, round(conf, 2) AS confidence,
                   sname || ' acted ' || tname || ' on Monday, officials said.' AS sentence
            FROM e""")
        con.execute(f"""
            INSERT INTO quotes BY NAME
            SELECT art.hash, art.id AS article_id, 0 AS quote_index,
                   'person/speaker-' || (art.i % 500) AS speaker_id, 'Speaker ' || (art.i % 500) AS speaker_name,
                   c.code || 'GOV' AS speaker_code, c.code AS speaker_country, 'GOV' AS speaker_sector,
                   'person' AS speaker_kind, 'Speaker ' || (art.i % 500) AS speaker_text,
                   0 AS speaker_start, 10 AS speaker_end,
                   'We will not accept threats against our borders.' AS text, 20 AS span_start, 66 AS span_end,
                   'said' AS cue, 'direct' AS kind
            FROM _art art
            JOIN _countries c ON c.ci = CAST(floor(pow(hash(art.i) % 1000 / 1000.0, 2.5) * {nc}) AS INTEGER)""")
        con.execute("""
            INSERT INTO actors BY NAME
            SELECT DISTINCT ON (e.hash, e.source_code) e.hash,
                   coalesce(e.source_id, 'group/' || e.source_code) AS actor_id,
                   e.source_name AS name, e.source_code AS code, e.source_country AS country,
                   e.source_sector AS sector, 'country' AS kind, 2 AS n_mentions
            FROM events e""")
        con.execute("""
            INSERT INTO mentions BY NAME
            SELECT a.hash, a.actor_id, 0 AS span_start, length(a.name) AS span_end, a.name AS text
            FROM actors a, range(2)""")
        counts = store.counts()
    return {**counts, "build_seconds": round(time.perf_counter() - t0, 1)}


def _get(url: str) -> tuple[float, int]:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as r:
        body = r.read()
        assert r.status == 200, (url, r.status)
    return time.perf_counter() - t, len(body)


def urls(con) -> dict[str, list[str]]:
    """A spread of URLs per page, with filters, drawn from the store itself."""
    q = urllib.parse.urlencode
    dyads = con.execute("""
        SELECT least(source_country, target_country) a, greatest(source_country, target_country) b, count(*) n
        FROM events WHERE source_country <> target_country GROUP BY ALL ORDER BY n DESC LIMIT 3""").fetchall()
    quiet = con.execute("""
        SELECT least(source_country, target_country) a, greatest(source_country, target_country) b, count(*) n
        FROM events WHERE source_country <> target_country GROUP BY ALL ORDER BY n LIMIT 1""").fetchall()
    codes = [r[0] for r in con.execute(
        "SELECT source_code, count(*) n FROM events GROUP BY ALL ORDER BY n DESC LIMIT 2").fetchall()]
    names = [r[0] for r in con.execute(
        "SELECT source_name, count(*) n FROM events GROUP BY ALL ORDER BY n DESC LIMIT 1").fetchall()]
    speaker = con.execute("SELECT speaker_id FROM quotes LIMIT 1").fetchone()[0]
    events = con.execute("SELECT hash, event_id FROM events USING SAMPLE 3 ROWS").fetchall()
    return {
        "overview": ["/", "/?since=2023-01-01&until=2023-12-31", "/?root=19", "/?quad=4&by=week",
                     "/?modality=all&min_conf=0.5"],
        "dyad": [f"/dyad?{q({'a': a, 'b': b})}" for a, b, _ in dyads + quiet]
                + [f"/dyad?{q({'a': dyads[0][0], 'b': dyads[0][1], 'by': 'day', 'since': '2024-01-01'})}",
                   f"/dyad?{q({'a': dyads[0][0], 'b': dyads[0][1], 'by': 'month', 'at': '2023-05-01'})}"],
        "actor": [f"/actor?{q({'a': a})}" for a in codes + names + [speaker]]
                 + [f"/actor?{q({'a': codes[0], 'root': '04'})}"],
        "network": ["/network", "/network?level=code", "/network?root=19", "/network?since=2024-01-01&quad=1"],
        "events": ["/events", "/events?root=04", f"/events?{q({'actor': codes[0]})}", "/events?page=40",
                   "/events?modality=negated&min_conf=0.9"],
        "event": [f"/event?{q({'h': h, 'e': e})}" for h, e in events],
    }


def measure(db: Path, repeat: int) -> dict:
    with Store(db, read_only=True) as store:
        t = time.perf_counter()
        app = create_app(store.con, name=db.name)
        start = time.perf_counter() - t
        pages = urls(store.con)
        out = {"start_seconds": round(start, 2), "pages": {}}
        with running(app) as base:
            for page, paths in pages.items():
                times, sizes = [], []
                for path in paths:
                    for _ in range(repeat):
                        s, n = _get(base + path)
                        times.append(s)
                        sizes.append(n)
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                out["pages"][page] = {"requests": len(times), "p50_ms": round(statistics.median(times) * 1000),
                                      "p95_ms": round(p95 * 1000), "max_ms": round(times[-1] * 1000),
                                      "kb": round(statistics.mean(sizes) / 1024)}
        out["peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="Requests of each URL.")
    ap.add_argument("--db", type=Path, help="Synthetic store to reuse (built there if missing).")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "synthetic.duckdb"
        built = build(db, args.events) if not db.exists() else {"reused": str(db)}
        result = {"store": built, **measure(db, args.repeat)}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"store: {built}")
    print(f"server start (per-event table): {result['start_seconds']} s; peak memory {result['peak_mb']} MB")
    print(f"{'page':<10}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'KB':>7}")
    for page, r in result["pages"].items():
        print(f"{page:<10}{r['requests']:>9}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{r['kb']:>7}")


if __name__ == "__main__":
    main()
