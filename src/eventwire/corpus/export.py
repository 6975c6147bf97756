"""Export a store: CSV or JSON lines of events, the original records, Parquet
partitioned by month, or GDELT 2.0's event table layout.

GDELT columns that eventwire has no counterpart for (tone, the Actor1Ethnic,
Religion and geo feature ids, FIPS codes) are left empty rather than invented;
ActionGeo country is given as ISO alpha-3, not FIPS, and said so in the README.

Events are asserted ones unless `modality` says otherwise, as in GDELT, whose
events are reported acts; when other modalities are asked for, the GDELT layout
gains a last column, Modality, so that no row hides what it is.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .query import DEFAULT_MODALITIES

if TYPE_CHECKING:
    from .store import Store

EXPORT_FORMATS = ("csv", "jsonl", "parquet", "gdelt", "records")

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
    our codes whose sector is an international type (data/actors/sectors.tsv).
    The actor tables are imported here, not at load: the command line imports
    this module for EXPORT_FORMATS, and every command would pay for them."""
    from ..actors.knowledge import international_codes

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
    {modality_column}
FROM (SELECT r.*, a.ingested_at FROM event_reports r JOIN articles a USING (hash))
WHERE date IS NOT NULL AND {modality_filter}
QUALIFY row_number() OVER (PARTITION BY event_key ORDER BY confidence DESC, event_id) = 1
ORDER BY date, article_id, event_id
"""

_EVENTS_SQL = ("SELECT * EXCLUDE (story, event_key) FROM event_reports WHERE {modality_filter} "
               "ORDER BY date, article_id, event_id")


class ExportError(ValueError):
    """An export that cannot be written where it was asked to go; one line."""


def check_target(fmt: str, out: str | None) -> None:
    """Refuse, before anything is written, a target that cannot take the format."""
    if out is None:
        return
    path = Path(out)
    if not path.parent.exists():
        raise ExportError(f"{out}: folder {path.parent} does not exist")
    if fmt == "parquet" and path.exists() and not path.is_dir():
        raise ExportError(f"{out} is a file; --format parquet writes a folder of files")
    if fmt != "parquet" and path.is_dir():
        raise ExportError(f"{out} is a folder; --format {fmt} writes one file")


def _modality_sql(modality) -> tuple[str, str]:
    """(WHERE condition, extra GDELT column) for the modalities asked for; None: all."""
    if modality is None:
        return "TRUE", ", modality AS Modality"
    names = ", ".join("'" + m.replace("'", "''") + "'" for m in modality)
    extra = "" if tuple(modality) == DEFAULT_MODALITIES else ", modality AS Modality"
    return f"modality IN ({names})", extra


def export(store: Store, fmt: str, out: str | None = None, stdout: TextIO | None = None,
           modality=DEFAULT_MODALITIES) -> str:
    """Write the store in `fmt` to `out` (a file, or a folder for parquet; stdout when
    None for the text formats). Events: those of the modalities given (None: all).
    Returns where it went; raises ExportError for a target it cannot write."""
    con = store.con
    check_target(fmt, out)
    where, modality_column = _modality_sql(modality)
    events_sql = _EVENTS_SQL.format(modality_filter=where)
    if fmt == "parquet":
        folder = Path(out or "eventwire-parquet")
        check_target(fmt, str(folder))
        folder.mkdir(exist_ok=True)
        by_article = "coalesce(strftime(a.published, '%Y-%m'), 'undated') AS month FROM {} x JOIN articles a USING (hash)"
        tables = {
            "events": "SELECT *, coalesce(strftime(date, '%Y-%m'), 'undated') AS month FROM (" + events_sql + ")",
            "quotes": "SELECT x.*, a.published, " + by_article.format("quotes"),
            "actors": "SELECT x.*, " + by_article.format("actors"),
            "mentions": "SELECT x.*, " + by_article.format("mentions"),
            "copies": "SELECT *, coalesce(strftime(published, '%Y-%m'), 'undated') AS month FROM copies",
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
            sql = _gdelt_sql().format(modality_filter=where, modality_column=modality_column) \
                if fmt == "gdelt" else events_sql
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            if fmt == "gdelt":
                header = GDELT_COLUMNS + (["Modality"] if modality_column else [])
                writer = csv.DictWriter(handle, header, delimiter="\t", lineterminator="\n")
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
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    finally:
        if out:
            handle.close()
    return out or "-"


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
