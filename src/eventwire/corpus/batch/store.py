"""A batch output folder opened as a read-only store.

`ParquetStore` is a `Store` whose tables are DuckDB views over the Parquet files
(read_parquet with hive partitioning), so `query`, `export` and `serve` run the
same SQL on it as on a DuckDB file: articles (with the corpus-wide `story` and
`story_similarity` joined back from the stories table), events, quotes, actors,
mentions, copies, whatever other tables the batch wrote, errors, and the
`event_reports` view with its NumArticles / NumSources / NumMentions counts.
Only the files of committed shards are read, and only a finished batch opens.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from .. import DEFAULT_DB
from ..store import EVENT_REPORTS, Store, StoreError
from .layout import ERRORS, STORIES, Layout, table_schema


def _sql_list(paths: list[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


class ParquetStore(Store):
    """The Parquet folder of `eventwire batch`, read through an in-memory DuckDB."""

    def __init__(self, folder: str | Path):
        layout = Layout(folder)
        self.path = str(folder)
        if not layout.root.is_dir():
            raise StoreError(f"{folder}: no such folder (run `eventwire batch --out {folder}` first)")
        if not layout.is_batch():
            raise StoreError(f"{folder}: not an `eventwire batch` output (no _batch folder)")
        if not layout.complete.exists():
            raise StoreError(f"{folder}: the batch has not finished; run the same `eventwire batch` "
                             "command again to complete it")
        self.con = duckdb.connect()
        shards = layout.committed()
        names = set(layout.tables()) | {"articles", "events", "quotes", "actors", "mentions", "copies"}
        for name in sorted(names - {"stories", "errors"}):
            self._view(name if name != "articles" else "shard_articles", layout.files_of(name, shards),
                       table_schema(name), partitioned=True)
        self._view("errors", layout.files_of("errors", shards), ERRORS, partitioned=False)
        self._view("stories", layout.files_of("stories"), STORIES, partitioned=False)
        cols = []
        for f in table_schema("articles"):
            cols.append(f'a."{f.name}"')
            if f.name == "n_quotes":  # the store's column order: story columns follow n_quotes
                cols += ["coalesce(s.story, a.hash) AS story", "s.story_similarity"]
        self.con.execute(f"CREATE VIEW articles AS SELECT {', '.join(cols)} "
                         "FROM shard_articles a LEFT JOIN stories s USING (hash)")
        self.con.execute(EVENT_REPORTS)

    def _view(self, name: str, files: list[Path], schema: pa.Schema, partitioned: bool) -> None:
        if not files:  # no rows at all: an empty table of the right columns
            self.con.register("_empty", pa.Table.from_pylist([], schema=schema))
            self.con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _empty')
            self.con.unregister("_empty")
            return
        options = ", hive_partitioning = true, hive_types = {'month': VARCHAR}" if partitioned else ""
        cols = ", ".join(f'"{f.name}"' for f in schema)  # the schema's columns, in its order, no `month`
        self.con.execute(f'CREATE VIEW "{name}" AS SELECT {cols} FROM read_parquet({_sql_list(files)}, '
                         f"union_by_name = true{options})")


def open_store(db: str | None = None, parquet: str | None = None) -> Store:
    """A read-only store: the DuckDB file `db`, or the batch output folder `parquet`.
    Raises StoreError (one line, naming the path) when it cannot be opened."""
    if parquet is not None:
        if db is not None:
            raise StoreError("give a DuckDB file or a Parquet folder, not both")
        return ParquetStore(parquet)
    return Store(db or DEFAULT_DB, read_only=True)
