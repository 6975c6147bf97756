"""Export a store: CSV or JSON lines of events, the original records, Parquet
partitioned by month, or GDELT 2.0's event table layout.

GDELT columns that eventwire has no counterpart for (tone, the Actor1Ethnic,
Religion and geo feature ids, FIPS codes) are left empty rather than invented;
ActionGeo country is given as ISO alpha-3, not FIPS, and said so in the README.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TextIO

from ..actors.knowledge import international_codes
from .store import Store

FORMATS = ("csv", "jsonl", "parquet", "gdelt", "records")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]

def _gdelt_sql() -> str:
    """The GDELT export query. Actor*KnownGroupCode is the organization part of
    our codes whose sector is an international type (data/actors/sectors.tsv)."""
    sectors = ",".join(f"'{c}'" for c in sorted(international_codes()))
    return _GDELT_SQL.replace("{known_group_sectors}", sectors)


_GDELT_SQL = """
SELECT
    row_number() OVER (ORDER BY date, article_id, event_id) AS GLOBALEVENTID,
    strftime(date, '%Y%m%d') AS SQLDATE, strftime(date, '%Y%m') AS MonthYear, year(date) AS Year,
    round(year(date) + (dayofyear(date) - 1) / 365.0, 4) AS FractionDate,
    source_code AS Actor1Code, upper(source_name) AS Actor1Name, source_country AS Actor1CountryCode,
    CASE WHEN source_sector IN ({known_group_sectors}) THEN substr(source_code, 4) END AS Actor1KnownGroupCode,
    source_sector AS Actor1Type1Code,
    target_code AS Actor2Code, upper(target_name) AS Actor2Name, target_country AS Actor2CountryCode,
    CASE WHEN target_sector IN ({known_group_sectors}) THEN substr(target_code, 4) END AS Actor2KnownGroupCode,
    target_sector AS Actor2Type1Code,
    CASE WHEN sentence_index = 0 THEN 1 ELSE 0 END AS IsRootEvent,
    cameo AS EventCode, substr(cameo, 1, 3) AS EventBaseCode, root AS EventRootCode,
    quad_class AS QuadClass, goldstein AS GoldsteinScale,
    num_mentions AS NumMentions, num_sources AS NumSources, num_articles AS NumArticles,
    CASE WHEN place_name IS NOT NULL THEN 4 END AS ActionGeo_Type,
    place_name AS ActionGeo_FullName, place_country AS ActionGeo_CountryCode,
    place_lat AS ActionGeo_Lat, place_lon AS ActionGeo_Long,
    strftime(ingested_at, '%Y%m%d%H%M%S') AS DATEADDED, coalesce(article_url, article_id) AS SOURCEURL
FROM (SELECT r.*, a.ingested_at FROM event_reports r JOIN articles a USING (hash))
WHERE date IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY confidence DESC, event_id) = 1
ORDER BY date, article_id, event_id
"""

_EVENTS_SQL = "SELECT * EXCLUDE (story, event_key) FROM event_reports ORDER BY date, article_id, event_id"


def export(store: Store, fmt: str, out: str | None = None, stdout: TextIO | None = None) -> str:
    """Write the store in `fmt` to `out` (a file, or a folder for parquet; stdout when
    None for the text formats). Returns where it went."""
    con = store.con
    if fmt == "parquet":
        folder = Path(out or "eventwire-parquet")
        folder.mkdir(parents=True, exist_ok=True)
        tables = {
            "events": "SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM (" + _EVENTS_SQL + ")",
            "quotes": "SELECT q.*, a.published, coalesce(strftime(a.published, '%Y-%m'), 'undated') AS month "
                      "FROM quotes q JOIN articles a USING (hash)",
            "articles": "SELECT * EXCLUDE (record), coalesce(strftime(published, '%Y-%m'), 'undated') AS month "
                        "FROM articles",
        }
        for name, sql in tables.items():
            target = folder / name
            con.execute(f"COPY ({sql}) TO '{_quote(target)}' "
                        "(FORMAT PARQUET, PARTITION_BY (month), OVERWRITE_OR_IGNORE TRUE)")
        return str(folder)
    handle = open(out, "w", encoding="utf-8", newline="") if out else (stdout or sys.stdout)
    try:
        if fmt == "records":
            for (record,) in con.execute("SELECT record FROM articles ORDER BY published, id").fetchall():
                handle.write(record + "\n")
        elif fmt in ("csv", "gdelt", "jsonl"):
            cur = con.execute(_gdelt_sql() if fmt == "gdelt" else _EVENTS_SQL)
            cols = [d[0] for d in cur.description]
            if fmt == "gdelt":
                writer = csv.DictWriter(handle, GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
                writer.writeheader()
            elif fmt == "csv":
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(cols)
            while rows := cur.fetchmany(5000):
                for row in rows:
                    if fmt == "gdelt":
                        writer.writerow({c: ("" if v is None else v) for c, v in zip(cols, row)})
                    elif fmt == "csv":
                        writer.writerow(["" if v is None else v for v in row])
                    else:
                        handle.write(json.dumps(dict(zip(cols, row)), default=str, ensure_ascii=False) + "\n")
        else:
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    finally:
        if out:
            handle.close()
    return out or "-"


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
