"""The dashboard's in-memory tables, built once at start from a read-only store (see queries.Dashboard)."""
from __future__ import annotations

# Columns of the dashboard's event table (one row per distinct event).
EV_COLUMNS = [
    "hash", "article_id", "event_id", "date", "source_id", "source_name", "source_code", "source_country",
    "source_text", "source_start", "source_end", "target_id", "target_name", "target_code", "target_country",
    "target_text", "target_start", "target_end", "cameo", "root", "quad_class", "goldstein", "plover",
    "modality", "reported_by_name", "reported_by_code", "reported_by_id", "trigger", "span_start", "span_end",
    "confidence", "sentence",
]

_SIG = "concat_ws(chr(31), coalesce({p}_id, chr(0)), coalesce({p}_name, chr(0)), coalesce({p}_code, chr(0)), " \
       "coalesce({p}_country, chr(0)))"

# Built once at start (see Dashboard); the store itself is only read. The
# representative of each distinct event is picked by a hash aggregate over
# narrow columns (arg_max of the row id by confidence, ties to the first row),
# and the wide columns are fetched afterwards by row id: sorting a million wide
# rows in a window would cost several times more.
def build(events: str) -> list[str]:
    return [sql.replace("{events}", events) for sql in BUILD]


BUILD = [
    """CREATE OR REPLACE TABLE dash.pick AS
        SELECT rid, reports, CAST(row_number() OVER (ORDER BY date DESC NULLS LAST, rid) AS INTEGER) AS n
        FROM (SELECT arg_max(rowid, coalesce(confidence, -1) * 1e12 - rowid) AS rid, count(*) AS reports, date
              FROM {events} GROUP BY date, source_code, target_code, cameo, modality)""",
    f"""CREATE OR REPLACE TABLE dash.actor AS
        SELECT CAST(row_number() OVER (ORDER BY sig) AS INTEGER) AS k, *
        FROM (SELECT DISTINCT {_SIG.format(p='source')} AS sig, source_id AS x_id, source_name AS x_name,
                     source_code AS x_code, source_country AS x_country FROM {{events}}
              UNION
              SELECT DISTINCT {_SIG.format(p='target')}, target_id, target_name, target_code, target_country
              FROM {{events}})""",
    """CREATE OR REPLACE TABLE dash.keys AS
        SELECT CAST(row_number() OVER (ORDER BY key) AS INTEGER) AS ki, key, name FROM (
            SELECT key, mode(x_name) AS name FROM (
                SELECT coalesce(x_country, x_code) AS key, x_name FROM dash.actor
                UNION ALL SELECT x_code, x_name FROM dash.actor)
            WHERE key IS NOT NULL GROUP BY key)""",
    f"""CREATE OR REPLACE TABLE dash.ev AS
        SELECT p.n, p.reports, {', '.join('e.' + c for c in EV_COLUMNS)},
               sa.k AS s, ta.k AS t, sk.ki AS sk, tk.ki AS tk, sc.ki AS sc, tc.ki AS tc
        FROM dash.pick p
        JOIN {{events}} e ON e.rowid = p.rid
        JOIN dash.actor sa ON sa.sig = {_SIG.format(p='e.source')}
        JOIN dash.actor ta ON ta.sig = {_SIG.format(p='e.target')}
        LEFT JOIN dash.keys sk ON sk.key = coalesce(e.source_country, e.source_code)
        LEFT JOIN dash.keys tk ON tk.key = coalesce(e.target_country, e.target_code)
        LEFT JOIN dash.keys sc ON sc.key = e.source_code
        LEFT JOIN dash.keys tc ON tc.key = e.target_code""",
    "DROP TABLE dash.pick",
    """CREATE OR REPLACE TABLE dash.actor_forms AS
        SELECT actor_id AS x_id, name AS x_name, code AS x_code, country AS x_country, sector, kind,
               count(DISTINCT hash) AS articles, sum(n_mentions) AS mentions
        FROM actors GROUP BY ALL""",
    """CREATE OR REPLACE TABLE dash.mention_forms AS
        SELECT actor_id, text, count(*) AS n, count(DISTINCT hash) AS articles FROM mentions GROUP BY ALL""",
    """CREATE OR REPLACE TABLE dash.quotes AS
        SELECT q.hash, q.article_id, q.quote_index, q.speaker_id, q.speaker_name, q.speaker_code,
               q.speaker_country, q.text, q.cue, q.kind, a.published, a.title, a.url
        FROM quotes q JOIN articles a USING (hash)""",
]
