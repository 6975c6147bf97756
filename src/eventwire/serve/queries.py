"""What the dashboard asks of a store: every figure is a DuckDB aggregate.

The dashboard reads a store it never writes. At start it copies one row per
distinct event (the `event_reports` key: date, source, target, code; the copy
with the highest confidence stands for the others, with its article and outlet
counts) into a table of an in-memory database attached beside the read-only
store, ordered by date. Pages then aggregate that table: on a store of a million
events a page costs tens of milliseconds instead of re-counting the reports of
every event on every request. The same copy means a page counts an event once
however many outlets carried it, as `eventwire query dyad` does.

Actors are matched as `query` matches them (corpus/query.py): a CAMEO code or a
country code ("IRN", "TURGOV"), an actor id ("person/abbas-araqchi"), a name, or
a country's name, alias or demonym ("Türkiye", "Turkey", "Iranian").

What this module does not do: it does not write to the store, it does not
re-code text, and it does not guess a trigger's offset (the store keeps the
trigger's words only; the sentence view marks their first occurrence).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode, urlparse

import duckdb

from ..corpus.query import EventFilter, actor_condition
from ..data import read_tsv

MODALITIES = ("asserted", "intended", "hypothetical", "negated", "past background")
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
PERIODS = ("day", "week", "month")
LEVELS = ("country", "code")
EVENTS_PER_PAGE = 50

# Columns of the dashboard's event table (one row per distinct event).
_EV_COLUMNS = [
    "hash", "article_id", "event_id", "date", "source_id", "source_name", "source_code", "source_country",
    "source_text", "source_start", "source_end", "target_id", "target_name", "target_code", "target_country",
    "target_text", "target_start", "target_end", "cameo", "root", "quad_class", "goldstein", "plover",
    "modality", "reported_by_name", "reported_by_code", "reported_by_id", "trigger", "span_start", "span_end",
    "confidence", "sentence",
]


class FilterError(ValueError):
    """A filter in the URL that cannot be read (the message names it)."""


class NotAStore(Exception):
    """The database lacks the tables of an eventwire store."""


@cache
def cameo_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in read_tsv("cameo.tsv")}


@cache
def country_names() -> dict[str, str]:
    return {r["code"]: r["name"] for r in read_tsv("actors/countries.tsv")}


def _date(name: str, value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Filters:
    """The filters every page takes, read from and written back to the URL.

    `modality` None means every modality; by default only asserted events count
    (an event series counts what happened, not what was denied or planned)."""
    since: dt.date | None = None
    until: dt.date | None = None
    root: str | None = None
    quad: int | None = None
    modality: tuple[str, ...] | None = ("asserted",)
    min_conf: float | None = None
    by: str | None = None  # period of time series; None picks one from the date range

    @classmethod
    def from_params(cls, params: Mapping) -> "Filters":
        get = params.get
        root = (get("root") or "").strip() or None
        if root is not None:
            if not root.isdigit() or not 1 <= int(root) <= 20:
                raise FilterError(f"root={root!r} is not a CAMEO root (01-20)")
            root = f"{int(root):02d}"
        quad = (get("quad") or "").strip() or None
        if quad is not None:
            if quad not in ("1", "2", "3", "4"):
                raise FilterError(f"quad={quad!r} is not a quad class (1-4)")
            quad = int(quad)
        values = params.getlist("modality") if hasattr(params, "getlist") else [get("modality")]
        values = [v for v in values if v]
        if not values:
            modality = ("asserted",)
        elif "all" in values:
            modality = None
        else:
            bad = [v for v in values if v not in MODALITIES]
            if bad:
                raise FilterError(f"modality={bad[0]!r} is not one of {', '.join(MODALITIES)} or all")
            modality = tuple(m for m in MODALITIES if m in values)
        conf = (get("min_conf") or "").strip() or None
        if conf is not None:
            try:
                conf = float(conf)
            except ValueError:
                raise FilterError(f"min_conf={conf!r} is not a number between 0 and 1") from None
            if not 0 <= conf <= 1:
                raise FilterError(f"min_conf={conf!r} is not a number between 0 and 1")
            conf = conf or None
        by = (get("by") or "").strip() or None
        if by is not None and by not in PERIODS:
            raise FilterError(f"by={by!r} is not one of {', '.join(PERIODS)}")
        since, until = _date("since", get("since")), _date("until", get("until"))
        if since and until and since > until:
            raise FilterError(f"since={since} is after until={until}")
        return cls(since=since, until=until, root=root, quad=quad, modality=modality, min_conf=conf, by=by)

    def params(self) -> list[tuple[str, str]]:
        """URL parameters that rebuild these filters (defaults left out)."""
        out = []
        if self.since:
            out.append(("since", self.since.isoformat()))
        if self.until:
            out.append(("until", self.until.isoformat()))
        if self.root:
            out.append(("root", self.root))
        if self.quad:
            out.append(("quad", str(self.quad)))
        if self.modality is None:
            out.append(("modality", "all"))
        elif self.modality != ("asserted",):
            out.extend(("modality", m) for m in self.modality)
        if self.min_conf:
            out.append(("min_conf", f"{self.min_conf:g}"))
        if self.by:
            out.append(("by", self.by))
        return out

    def link(self, path: str, **extra) -> str:
        """A URL of `path` that keeps these filters, with `extra` parameters added (None dropped)."""
        overrides = {k: v for k, v in extra.items()}
        params = [(k, v) for k, v in self.params() if k not in overrides]
        for k, v in overrides.items():
            if v is None:
                continue
            params.extend((k, str(x)) for x in (v if isinstance(v, (list, tuple)) else [v]))
        return path + ("?" + urlencode(params) if params else "")

    def where(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
              dyad: tuple[str, str] | None = None, dates: bool = True) -> tuple[str, list]:
        """SQL condition over the event table, with its parameters."""
        f = EventFilter(actor=actor, source=source, target=target, dyad=dyad, root=self.root,
                        quad_class=self.quad, modality=list(self.modality) if self.modality else None,
                        since=self.since if dates else None, until=self.until if dates else None)
        sql, params = f.where()
        if self.min_conf:
            sql += " AND confidence >= ?"
            params.append(self.min_conf)
        return sql, params


def period_bounds(start: dt.date, by: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period that starts on `start`."""
    if by == "day":
        return start, start
    if by == "week":
        return start, start + dt.timedelta(days=6)
    nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


def period_range(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from `first` to `last` (a sparkline shows the empty ones as zero)."""
    out, p = [], first
    while p <= last:
        out.append(p)
        p = period_bounds(p, by)[1] + dt.timedelta(days=1)
    return out


def choose_period(first: dt.date | None, last: dt.date | None) -> str:
    if not first or not last:
        return "month"
    days = (last - first).days
    return "day" if days <= 45 else "week" if days <= 400 else "month"


def safe_url(url: str | None) -> str | None:
    """An article's URL if it is http(s); anything else (javascript:, data:) is not linked."""
    if not url:
        return None
    try:
        scheme = urlparse(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def highlight(text: str, base: int, spans: list[tuple]) -> list[tuple[str, str | None]]:
    """`text` cut into (piece, kind) runs, kind naming a highlighted span or None.

    `spans` are (start, end, kind, expected) in article offsets, `base` the
    article offset of text[0]. A span whose offsets do not reproduce `expected`
    (a store written by an older coder) is looked up by its words instead; a
    span that overlaps one already placed is left out. A span with no offsets
    (the trigger) is found by its words, as a whole word, outside the others."""
    placed: list[tuple[int, int, str]] = []

    def free(s, e):
        return all(e <= ps or s >= pe for ps, pe, _ in placed)

    def place_by_words(words, kind):
        if not words:
            return
        for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text, flags=re.IGNORECASE):
            if free(m.start(), m.end()):
                placed.append((m.start(), m.end(), kind))
                return

    for start, end, kind, expected in spans:
        if start is None or end is None:
            place_by_words(expected, kind)
            continue
        s, e = start - base, end - base
        if 0 <= s < e <= len(text) and (not expected or text[s:e] == expected):
            if free(s, e):
                placed.append((s, e, kind))
        else:
            place_by_words(expected, kind)
    placed.sort()
    out, pos = [], 0
    for s, e, kind in placed:
        if s > pos:
            out.append((text[pos:s], None))
        out.append((text[s:e], kind))
        pos = e
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def _round(v, n=2):
    return None if v is None else round(float(v), n)


class Dashboard:
    """The queries of the dashboard over one open, read-only store connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        names = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database()").fetchall()}
        missing = {"articles", "events", "quotes", "actors", "mentions"} - names
        if missing:
            raise NotAStore(f"not an eventwire store (no {', '.join(sorted(missing))} table)")
        con.execute("ATTACH IF NOT EXISTS ':memory:' AS dash (READ_ONLY false)")
        if "event_reports" in names:
            source = "event_reports"
        else:  # a store without the view (e.g. Parquet tables): each event row is its own report
            source = ("(SELECT e.*, concat_ws('|', coalesce(CAST(e.date AS VARCHAR), ''), coalesce(e.source_code, ''), "
                      "coalesce(e.target_code, ''), e.cameo) AS event_key, 1 AS num_articles, 1 AS num_sources, "
                      "1 AS num_mentions FROM events e)")
        cols = ", ".join(_EV_COLUMNS)
        con.execute(f"""
            CREATE OR REPLACE TABLE dash.ev AS
            SELECT {cols}, coalesce(source_country, source_code) AS source_key,
                   coalesce(target_country, target_code) AS target_key,
                   num_articles, num_sources, num_mentions
            FROM {source}
            QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY confidence DESC NULLS LAST, event_id) = 1
            ORDER BY date""")

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    # -- labels -------------------------------------------------------------------------------
    def labels(self, cur, keys) -> dict[str, str]:
        """Display names of actor keys (country codes or actor codes)."""
        keys = [k for k in set(keys) if k]
        out = {k: country_names()[k] for k in keys if k in country_names()}
        rest = [k for k in keys if k not in out]
        if rest:
            rows = cur.execute("""
                SELECT k, mode(n) FROM (
                    SELECT source_code AS k, source_name AS n FROM dash.ev WHERE source_code IN (SELECT unnest(?))
                    UNION ALL
                    SELECT target_code, target_name FROM dash.ev WHERE target_code IN (SELECT unnest(?)))
                GROUP BY k""", [rest, rest]).fetchall()
            out.update({k: n for k, n in rows if n})
        return {k: out.get(k, k) for k in keys}

    def period(self, cur, f: Filters, where: str, params: list) -> str:
        if f.by:
            return f.by
        first, last = cur.execute(f"SELECT min(date), max(date) FROM dash.ev WHERE {where}", params).fetchone()
        return choose_period(first, last)

    # -- pages --------------------------------------------------------------------------------
    def overview(self, f: Filters, top: int = 15) -> dict:
        cur = self.cursor()
        corpus = dict(zip(
            ["articles", "first_published", "last_published"],
            cur.execute("SELECT count(*), min(published), max(published) FROM articles").fetchone()))
        corpus["copies"] = self._count(cur, "copies")
        corpus["quotes"] = cur.execute("SELECT count(*) FROM quotes").fetchone()[0]
        corpus["actors"] = cur.execute("SELECT count(DISTINCT actor_id) FROM actors").fetchone()[0]
        corpus["events"], corpus["first_date"], corpus["last_date"] = cur.execute(
            "SELECT count(*), min(date), max(date) FROM dash.ev").fetchone()
        where, params = f.where()
        by = self.period(cur, f, where, params)
        shown = cur.execute(f"SELECT count(*) FROM dash.ev WHERE {where}", params).fetchone()[0]
        timeline = [
            {"period": p.isoformat(), "quad": q, "quad_label": f"{q} {QUADS.get(q, '?')}", "events": n,
             "href": f.link("/events", since=p.isoformat(), until=period_bounds(p, by)[1].isoformat(), quad=q)}
            for p, q, n in cur.execute(f"""
                SELECT CAST(date_trunc('{by}', date) AS DATE) AS p, quad_class, count(*)
                FROM dash.ev WHERE {where} AND date IS NOT NULL GROUP BY ALL ORDER BY ALL""", params).fetchall()]
        dyads = self._top_dyads(cur, f, where, params, by, top)
        speakers = self._top_speakers(cur, f, top)
        return {"corpus": corpus, "shown": shown, "by": by, "timeline": timeline, "dyads": dyads,
                "speakers": speakers}

    @staticmethod
    def _count(cur, table: str) -> int | None:
        try:
            return cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except duckdb.CatalogException:
            return None

    def _top_dyads(self, cur, f, where, params, by, top):
        rows = cur.execute(f"""
            SELECT least(source_key, target_key) AS a, greatest(source_key, target_key) AS b, count(*) AS n,
                   avg(goldstein), count(*) FILTER (WHERE quad_class IN (1, 2)),
                   count(*) FILTER (WHERE quad_class IN (3, 4))
            FROM dash.ev WHERE {where} AND source_key IS NOT NULL AND target_key IS NOT NULL
                 AND source_key <> target_key
            GROUP BY a, b ORDER BY n DESC, a, b LIMIT {int(top)}""", params).fetchall()
        if not rows:
            return []
        pairs = [f"{a}|{b}" for a, b, *_ in rows]
        series = cur.execute(f"""
            SELECT least(source_key, target_key) || '|' || greatest(source_key, target_key) AS pair,
                   CAST(date_trunc('{by}', date) AS DATE) AS p, count(*)
            FROM dash.ev WHERE {where} AND date IS NOT NULL
                 AND least(source_key, target_key) || '|' || greatest(source_key, target_key) IN (SELECT unnest(?))
            GROUP BY ALL""", params + [pairs]).fetchall()
        periods = period_range(min(p for _, p, _ in series), max(p for _, p, _ in series), by) if series else []
        counts: dict[str, dict] = {}
        for pair, p, n in series:
            counts.setdefault(pair, {})[p] = n
        labels = self.labels(cur, [k for a, b, *_ in rows for k in (a, b)])
        out = []
        for (a, b, n, mean, coop, conf), pair in zip(rows, pairs):
            values = [counts.get(pair, {}).get(p, 0) for p in periods]
            out.append({"a": a, "b": b, "a_label": labels.get(a, a), "b_label": labels.get(b, b), "events": n,
                        "goldstein_mean": _round(mean), "cooperation": coop, "conflict": conf,
                        "spark": sparkline(values), "href": f.link("/dyad", a=a, b=b)})
        return out

    def _top_speakers(self, cur, f, top):
        where, params = self._quote_where(f)
        rows = cur.execute(f"""
            SELECT coalesce(q.speaker_id, q.speaker_name) AS who, mode(q.speaker_name), mode(q.speaker_code),
                   count(*) AS n, count(DISTINCT q.hash)
            FROM quotes q JOIN articles a USING (hash)
            WHERE {where} AND coalesce(q.speaker_id, q.speaker_name) IS NOT NULL
            GROUP BY who ORDER BY n DESC, who LIMIT {int(top)}""", params).fetchall()
        return [{"term": who, "name": name, "code": code, "quotes": n, "articles": arts,
                 "href": f.link("/actor", a=who)} for who, name, code, n, arts in rows]

    @staticmethod
    def _quote_where(f: Filters, speaker: str | None = None) -> tuple[str, list]:
        conds, params = ["TRUE"], []
        if f.since:
            conds.append("a.published >= ?")
            params.append(f.since)
        if f.until:
            conds.append("a.published <= ?")
            params.append(f.until)
        if speaker:
            sql, ps = actor_condition("q.speaker", speaker)
            conds.append(sql)
            params += ps
        return " AND ".join(conds), params

    def dyad(self, a: str, b: str, f: Filters, at: dt.date | None = None, page: int = 0) -> dict:
        cur = self.cursor()
        where, params = f.where(dyad=(a, b))
        from_a, pa = actor_condition("source", a)
        by = self.period(cur, f, where, params)
        rows = cur.execute(f"""
            SELECT CAST(date_trunc('{by}', date) AS DATE) AS p, {from_a} AS from_a, count(*),
                   sum(goldstein), avg(goldstein),
                   count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
            FROM dash.ev WHERE {where} AND date IS NOT NULL GROUP BY ALL ORDER BY ALL""",
                           pa + params).fetchall()
        dirs = {True: f"{a} → {b}", False: f"{b} → {a}"}
        series = []
        for p, fa, n, gsum, gmean, coop, conf in rows:
            lo, hi = period_bounds(p, by)
            href = f.link("/dyad", a=a, b=b, at=p.isoformat(), by=by) + "#events"
            series.append({"period": p.isoformat(), "end": hi.isoformat(), "direction": dirs[bool(fa)],
                           "events": n, "goldstein_sum": _round(gsum, 1), "goldstein_mean": _round(gmean),
                           "cooperation": coop, "conflict": conf, "href": href})
        totals = {}
        for fa, n, gsum, gmean, coop, conf in cur.execute(f"""
                SELECT {from_a}, count(*), sum(goldstein), avg(goldstein),
                       count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
                FROM dash.ev WHERE {where} GROUP BY ALL""", pa + params).fetchall():
            totals[dirs[bool(fa)]] = {"events": n, "goldstein_sum": _round(gsum, 1), "goldstein_mean": _round(gmean),
                                      "cooperation": coop, "conflict": conf}
        window = period_bounds(at, by) if at else None
        events = self.events(f, dyad=(a, b), window=window, page=page, cur=cur)
        return {"a": a, "b": b, "by": by, "directions": [dirs[True], dirs[False]], "series": series,
                "totals": totals, "events": events, "window": window}

    def actor(self, term: str, f: Filters, top: int = 20) -> dict:
        cur = self.cursor()
        who = cur.execute(f"""
            SELECT name, code, country, sector, kind, count(DISTINCT hash) AS n, sum(n_mentions)
            FROM (SELECT *, actor_id AS a_id, name AS a_name, code AS a_code, country AS a_country FROM actors)
            WHERE {actor_condition('a', term)[0]}
            GROUP BY ALL ORDER BY n DESC LIMIT 10""", actor_condition("a", term)[1]).fetchall()
        roles = {}
        for side, other in (("source", "target"), ("target", "source")):
            where, params = f.where(**{side: term})
            rows = cur.execute(f"""
                SELECT {other}_key AS k, count(*) AS n, avg(goldstein),
                       count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
                FROM dash.ev WHERE {where} AND {other}_key IS NOT NULL
                GROUP BY k ORDER BY n DESC, k LIMIT {int(top)}""", params).fetchall()
            total = cur.execute(f"SELECT count(*) FROM dash.ev WHERE {where}", params).fetchone()[0]
            labels = self.labels(cur, [r[0] for r in rows])
            roles[side] = {"total": total, "partners": [
                {"key": k, "label": labels.get(k, k), "events": n, "goldstein_mean": _round(g), "cooperation": c,
                 "conflict": x, "href": f.link("/dyad", a=term, b=k)} for k, n, g, c, x in rows]}
        rb = ("(reported_by_code = ? OR reported_by_id = ? OR lower(reported_by_name) = lower(?) "
              "OR left(reported_by_code, 3) = ?)")
        code = actor_condition("x", term)[1][0]
        where, params = f.where()
        reporter = cur.execute(f"SELECT count(*) FROM dash.ev WHERE {where} AND {rb}",
                               params + [code, term, term, code]).fetchone()[0]
        qwhere, qparams = self._quote_where(f, speaker=term)
        n_quotes = cur.execute(f"SELECT count(*) FROM quotes q JOIN articles a USING (hash) WHERE {qwhere}",
                               qparams).fetchone()[0]
        quotes = [{"published": p, "name": n, "code": c, "kind": k, "cue": cue, "text": t, "title": title,
                   "url": safe_url(url), "article_id": aid}
                  for p, n, c, k, cue, t, title, url, aid in cur.execute(f"""
                    SELECT a.published, q.speaker_name, q.speaker_code, q.kind, q.cue, q.text, a.title, a.url,
                           q.article_id
                    FROM quotes q JOIN articles a USING (hash) WHERE {qwhere}
                    ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_index LIMIT {int(top)}""",
                                               qparams).fetchall()]
        mcond, mparams = actor_condition("a", term)
        mentions = cur.execute(f"""
            SELECT m.text, count(*) AS n, count(DISTINCT m.hash)
            FROM mentions m JOIN (SELECT hash, actor_id, actor_id AS a_id, name AS a_name, code AS a_code,
                                         country AS a_country FROM actors) x USING (hash, actor_id)
            WHERE {mcond} GROUP BY m.text ORDER BY n DESC, m.text LIMIT {int(top)}""", mparams).fetchall()
        events = self.events(f, actor=term, cur=cur)
        return {"term": term, "known_as": [
                    {"name": n, "code": c, "country": co, "sector": s, "kind": k, "articles": a, "mentions": m}
                    for n, c, co, s, k, a, m in who],
                "roles": roles, "reporter": reporter, "n_quotes": n_quotes, "quotes": quotes,
                "mentions": [{"text": t, "count": n, "articles": a} for t, n, a in mentions], "events": events}

    def network(self, f: Filters, level: str = "country", edges: int = 60) -> dict:
        cur = self.cursor()
        where, params = f.where()
        key_s, key_t = ("source_key", "target_key") if level == "country" else ("source_code", "target_code")
        rows = cur.execute(f"""
            SELECT least({key_s}, {key_t}) AS a, greatest({key_s}, {key_t}) AS b, count(*) AS n,
                   avg(goldstein), count(*) FILTER (WHERE quad_class IN (1, 2)),
                   count(*) FILTER (WHERE quad_class IN (3, 4))
            FROM dash.ev WHERE {where} AND {key_s} IS NOT NULL AND {key_t} IS NOT NULL AND {key_s} <> {key_t}
            GROUP BY a, b ORDER BY n DESC, a, b LIMIT {int(edges)}""", params).fetchall()
        labels = self.labels(cur, [k for a, b, *_ in rows for k in (a, b)])
        weight: dict[str, int] = {}
        for a, b, n, *_ in rows:
            weight[a] = weight.get(a, 0) + n
            weight[b] = weight.get(b, 0) + n
        index = {k: i for i, k in enumerate(sorted(weight, key=lambda k: (-weight[k], k)))}
        nodes = [{"index": i, "key": k, "label": labels.get(k, k), "events": weight[k],
                  "href": f.link("/actor", a=k)} for k, i in index.items()]
        links = []
        for a, b, n, mean, coop, conf in rows:
            tone = (coop - conf) / n if n else 0
            links.append({"source": index[a], "target": index[b], "a": labels.get(a, a), "b": labels.get(b, b),
                          "events": n, "goldstein_mean": _round(mean), "cooperation": coop, "conflict": conf,
                          "tone": round(tone, 3), "kind": "cooperation" if coop >= conf else "conflict",
                          "href": f.link("/dyad", a=a, b=b)})
        return {"level": level, "nodes": nodes, "links": links}

    def events(self, f: Filters, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
               window: tuple[dt.date, dt.date] | None = None, page: int = 0, cur=None) -> dict:
        """One page of events, newest first, each with its sentence cut into highlighted runs."""
        cur = cur or self.cursor()
        where, params = f.where(actor=actor, dyad=dyad)
        if window:
            where += " AND date BETWEEN ? AND ?"
            params = params + list(window)
        total = cur.execute(f"SELECT count(*) FROM dash.ev WHERE {where}", params).fetchone()[0]
        cur.execute(f"""
            WITH page AS (
                SELECT * FROM dash.ev WHERE {where}
                ORDER BY date DESC NULLS LAST, article_id, event_id
                LIMIT {EVENTS_PER_PAGE} OFFSET {int(page) * EVENTS_PER_PAGE})
            SELECT page.*, a.title, a.url, a.published, a.source AS outlet
            FROM page JOIN articles a USING (hash)
            ORDER BY date DESC NULLS LAST, article_id, event_id""", params)
        names = [d[0] for d in cur.description]
        rows = [self._event_row(dict(zip(names, r)), f) for r in cur.fetchall()]
        return {"total": total, "rows": rows, "page": page, "per_page": EVENTS_PER_PAGE,
                "pages": max(1, math.ceil(total / EVENTS_PER_PAGE))}

    def _event_row(self, r: dict, f: Filters) -> dict:
        spans = [(r["source_start"], r["source_end"], "source", r["source_text"]),
                 (r["target_start"], r["target_end"], "target", r["target_text"]),
                 (None, None, "trigger", r["trigger"])]
        r["segments"] = highlight(r["sentence"] or "", r["span_start"] or 0, spans)
        r["cameo_name"] = cameo_names().get(r["cameo"], "")
        r["quad_label"] = QUADS.get(r["quad_class"], "")
        r["url"] = safe_url(r["url"])
        r["goldstein"] = _round(r["goldstein"], 1)
        r["confidence"] = _round(r["confidence"])
        r["source_href"] = f.link("/actor", a=r["source_id"] or r["source_code"]) \
            if (r["source_id"] or r["source_code"]) else None
        r["target_href"] = f.link("/actor", a=r["target_id"] or r["target_code"]) \
            if (r["target_id"] or r["target_code"]) else None
        r["context_href"] = f.link("/event", h=r["hash"], e=r["event_id"])
        return r

    def event(self, content_hash: str, event_id: str, f: Filters) -> dict | None:
        """One event in its article: the whole text with the event's sentence and actors marked."""
        cur = self.cursor()
        cur.execute("SELECT * FROM events WHERE hash = ? AND event_id = ?", [content_hash, event_id])
        names = [d[0] for d in cur.description]
        row = cur.fetchone()
        if row is None:
            return None
        e = dict(zip(names, row))
        art = cur.execute("SELECT id, title, url, source, published, text FROM articles WHERE hash = ?",
                          [content_hash]).fetchone()
        article = dict(zip(["id", "title", "url", "source", "published", "text"], art))
        article["url"] = safe_url(article["url"])
        text = article["text"] or ""
        spans = [(e["source_start"], e["source_end"], "source", e["source_text"]),
                 (e["target_start"], e["target_end"], "target", e["target_text"])]
        s0, s1 = e["span_start"], e["span_end"]
        sentence_ok = s0 is not None and s1 is not None and 0 <= s0 < s1 <= len(text)
        if sentence_ok:
            before = highlight(text[:s0], 0, [])
            inside = highlight(text[s0:s1], s0, spans + [(None, None, "trigger", e["trigger"])])
            after = highlight(text[s1:], s1, [])
            segments = before + [(t, k or "sentence") for t, k in inside] + after
        else:
            segments = highlight(text, 0, spans)
        others = cur.execute(
            "SELECT event_id, source_name, cameo, target_name, modality FROM events WHERE hash = ? "
            "ORDER BY span_start, event_id", [content_hash]).fetchall()
        e["cameo_name"] = cameo_names().get(e["cameo"], "")
        e["quad_label"] = QUADS.get(e["quad_class"], "")
        e["goldstein"] = _round(e["goldstein"], 1)
        e["confidence"] = _round(e["confidence"])
        return {"event": e, "article": article, "segments": segments,
                "others": [{"event_id": i, "source": s, "cameo": c, "cameo_name": cameo_names().get(c, ""),
                            "target": t, "modality": m, "href": f.link("/event", h=content_hash, e=i)}
                           for i, s, c, t, m in others]}


def sparkline(values: list[int], width: int = 120, height: int = 24) -> str:
    """SVG polyline points (numbers only) of a series scaled into width x height."""
    if not values:
        return ""
    top = max(values) or 1
    step = width / max(1, len(values) - 1)
    pts = [(i * step, height - 1 - (v / top) * (height - 2)) for i, v in enumerate(values)]
    if len(pts) == 1:
        pts = [(0, pts[0][1]), (width, pts[0][1])]
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
