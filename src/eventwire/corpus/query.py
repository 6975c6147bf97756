"""Questions of a store: events, quotes, actors, and dyad time series.

Each function returns (column names, rows) so the CLI, the dashboard and a
notebook share them. Actors are matched by CAMEO code or country ("IRN",
"TURGOV"), by actor id ("person/abbas-araqchi"), by name, by a name the actor
tables give as an alias ("Biden", "Joseph R. Biden") or by a surname ("Trump"
finds Donald Trump); a country name or alias ("Turkey", "Türkiye", "Iranian")
is read as its ISO code. `actor_matches` lists what a term finds, so a caller
can say when a surname names several people.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..data import read_tsv

if TYPE_CHECKING:
    from .store import Store

EVENT_COLUMNS = [
    "date", "source_name", "source_code", "cameo", "root", "quad_class", "goldstein", "plover",
    "target_name", "target_code", "modality", "place_name", "num_articles", "num_sources",
    "article_id", "event_id", "sentence",
]
QUOTE_COLUMNS = ["published", "speaker_name", "speaker_code", "kind", "cue", "text", "article_id"]
PERIODS = ("day", "week", "month", "year")
# Series, counts and exports hold reported acts only, as GDELT's own events do:
# "X never gave aid to Y" is not an act of aid. Other modalities are asked for.
DEFAULT_MODALITIES = ("asserted",)


@cache
def _country_names() -> dict[str, str]:
    names = {}
    for r in read_tsv("actors/countries.tsv"):
        for n in [r["name"], *r["aliases"].split("|"), *r["capitals"].split("|")]:
            if n.strip():
                names.setdefault(n.strip().lower(), r["code"])
    return names


@cache
def _known_aliases() -> dict[str, frozenset[str]]:
    """Lower-cased names and aliases of the actor tables -> actor ids."""
    ids: dict[str, set[str]] = {}
    for table in ("actors/people.tsv", "actors/organizations.tsv", "actors/ethnic_groups.tsv"):
        for r in read_tsv(table):
            for n in [r["name"], *(r.get("aliases") or "").split("|")]:
                if n.strip():
                    ids.setdefault(n.strip().lower(), set()).add(r["id"])
    return {k: frozenset(v) for k, v in ids.items()}


def actor_condition(prefix: str, value: str) -> tuple[str, list]:
    """SQL condition (and parameters) matching an actor column group to a user's term:
    its country, code, id or name, an actor whose alias it is in the actor tables, or
    an actor whose name ends with it as a word (a surname)."""
    v = value.strip()
    code = _country_names().get(v.lower())
    if code:
        return f"({prefix}_country = ?)", [code]
    known = sorted(_known_aliases().get(v.lower(), ()))
    return (f"({prefix}_country = ? OR {prefix}_code = ? OR {prefix}_id = ? OR lower({prefix}_name) = lower(?) "
            f"OR {prefix}_id IN (SELECT unnest(?::VARCHAR[])) "
            f"OR ends_with(lower({prefix}_name), ' ' || lower(?)))",
            [v.upper(), v.upper(), v, v, known, v])


def actor_matches(store: Store, value: str) -> list[tuple[str, str, str, int]]:
    """(id, name, code, articles) of the stored actors a term finds, most mentioned
    first. More than one person here means the term is ambiguous."""
    cond, params = actor_condition("x", value)
    sql = (f"SELECT x_id, any_value(x_name), any_value(x_code), count(DISTINCT hash) AS n FROM "
           f"(SELECT hash, actor_id AS x_id, name AS x_name, code AS x_code, country AS x_country, kind "
           f" FROM actors) WHERE {cond} GROUP BY x_id ORDER BY n DESC, x_id")
    return store.con.execute(sql, params).fetchall()


def ambiguity(store: Store, value: str) -> str | None:
    """A one-line note when a term (not a code or a country) finds several actors."""
    v = value.strip()
    if _country_names().get(v.lower()) or v.upper() == v:
        return None
    found = actor_matches(store, v)
    names = {}
    for _, name, code, n in found:
        names.setdefault(name, (code, n))
    if len(names) < 2:
        return None
    shown = ", ".join(f"{name} ({code or '-'}, {n} articles)" for name, (code, n) in list(names.items())[:6])
    more = f" and {len(names) - 6} more" if len(names) > 6 else ""
    return (f"'{v}' names {len(names)} actors: {shown}{more}; all are shown "
            "(give a full name, a code or an id to choose one)")


@dataclass
class EventFilter:
    actor: str | None = None  # either side
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # both directions
    code: str | None = None  # CAMEO prefix: "04", "042", "1"
    root: str | None = None
    quad_class: int | None = None
    modality: tuple[str, ...] | list[str] | None = DEFAULT_MODALITIES  # None: every modality
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
            add("modality IN (SELECT unnest(?))", [list(self.modality)])
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


def _published_between(since: dt.date | None, until: dt.date | None, conds: list, params: list) -> None:
    if since:
        conds.append("a.published >= ?")
        params.append(since)
    if until:
        conds.append("a.published <= ?")
        params.append(until)


def quotes(store: Store, speaker: str | None = None, kind: str | None = None, limit: int | None = 100,
           since: dt.date | None = None, until: dt.date | None = None):
    """Quotes, newest article first; `since`/`until` bound the article's publication date."""
    conds, params = ["TRUE"], []
    if speaker:
        sql, ps = actor_condition("speaker", speaker)
        conds.append(sql)
        params += ps
    if kind:
        conds.append("kind = ?")
        params.append(kind)
    _published_between(since, until, conds, params)
    sql = (f"SELECT a.published, q.speaker_name, q.speaker_code, q.kind, q.cue, q.text, q.article_id "
           f"FROM quotes q JOIN articles a USING (hash) WHERE {' AND '.join(conds)} "
           f"ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote_index")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return QUOTE_COLUMNS, store.con.execute(sql, params).fetchall()


def actors(store: Store, limit: int | None = 100, since: dt.date | None = None, until: dt.date | None = None):
    """Actors by how many articles mention them (published between `since` and `until`)."""
    conds, params = ["TRUE"], []
    _published_between(since, until, conds, params)
    cols = ["actor_id", "name", "code", "country", "sector", "kind", "articles", "mentions"]
    sql = ("SELECT x.actor_id, any_value(x.name), any_value(x.code), any_value(x.country), any_value(x.sector), "
           "any_value(x.kind), count(DISTINCT x.hash) AS articles, sum(x.n_mentions) AS mentions "
           f"FROM actors x JOIN articles a USING (hash) WHERE {' AND '.join(conds)} "
           "GROUP BY x.actor_id ORDER BY articles DESC, mentions DESC, x.actor_id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return cols, store.con.execute(sql, params).fetchall()


def dyad_series(store: Store, a: str, b: str, by: str = "month", f: EventFilter | None = None):
    """Counts and Goldstein sums of a pair of actors by period, both directions
    apart and together. Each distinct event (date, source, target, code,
    modality) counts once however many articles carry it; `reports` counts every
    article's copy. One row per period and modality, so a sum never mixes what
    happened with what was denied or only planned (by default: asserted only)."""
    if by not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}")
    f = f or EventFilter()
    f = EventFilter(**{**f.__dict__, "dyad": (a, b)})
    where, params = f.where()
    sa, psa = actor_condition("source", a)
    cols = ["period", "modality", "events", "reports", "goldstein_sum", "goldstein_mean",
            "a_to_b", "b_to_a", "cooperation", "conflict"]
    sql = f"""
        WITH e AS (
            SELECT *, row_number() OVER (PARTITION BY event_key ORDER BY event_id) AS nth,
                   {sa} AS from_a
            FROM event_reports WHERE {where} AND date IS NOT NULL
        )
        SELECT CAST(date_trunc('{by}', date) AS DATE) AS period, modality,
               count(*) FILTER (WHERE nth = 1) AS events,
               sum(num_mentions) FILTER (WHERE nth = 1) AS reports,
               round(sum(goldstein) FILTER (WHERE nth = 1), 1) AS goldstein_sum,
               round(avg(goldstein) FILTER (WHERE nth = 1), 2) AS goldstein_mean,
               count(*) FILTER (WHERE nth = 1 AND from_a) AS a_to_b,
               count(*) FILTER (WHERE nth = 1 AND NOT from_a) AS b_to_a,
               count(*) FILTER (WHERE nth = 1 AND quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE nth = 1 AND quad_class IN (3, 4)) AS conflict
        FROM e GROUP BY period, modality ORDER BY period, modality"""
    return cols, store.con.execute(sql, psa + params).fetchall()
