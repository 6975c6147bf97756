"""The corpus store: one embedded DuckDB file.

Tables mirror the record format (see tables.py): articles, events, quotes,
actors, mentions, plus `copies` (every input article seen, so a story carried by
several outlets is counted once per outlet though coded once) and the MinHash
bands used to find near-duplicates. Each batch of articles is written in one
transaction together with its article rows, so a killed ingest leaves whole
articles or none, and a re-run skips what is stored by content hash.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from . import dedup
from .tables import SCHEMAS

DEFAULT_DB = "eventwire.duckdb"

EXTRA_DDL = [
    """CREATE TABLE IF NOT EXISTS copies (
        hash VARCHAR, id VARCHAR, source VARCHAR, url VARCHAR, published DATE, input VARCHAR,
        PRIMARY KEY (hash, id))""",
    "CREATE TABLE IF NOT EXISTS signatures (hash VARCHAR PRIMARY KEY, signature BLOB)",
    "CREATE TABLE IF NOT EXISTS bands (bucket BIGINT, hash VARCHAR)",
    "CREATE INDEX IF NOT EXISTS bands_bucket ON bands (bucket)",
]

# One row per coded event with GDELT-style report counts: how many article
# copies (NumArticles) and distinct outlets (NumSources) carry an event with the
# same date, source, target and code, and how many times it is mentioned.
EVENT_REPORTS = """
CREATE OR REPLACE VIEW event_reports AS
WITH keyed AS (
    SELECT e.*, a.story, a.published, a.title, a.url AS article_url, a.source AS article_source,
           concat_ws('|', coalesce(CAST(e.date AS VARCHAR), ''), coalesce(e.source_code, ''),
                     coalesce(e.target_code, ''), e.cameo) AS event_key
    FROM events e JOIN articles a USING (hash)
), counts AS (
    SELECT k.event_key,
           count(DISTINCT c.hash || '|' || c.id) AS num_articles,
           count(DISTINCT coalesce(c.source, c.url, c.id)) AS num_sources,
           count(*) AS num_mentions
    FROM keyed k JOIN copies c ON c.hash = k.hash
    GROUP BY k.event_key
)
SELECT keyed.*, counts.num_articles, counts.num_sources, counts.num_mentions
FROM keyed JOIN counts USING (event_key)
"""


def _create_sql(name: str, schema: pa.Schema) -> str:
    types = {pa.string(): "VARCHAR", pa.int32(): "INTEGER", pa.int64(): "BIGINT", pa.int8(): "TINYINT", pa.float32(): "FLOAT",
             pa.float64(): "DOUBLE", pa.date32(): "DATE", pa.bool_(): "BOOLEAN", pa.timestamp("s"): "TIMESTAMP"}
    cols = ", ".join(f'"{f.name}" {types[f.type]}' for f in schema)
    key = ", PRIMARY KEY (hash)" if name == "articles" else ""
    return f"CREATE TABLE IF NOT EXISTS {name} ({cols}{key})"


class StoreError(Exception):
    pass


class Store:
    """An open corpus file. Use as a context manager."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (run `eventwire ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot open the store ({e})") from e
        if not read_only:
            for name, schema in SCHEMAS.items():
                self.con.execute(_create_sql(name, schema))
            for ddl in EXTRA_DDL:
                self.con.execute(ddl)
            self.con.execute(EVENT_REPORTS)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def known(self, hashes: list[str]) -> set[str]:
        """The hashes already stored."""
        if not hashes:
            return set()
        rows = self.con.execute("SELECT hash FROM articles WHERE hash IN (SELECT unnest(?))", [hashes]).fetchall()
        return {r[0] for r in rows}

    def has_copy(self, content_hash: str, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM copies WHERE hash = ? AND id = ?",
                                [content_hash, article_id]).fetchone() is not None

    def add_copies(self, copies: list[dict]) -> None:
        """Record that these inputs carried an already-stored text (idempotent)."""
        if copies:
            self.con.register("_copies", pa.Table.from_pylist(copies, schema=_COPIES))
            self.con.execute("INSERT OR IGNORE INTO copies SELECT * FROM _copies")
            self.con.unregister("_copies")

    def similar_story(self, sig: np.ndarray) -> tuple[str, float] | None:
        """The stored article most similar to this signature, if it is a near-duplicate."""
        buckets = dedup.bands(sig)
        rows = self.con.execute(
            "SELECT DISTINCT s.hash, s.signature FROM bands b JOIN signatures s USING (hash) "
            "WHERE b.bucket IN (SELECT unnest(?))", [buckets]).fetchall()
        best = None
        for h, blob in rows:
            sim = dedup.similarity(sig, np.frombuffer(blob, dtype=np.uint32))
            if sim >= dedup.NEAR_DUPLICATE and (best is None or sim > best[1]):
                best = (h, sim)
        return best

    def story_of(self, content_hash: str) -> str:
        row = self.con.execute("SELECT story FROM articles WHERE hash = ?", [content_hash]).fetchone()
        return row[0] if row else content_hash

    def add(self, tables: dict[str, pa.Table], copies: list[dict], signatures: list[tuple[str, np.ndarray]]) -> None:
        """Write a batch of coded articles in one transaction: all of it or none."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for name, table in tables.items():
                if table.num_rows:
                    con.register("_batch", table)
                    con.execute(f"INSERT INTO {name} SELECT * FROM _batch")
                    con.unregister("_batch")
            if signatures:
                con.executemany("INSERT OR IGNORE INTO signatures VALUES (?, ?)",
                                [(h, s.tobytes()) for h, s in signatures])
                con.executemany("INSERT INTO bands VALUES (?, ?)",
                                [(b, h) for h, s in signatures for b in dedup.bands(s)])
            if copies:
                con.register("_copies", pa.Table.from_pylist(copies, schema=_COPIES))
                con.execute("INSERT OR IGNORE INTO copies SELECT * FROM _copies")
                con.unregister("_copies")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def counts(self) -> dict[str, int]:
        names = ["articles", "copies", "events", "quotes", "actors", "mentions"]
        return {n: self.con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}


_COPIES = pa.schema([("hash", pa.string()), ("id", pa.string()), ("source", pa.string()),
                     ("url", pa.string()), ("published", pa.date32()), ("input", pa.string())])


def copy_row(content_hash: str, article, input_name: str | None = None) -> dict:
    return {"hash": content_hash, "id": article.id, "source": article.source, "url": article.url,
            "published": article.published if isinstance(article.published, dt.date) else None,
            "input": input_name}
