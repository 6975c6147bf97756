"""The corpus store: one embedded DuckDB file.

Tables mirror the record format (see tables.py): articles, events, quotes,
actors, mentions, plus `copies` (every input article seen, so a story carried by
several outlets is counted once per outlet though coded once) and the MinHash
bands used to find near-duplicates. Each batch of articles is written in one
transaction together with its article rows, so a killed ingest leaves whole
articles or none, and a re-run skips what is stored by content hash.

A store says what it is in the table `eventwire_schema` (SCHEMA_VERSION, the one
place the version is written). A DuckDB file without that table and with tables
of its own is someone else's database: it is refused before anything is written,
and opened read-only to find that out, so its bytes stay as they were.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from . import DEFAULT_DB, dedup
from .tables import COPIES, SCHEMAS

# Raise it with any change of a table or view that an older eventwire could not read.
# 1: the version table; copies keyed by content hash and input (resolved path or URL).
SCHEMA_VERSION = 1
VERSION_TABLE = "eventwire_schema"

EXTRA_DDL = [
    # One row per input that carried a stored text: `input` is the resolved path or
    # URL (with #id or #n for an item of a JSON lines file or a feed), so the same
    # file ingested again from another folder is the same copy, not a new one.
    """CREATE TABLE IF NOT EXISTS copies (
        hash VARCHAR NOT NULL, id VARCHAR, source VARCHAR, url VARCHAR, published DATE, input VARCHAR NOT NULL,
        PRIMARY KEY (hash, input))""",
    "CREATE TABLE IF NOT EXISTS signatures (hash VARCHAR PRIMARY KEY, signature BLOB)",
    "CREATE TABLE IF NOT EXISTS bands (bucket BIGINT, hash VARCHAR)",
    "CREATE INDEX IF NOT EXISTS bands_bucket ON bands (bucket)",
]

# One row per coded event with GDELT-style report counts: how many article
# copies (NumArticles) and distinct outlets (NumSources) carry an event with the
# same date, source, target, code and modality, and how many times it is
# mentioned. The modality is part of the key: "X attacked Y" and "X did not
# attack Y" on one day are two different events, never merged.
EVENT_REPORTS = """
CREATE OR REPLACE VIEW event_reports AS
WITH keyed AS (
    SELECT e.*, a.story, a.published, a.title, a.url AS article_url, a.source AS article_source,
           concat_ws('|', coalesce(CAST(e.date AS VARCHAR), ''), coalesce(e.source_code, ''),
                     coalesce(e.target_code, ''), e.cameo, e.modality) AS event_key
    FROM events e JOIN articles a USING (hash)
), counts AS (
    SELECT k.event_key,
           count(DISTINCT c.hash || '|' || c.input) AS num_articles,
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
    """A store that cannot be used; the message is one line naming the file."""


class Store:
    """An open corpus file. Use as a context manager.

    Opening checks what the file is before writing anything: a new or empty file
    becomes a store of SCHEMA_VERSION; a store of another version, or a DuckDB file
    that is not a store, is refused with a StoreError and left untouched."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        exists = Path(self.path).exists()
        if read_only and not exists:
            raise StoreError(f"{self.path}: no such store (run `eventwire ingest` first)")
        if exists:
            con = self._connect(read_only=True)
            try:
                self._check(con)
            finally:
                con.close()
        self.con = self._connect(read_only)
        if not read_only:
            try:
                self._create()
            except BaseException:
                self.con.close()
                raise

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as e:
            message = str(e)
            if "lock" in message.lower():
                pid = re.search(r"PID (\d+)", message)
                raise StoreError(f"{self.path}: another eventwire process holds the store"
                                 + (f" (pid {pid[1]})" if pid else "")
                                 + "; wait for it to finish or use another --db") from None
            if "not a valid DuckDB" in message:
                raise StoreError(f"{self.path}: not a DuckDB file, so not an eventwire store; "
                                 "nothing was changed") from None
            raise StoreError(f"{self.path}: cannot open the store ({_one_line(message)})") from None
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: cannot open the store ({_one_line(str(e))})") from None

    def _check(self, con) -> None:
        """Refuse what is not a store of this version; an empty database is fine."""
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name").fetchall()]
        if not tables:
            return
        if VERSION_TABLE not in tables and {"articles", "events", "copies"} <= set(tables):
            raise StoreError(f"{self.path}: an eventwire store from before schema versions (this eventwire reads "
                             f"version {SCHEMA_VERSION}); nothing was changed, ingest into a new file")
        if VERSION_TABLE not in tables:
            shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"{self.path}: not an eventwire store (a DuckDB database with tables {shown}); "
                             "nothing was changed, give --db a new file")
        row = con.execute(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
        if row[0] != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: an eventwire store of schema version {row[0]}, and this eventwire "
                             f"reads version {SCHEMA_VERSION}; ingest into a new file")

    @contextlib.contextmanager
    def _transaction(self):
        """All of the block's writes or none (rolled back on any exception, Ctrl-C too)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _create(self) -> None:
        with self._transaction() as con:
            con.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL, "
                        "created_at TIMESTAMP DEFAULT current_timestamp)")
            if con.execute(f"SELECT count(*) FROM {VERSION_TABLE}").fetchone()[0] == 0:
                con.execute(f"INSERT INTO {VERSION_TABLE} (version) VALUES (?)", [SCHEMA_VERSION])
            for name, schema in SCHEMAS.items():
                con.execute(_create_sql(name, schema))
            for ddl in EXTRA_DDL:
                con.execute(ddl)
            con.execute(EVENT_REPORTS)

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

    def has_copy(self, content_hash: str, input_key: str) -> bool:
        return self.con.execute("SELECT 1 FROM copies WHERE hash = ? AND input = ?",
                                [content_hash, input_key]).fetchone() is not None

    def add_copies(self, copies: list[dict]) -> None:
        """Record that these inputs carried an already-stored text (idempotent)."""
        if copies:
            self.con.register("_copies", pa.Table.from_pylist(copies, schema=COPIES))
            self.con.execute("INSERT OR IGNORE INTO copies SELECT * FROM _copies")
            self.con.unregister("_copies")

    def similar_story(self, sig: np.ndarray) -> tuple[str, float] | None:
        """The stored article most similar to this signature, if it is a near-duplicate."""
        buckets = dedup.bands(sig)
        rows = self.con.execute(
            "SELECT DISTINCT s.hash, s.signature FROM bands b JOIN signatures s USING (hash) "
            "WHERE b.bucket IN (SELECT unnest(?))", [buckets]).fetchall()
        return dedup.most_similar(sig, ((h, np.frombuffer(blob, dtype=np.uint32)) for h, blob in rows))

    def story_of(self, content_hash: str) -> str:
        row = self.con.execute("SELECT story FROM articles WHERE hash = ?", [content_hash]).fetchone()
        return row[0] if row else content_hash

    def add(self, tables: dict[str, pa.Table], copies: list[dict], signatures: list[tuple[str, np.ndarray]]) -> None:
        """Write a batch of coded articles in one transaction: all of it or none."""
        with self._transaction() as con:
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
            self.add_copies(copies)

    def counts(self) -> dict[str, int]:
        names = ["articles", "copies", "events", "quotes", "actors", "mentions"]
        return {n: self.con.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}


def copy_row(content_hash: str, article, input_key: str | None = None) -> dict:
    """A row of `copies`: `input_key` identifies where the text came from (see
    io.files.read_inputs_keyed); without one, the article id stands for it."""
    return {"hash": content_hash, "id": article.id, "source": article.source, "url": article.url,
            "published": article.published if isinstance(article.published, dt.date) else None,
            "input": input_key or article.id}


def _one_line(message: str) -> str:
    return " ".join(message.split())
