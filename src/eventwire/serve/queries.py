"""What the dashboard asks of a store: every figure is a DuckDB aggregate.

The dashboard reads a store it never writes. At start it copies what its pages
need into an in-memory database attached beside the read-only store (see
`Dashboard`): one row per distinct event, whose key is its date, source code,
target code, CAMEO code and modality (an event carried by several articles
counts once, as in `eventwire query dyad`; the most confident report stands for
it), with its actors and grouping keys numbered. Pages then aggregate that
table by number: on a store of a million events a page costs a few DuckDB scans
of integer columns instead of string matching on every row.

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

import duckdb

from ..corpus.query import actor_condition
from .filters import Filters, choose_period, period_bounds, period_range
from .present import cameo_names, country_names, highlight, quad_names, safe_url, sparkline
from .tables import build

EVENTS_PER_PAGE = 50
_PAIR = 1 << 24  # pair number = a * _PAIR + b for two key numbers a < b


class NotAStore(Exception):
    """The database lacks the tables of an eventwire store."""


def _round(v, n=2):
    return None if v is None else round(float(v), n)


class Dashboard:
    """The queries of the dashboard over one open, read-only store connection.

    At start it builds, in an in-memory database attached as `dash`:
    - `actor`: every distinct actor (id, name, code, country) seen as a source
      or target, numbered; a user's term is resolved against this small table
      with corpus/query.py's `actor_condition`, and events are then filtered by
      number, not by comparing strings on every row;
    - `keys`: the numbered grouping keys (a country code, or an actor code
      where there is no country; and every actor code), with display names;
    - `ev`: one row per distinct event (date, source code, target code, CAMEO
      code, modality), the most confident report standing for the others, with
      `reports` (how many coded reports it had) and `n`, its rank newest first;
    - `actor_forms`, `mention_forms`, `quotes`: actors, mention texts and quotes
      grouped or joined once, for the actor page and the speakers table.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        kinds = dict(con.execute(
            "SELECT table_name, table_type FROM information_schema.tables "
            "WHERE table_catalog = current_database()").fetchall())
        names = set(kinds)
        missing = {"articles", "events", "quotes", "actors", "mentions"} - names
        if missing:
            raise NotAStore(f"not an eventwire store (no {', '.join(sorted(missing))} table)")
        con.execute("ATTACH IF NOT EXISTS ':memory:' AS dash (READ_ONLY false)")
        events = "events"
        if kinds["events"] != "BASE TABLE":  # a view (a Parquet folder): rows get ids in a copy
            con.execute("CREATE OR REPLACE TABLE dash.events AS SELECT * FROM events")
            events = "dash.events"
        for sql in build(events):
            con.execute(sql)
        con.execute("DROP TABLE IF EXISTS dash.events")
        countries = country_names()
        self.keys: dict[int, tuple[str, str]] = {
            ki: (key, countries.get(key) or name or key)
            for ki, key, name in con.execute("SELECT ki, key, name FROM dash.keys").fetchall()}
        articles, first_pub, last_pub = con.execute(
            "SELECT count(*), min(published), max(published) FROM articles").fetchall()[0]
        events, first, last = con.execute("SELECT count(*), min(date), max(date) FROM dash.ev").fetchall()[0]
        self.corpus = {
            "articles": articles, "first_published": first_pub, "last_published": last_pub,
            "copies": con.execute("SELECT count(*) FROM copies").fetchall()[0][0] if "copies" in names else None,
            "quotes": con.execute("SELECT count(*) FROM dash.quotes").fetchall()[0][0],
            "actors": con.execute("SELECT count(DISTINCT x_id) FROM dash.actor_forms").fetchall()[0][0],
            "events": events, "first_date": first, "last_date": last,
        }
        self._resolved: dict[str, list[int]] = {}

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    # -- actors and conditions ----------------------------------------------------------------
    def resolve(self, cur, term: str) -> list[int]:
        """Numbers of the actors a user's term names (as `query` reads terms)."""
        if term not in self._resolved:
            if len(self._resolved) > 10_000:  # terms come from URLs: keep the cache bounded
                self._resolved.clear()
            cond, params = actor_condition("x", term)
            self._resolved[term] = [r[0] for r in cur.execute(
                f"SELECT k FROM dash.actor WHERE {cond}", params).fetchall()]
        return self._resolved[term]

    def where(self, cur, f: Filters, *, actor: str | None = None, source: str | None = None,
              target: str | None = None, dyad: tuple[str, str] | None = None,
              window: tuple[dt.date, dt.date] | None = None) -> tuple[str, list]:
        """SQL condition over dash.ev for the filters and actors, with its parameters."""
        sql, params = f.where()
        if actor:
            ids = self.resolve(cur, actor)
            sql += " AND (s IN (SELECT unnest(?)) OR t IN (SELECT unnest(?)))"
            params += [ids, ids]
        if source:
            sql += " AND s IN (SELECT unnest(?))"
            params.append(self.resolve(cur, source))
        if target:
            sql += " AND t IN (SELECT unnest(?))"
            params.append(self.resolve(cur, target))
        if dyad:
            a, b = self.resolve(cur, dyad[0]), self.resolve(cur, dyad[1])
            sql += (" AND ((s IN (SELECT unnest(?)) AND t IN (SELECT unnest(?)))"
                    " OR (s IN (SELECT unnest(?)) AND t IN (SELECT unnest(?))))")
            params += [a, b, b, a]
        if window:
            sql += " AND date BETWEEN ? AND ?"
            params += list(window)
        return sql, params

    def label(self, ki: int | None) -> str | None:
        return self.keys[ki][1] if ki in self.keys else None

    def key(self, ki: int | None) -> str | None:
        return self.keys[ki][0] if ki in self.keys else None

    def period(self, cur, f: Filters, where: str, params: list) -> str:
        if f.by:
            return f.by
        first, last = cur.execute(f"SELECT min(date), max(date) FROM dash.ev WHERE {where}", params).fetchall()[0]
        return choose_period(first, last)

    # -- pages --------------------------------------------------------------------------------
    def overview(self, f: Filters, top: int = 15) -> dict:
        cur = self.cursor()
        where, params = self.where(cur, f)
        shown, first, last = cur.execute(f"SELECT count(*), min(date), max(date) FROM dash.ev WHERE {where}",
                                         params).fetchall()[0]
        by = f.by or choose_period(first, last)
        timeline = [
            {"period": p.isoformat(), "quad": q, "quad_label": f"{q} {quad_names().get(q, '?')}", "events": n,
             "href": f.link("/events", since=p.isoformat(), until=period_bounds(p, by)[1].isoformat(), quad=q)}
            for p, q, n in cur.execute(f"""
                SELECT CAST(date_trunc('{by}', date) AS DATE) AS p, quad_class, count(*)
                FROM dash.ev WHERE {where} AND date IS NOT NULL GROUP BY ALL ORDER BY ALL""", params).fetchall()]
        return {"corpus": self.corpus, "shown": shown, "by": by, "timeline": timeline,
                "dyads": self._top_dyads(cur, f, where, params, by, top), "speakers": self._top_speakers(cur, f, top)}

    def _top_dyads(self, cur, f, where, params, by, top):
        rows = cur.execute(f"""
            SELECT least(sk, tk) AS a, greatest(sk, tk) AS b, count(*) AS n, avg(goldstein),
                   count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
            FROM dash.ev WHERE {where} AND sk <> tk
            GROUP BY a, b ORDER BY n DESC, a, b LIMIT {int(top)}""", params).fetchall()
        if not rows:
            return []
        pairs = [a * _PAIR + b for a, b, *_ in rows]
        series = cur.execute(f"""
            SELECT CAST(least(sk, tk) AS BIGINT) * {_PAIR} + greatest(sk, tk) AS pair,
                   CAST(date_trunc('{by}', date) AS DATE) AS p, count(*)
            FROM dash.ev WHERE {where} AND date IS NOT NULL AND sk <> tk
                 AND CAST(least(sk, tk) AS BIGINT) * {_PAIR} + greatest(sk, tk) IN (SELECT unnest(?))
            GROUP BY ALL""", params + [pairs]).fetchall()
        periods = period_range(min(p for _, p, _ in series), max(p for _, p, _ in series), by) if series else []
        counts: dict[int, dict] = {}
        for pair, p, n in series:
            counts.setdefault(pair, {})[p] = n
        out = []
        for (a, b, n, mean, coop, conf), pair in zip(rows, pairs):
            values = [counts.get(pair, {}).get(p, 0) for p in periods]
            out.append({"a": self.key(a), "b": self.key(b), "a_label": self.label(a), "b_label": self.label(b),
                        "events": n, "goldstein_mean": _round(mean), "cooperation": coop, "conflict": conf,
                        "spark": sparkline(values), "href": f.link("/dyad", a=self.key(a), b=self.key(b))})
        return out

    def _top_speakers(self, cur, f, top):
        where, params = self._quote_where(f)
        rows = cur.execute(f"""
            SELECT coalesce(speaker_id, speaker_name) AS who, min(speaker_name), min(speaker_code),
                   count(*) AS n, count(DISTINCT hash)
            FROM dash.quotes WHERE {where} AND coalesce(speaker_id, speaker_name) IS NOT NULL
            GROUP BY who ORDER BY n DESC, who LIMIT {int(top)}""", params).fetchall()
        return [{"term": who, "name": name, "code": code, "quotes": n, "articles": arts,
                 "href": f.link("/actor", a=who)} for who, name, code, n, arts in rows]

    @staticmethod
    def _quote_where(f: Filters, speaker: str | None = None) -> tuple[str, list]:
        conds, params = ["TRUE"], []
        if f.since:
            conds.append("published >= ?")
            params.append(f.since)
        if f.until:
            conds.append("published <= ?")
            params.append(f.until)
        if speaker:
            sql, ps = actor_condition("speaker", speaker)
            conds.append(sql)
            params += ps
        return " AND ".join(conds), params

    def dyad(self, a: str, b: str, f: Filters, at: dt.date | None = None, page: int = 0) -> dict:
        cur = self.cursor()
        where, params = self.where(cur, f, dyad=(a, b))
        by = self.period(cur, f, where, params)
        from_a = "s IN (SELECT unnest(?))"
        pa = [self.resolve(cur, a)]
        rows = cur.execute(f"""
            SELECT grouping(p) = 1 AS total, p, from_a, count(*), sum(goldstein), avg(goldstein),
                   count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
            FROM (SELECT CAST(date_trunc('{by}', date) AS DATE) AS p, {from_a} AS from_a, goldstein, quad_class
                  FROM dash.ev WHERE {where})
            GROUP BY GROUPING SETS ((p, from_a), (from_a)) ORDER BY ALL""", pa + params).fetchall()
        dirs = {True: f"{a} → {b}", False: f"{b} → {a}"}
        series, totals = [], {}
        for total, p, fa, n, gsum, gmean, coop, conf in rows:
            figures = {"events": n, "goldstein_sum": _round(gsum, 1), "goldstein_mean": _round(gmean),
                       "cooperation": coop, "conflict": conf}
            if total:  # the direction's total, undated events included
                totals[dirs[bool(fa)]] = figures
                continue
            if p is None:  # undated events: in the totals and the list, not on a time axis
                continue
            href = f.link("/dyad", a=a, b=b, at=p.isoformat(), by=by) + "#events"
            series.append({"period": p.isoformat(), "end": period_bounds(p, by)[1].isoformat(),
                           "direction": dirs[bool(fa)], **figures, "href": href})
        window = period_bounds(at, by) if at else None
        events = self.events(f, dyad=(a, b), window=window, page=page, cur=cur)
        return {"a": a, "b": b, "by": by, "directions": [dirs[True], dirs[False]], "series": series,
                "totals": totals, "events": events, "window": window}

    def actor(self, term: str, f: Filters, top: int = 20) -> dict:
        cur = self.cursor()
        cond, cparams = actor_condition("x", term)
        who = cur.execute(f"""
            SELECT x_name, x_code, x_country, sector, kind, sum(articles) AS n, sum(mentions)
            FROM dash.actor_forms WHERE {cond} GROUP BY ALL ORDER BY n DESC, x_name LIMIT 10""", cparams).fetchall()
        roles = {}
        for side, other in (("source", "tk"), ("target", "sk")):
            where, params = self.where(cur, f, **{side: term})
            rows = cur.execute(f"""
                SELECT grouping(k) = 1 AS total, k, count(*) AS n, avg(goldstein),
                       count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
                FROM (SELECT {other} AS k, goldstein, quad_class FROM dash.ev WHERE {where})
                GROUP BY GROUPING SETS ((k), ()) ORDER BY total DESC, n DESC, k""", params).fetchall()
            total = next((r[2] for r in rows if r[0]), 0)
            partners = [r[1:] for r in rows if not r[0] and r[1] is not None][:top]
            roles[side] = {"total": total, "partners": [
                {"key": self.key(k), "label": self.label(k), "events": n, "goldstein_mean": _round(g),
                 "cooperation": c, "conflict": x, "href": f.link("/dyad", a=term, b=self.key(k))}
                for k, n, g, c, x in partners]}
        where, params = self.where(cur, f)
        code = cparams[0]
        reporter = cur.execute(
            f"SELECT count(*) FROM dash.ev WHERE {where} AND reported_by_code IS NOT NULL AND "
            "(reported_by_code = ? OR reported_by_id = ? OR lower(reported_by_name) = lower(?) "
            "OR left(reported_by_code, 3) = ?)", params + [code, term, term, code]).fetchall()[0][0]
        qwhere, qparams = self._quote_where(f, speaker=term)
        n_quotes = cur.execute(f"SELECT count(*) FROM dash.quotes WHERE {qwhere}", qparams).fetchall()[0][0]
        quotes = [{"published": p, "name": n, "code": c, "kind": k, "cue": cue, "text": t, "title": title,
                   "url": safe_url(url), "article_id": aid}
                  for p, n, c, k, cue, t, title, url, aid in cur.execute(f"""
                    SELECT published, speaker_name, speaker_code, kind, cue, text, title, url, article_id
                    FROM dash.quotes WHERE {qwhere}
                    ORDER BY published DESC NULLS LAST, article_id, quote_index LIMIT {int(top)}""",
                                                                       qparams).fetchall()]
        mentions = cur.execute(f"""
            SELECT text, sum(n) AS times, sum(articles)
            FROM dash.mention_forms WHERE actor_id IN (SELECT x_id FROM dash.actor_forms WHERE {cond})
            GROUP BY text ORDER BY times DESC, text LIMIT {int(top)}""", cparams).fetchall()
        events = self.events(f, actor=term, cur=cur)
        return {"term": term, "known_as": [
                    {"name": n, "code": c, "country": co, "sector": s, "kind": k, "articles": a, "mentions": m}
                    for n, c, co, s, k, a, m in who],
                "roles": roles, "reporter": reporter, "n_quotes": n_quotes, "quotes": quotes,
                "mentions": [{"text": t, "count": n, "articles": a} for t, n, a in mentions], "events": events}

    def network(self, f: Filters, level: str = "country", edges: int = 60) -> dict:
        cur = self.cursor()
        where, params = self.where(cur, f)
        ks, kt = ("sk", "tk") if level == "country" else ("sc", "tc")
        rows = cur.execute(f"""
            SELECT least({ks}, {kt}) AS a, greatest({ks}, {kt}) AS b, count(*) AS n, avg(goldstein),
                   count(*) FILTER (WHERE quad_class IN (1, 2)), count(*) FILTER (WHERE quad_class IN (3, 4))
            FROM dash.ev WHERE {where} AND {ks} <> {kt}
            GROUP BY a, b ORDER BY n DESC, a, b LIMIT {int(edges)}""", params).fetchall()
        weight: dict[int, int] = {}
        for a, b, n, *_ in rows:
            weight[a] = weight.get(a, 0) + n
            weight[b] = weight.get(b, 0) + n
        index = {k: i for i, k in enumerate(sorted(weight, key=lambda k: (-weight[k], self.key(k))))}
        nodes = [{"index": i, "key": self.key(k), "label": self.label(k), "events": weight[k],
                  "href": f.link("/actor", a=self.key(k))} for k, i in index.items()]
        links = []
        for a, b, n, mean, coop, conf in rows:
            tone = (coop - conf) / n if n else 0
            links.append({"source": index[a], "target": index[b], "a": self.label(a), "b": self.label(b),
                          "events": n, "goldstein_mean": _round(mean), "cooperation": coop, "conflict": conf,
                          "tone": round(tone, 3), "kind": "cooperation" if coop >= conf else "conflict",
                          "href": f.link("/dyad", a=self.key(a), b=self.key(b))})
        return {"level": level, "nodes": nodes, "links": links}

    def events(self, f: Filters, *, actor: str | None = None, dyad: tuple[str, str] | None = None,
               window: tuple[dt.date, dt.date] | None = None, page: int = 0, cur=None) -> dict:
        """One page of events, newest first, each with its sentence cut into highlighted runs."""
        cur = cur or self.cursor()
        where, params = self.where(cur, f, actor=actor, dyad=dyad, window=window)
        total = cur.execute(f"SELECT count(*) FROM dash.ev WHERE {where}", params).fetchall()[0][0]
        # the page's numbers first (a narrow sort), then its rows and articles by number and hash
        ns = [r[0] for r in cur.execute(f"""
            SELECT n FROM dash.ev WHERE {where}
            ORDER BY n LIMIT {EVENTS_PER_PAGE} OFFSET {int(page) * EVENTS_PER_PAGE}""", params).fetchall()]
        cur.execute("SELECT * FROM dash.ev WHERE n IN (SELECT unnest(?)) ORDER BY n", [ns])
        names = [d[0] for d in cur.description]
        found = [dict(zip(names, r)) for r in cur.fetchall()]
        articles = {r[0]: dict(zip(("title", "url", "published", "outlet"), r[1:])) for r in cur.execute(
            "SELECT hash, title, url, published, source FROM articles WHERE hash IN (SELECT unnest(?))",
            [list({r["hash"] for r in found})]).fetchall()}
        rows = [self._event_row({**r, **articles.get(r["hash"], {})}, f) for r in found]
        return {"total": total, "rows": rows, "page": page, "per_page": EVENTS_PER_PAGE,
                "pages": max(1, math.ceil(total / EVENTS_PER_PAGE))}

    def _event_row(self, r: dict, f: Filters) -> dict:
        spans = [(r["source_start"], r["source_end"], "source", r["source_text"]),
                 (r["target_start"], r["target_end"], "target", r["target_text"]),
                 (None, None, "trigger", r["trigger"])]
        r["segments"] = highlight(r["sentence"] or "", r["span_start"] or 0, spans)
        r["cameo_name"] = cameo_names().get(r["cameo"], "")
        r["quad_label"] = quad_names().get(r["quad_class"], "")
        r["url"] = safe_url(r["url"])
        r["goldstein"] = _round(r["goldstein"], 1)
        r["confidence"] = _round(r["confidence"])
        for side in ("source", "target"):
            term = r[f"{side}_id"] or r[f"{side}_code"]
            r[f"{side}_href"] = f.link("/actor", a=term) if term else None
        r["context_href"] = f.link("/event", h=r["hash"], e=r["event_id"])
        return r

    def event(self, content_hash: str, event_id: str, f: Filters) -> dict | None:
        """One event in its article: the whole text with the event's sentence and actors marked."""
        cur = self.cursor()
        cur.execute("SELECT * FROM events WHERE hash = ? AND event_id = ?", [content_hash, event_id])
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
        if not rows:
            return None
        e = dict(zip(names, rows[0]))
        art = cur.execute("SELECT id, title, url, source, published, text FROM articles WHERE hash = ?",
                          [content_hash]).fetchall()[0]
        article = dict(zip(["id", "title", "url", "source", "published", "text"], art))
        article["url"] = safe_url(article["url"])
        text = article["text"] or ""
        spans = [(e["source_start"], e["source_end"], "source", e["source_text"]),
                 (e["target_start"], e["target_end"], "target", e["target_text"])]
        s0, s1 = e["span_start"], e["span_end"]
        if s0 is not None and s1 is not None and 0 <= s0 < s1 <= len(text):
            inside = highlight(text[s0:s1], s0, spans + [(None, None, "trigger", e["trigger"])])
            segments = highlight(text[:s0], 0, []) + [(t, k or "sentence") for t, k in inside] \
                + highlight(text[s1:], s1, [])
        else:
            segments = highlight(text, 0, spans)
        others = cur.execute(
            "SELECT event_id, source_name, cameo, target_name, modality FROM events WHERE hash = ? "
            "ORDER BY span_start, event_id", [content_hash]).fetchall()
        e["cameo_name"] = cameo_names().get(e["cameo"], "")
        e["quad_label"] = quad_names().get(e["quad_class"], "")
        e["goldstein"] = _round(e["goldstein"], 1)
        e["confidence"] = _round(e["confidence"])
        return {"event": e, "article": article, "segments": segments,
                "others": [{"event_id": i, "source": s, "cameo": c, "cameo_name": cameo_names().get(c, ""),
                            "target": t, "modality": m, "href": f.link("/event", h=content_hash, e=i)}
                           for i, s, c, t, m in others]}
