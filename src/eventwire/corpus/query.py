"""Questions of a store: events, quotes, actors, and dyad time series.

Each function returns (column names, rows) so the CLI, the dashboard and a
notebook share them. Actors are matched by CAMEO code or country ("IRN",
"TURGOV"), by actor id ("person/abbas-araqchi") or by name; a country name or
alias ("Turkey", "Türkiye", "Iranian") is read as its ISO code.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from ..data import read_tsv
from .store import Store

EVENT_COLUMNS = [
    "date", "source_name", "source_code", "cameo", "root", "quad_class", "goldstein", "plover",
    "target_name", "target_code", "modality", "place_name", "num_articles", "num_sources",
    "article_id", "event_id", "sentence",
]
QUOTE_COLUMNS = ["published", "speaker_name", "speaker_code", "kind", "cue", "text", "article_id"]
PERIODS = ("day", "week", "month", "year")


@cache
def _country_names() -> dict[str, str]:
    names = {}
    for r in read_tsv("actors/countries.tsv"):
        for n in [r["name"], *r["aliases"].split("|"), *r["capitals"].split("|")]:
            if n.strip():
                names.setdefault(n.strip().lower(), r["code"])
    return names


def actor_condition(prefix: str, value: str) -> tuple[str, list]:
    """SQL condition (and parameters) matching an actor column group to a user's term."""
    v = value.strip()
    code = _country_names().get(v.lower())
    if code:
        return f"({prefix}_country = ?)", [code]
    return (f"({prefix}_country = ? OR {prefix}_code = ? OR {prefix}_id = ? OR lower({prefix}_name) = lower(?))",
            [v.upper(), v.upper(), v, v])


@dataclass
class EventFilter:
    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # both directions
    code: str | None = None  # CAMEO prefix: "04", "042", "1"
    root: str | None = None
    quad_class: int | None = None
    modality: list[str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    def where(self) -> tuple[str, list]:
        conds, params = ["TRUE"], []

        def add(sql, ps):
            conds.append(sql)
            params.extend(ps)

        if self.actor:
            s, ps = actor_condition("source", self.actor)
            t, pt = actor_condition("target", self.actor)
            add(f"({s} OR {t})", ps + pt)
        if self.source:
            add(*actor_condition("source", self.source))
        if self.target:
            add(*actor_condition("target", self.target))
        if self.dyad:
            a, b = self.dyad
            sa, psa = actor_condition("source", a)
            tb, ptb = actor_condition("target", b)
            sb, psb = actor_condition("source", b)
            ta, pta = actor_condition("target", a)
            add(f"(({sa} AND {tb}) OR ({sb} AND {ta}))", psa + ptb + psb + pta)
        if self.code:
            add("starts_with(cameo, ?)", [self.code])
        if self.root:
            add("root = ?", [self.root.zfill(2)])
        if self.quad_class:
            add("quad_class = ?", [self.quad_class])
        if self.modality:
            add("modality IN (SELECT unnest(?))", [self.modality])
        if self.since:
            add("date >= ?", [self.since])
        if self.until:
            add("date <= ?", [self.until])
        return " AND ".join(conds), params


def events(store: Store, f: EventFilter, limit: int | None = 100, distinct: bool = False):
    """Events matching the filter, newest first. `distinct`: one row per event
    key (date, source, target, code) however many articles report it."""
    where, params = f.where()
    cols = ", ".join(EVENT_COLUMNS)
    sql = f"SELECT {cols} FROM event_reports WHERE {where}"
    if distinct:
        sql += " QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY confidence DESC, event_id) = 1"
    sql += " ORDER BY date DESC NULLS LAST, article_id, event_id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return EVENT_COLUMNS, store.con.execute(sql, params).fetchall()


def quotes(store: Store, speaker: str | None = None, kind: str | None = None, limit: int | None = 100):
    conds, params = ["TRUE"], []
    if speaker:
        sql, ps = actor_condition("speaker", speaker)
        conds.append(sql)
        params += ps
    if kind:
        conds.append("kind = ?")
        params.append(kind)
    sql = (f"SELECT a.published, q.speaker_name, q.speaker_code, q.kind, q.cue, q.text, q.article_id "
           f"FROM quotes q JOIN articles a USING (hash) WHERE {' AND '.join(conds)} "
           f"ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_index")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return QUOTE_COLUMNS, store.con.execute(sql, params).fetchall()


def actors(store: Store, limit: int | None = 100):
    """Actors by how many articles mention them."""
    cols = ["actor_id", "name", "code", "country", "sector", "kind", "articles", "mentions"]
    sql = ("SELECT actor_id, any_value(name), any_value(code), any_value(country), any_value(sector), "
           "any_value(kind), count(DISTINCT hash) AS articles, sum(n_mentions) AS mentions "
           "FROM actors GROUP BY actor_id ORDER BY articles DESC, mentions DESC")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return cols, store.con.execute(sql).fetchall()


def dyad_series(store: Store, a: str, b: str, by: str = "month", f: EventFilter | None = None):
    """Counts and Goldstein sums of a pair of actors by period, both directions
    apart and together. Each distinct event (date, source, target, code) counts
    once however many articles carry it; `reports` counts every article's copy."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    f = f or EventFilter()
    f = EventFilter(**{**f.__dict__, "dyad": (a, b)})
    where, params = f.where()
    sa, psa = actor_condition("source", a)
    cols = ["period", "events", "reports", "goldstein_sum", "goldstein_mean",
            "a_to_b", "b_to_a", "cooperation", "conflict"]
    sql = f"""
        WITH e AS (
            SELECT *, row_number() OVER (PARTITION BY event_key ORDER BY event_id) AS nth,
                   {sa} AS from_a
            FROM event_reports WHERE {where} AND date IS NOT NULL
        )
        SELECT CAST(date_trunc('{by}', date) AS DATE) AS period,
               count(*) FILTER (WHERE nth = 1) AS events,
               sum(num_mentions) FILTER (WHERE nth = 1) AS reports,
               round(sum(goldstein) FILTER (WHERE nth = 1), 1) AS goldstein_sum,
               round(avg(goldstein) FILTER (WHERE nth = 1), 2) AS goldstein_mean,
               count(*) FILTER (WHERE nth = 1 AND from_a) AS a_to_b,
               count(*) FILTER (WHERE nth = 1 AND NOT from_a) AS b_to_a,
               count(*) FILTER (WHERE nth = 1 AND quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE nth = 1 AND quad_class IN (3, 4)) AS conflict
        FROM e GROUP BY period ORDER BY period"""
    return cols, store.con.execute(sql, psa + params).fetchall()
