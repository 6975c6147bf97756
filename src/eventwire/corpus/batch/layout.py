"""The folder a batch writes: one hive-partitioned Parquet dataset per table.

    OUT/events/month=2024-10/000003-1f2e3d4c5b.parquet   one file per shard and month
    OUT/{articles,quotes,actors,mentions,copies,...}/month=YYYY-MM/<shard>.parquet
    OUT/errors/<shard>.parquet                           articles that could not be coded
    OUT/stories/stories.parquet                          near-duplicates merged across the corpus
    OUT/_batch/shards/<shard>.json                       a shard's commit marker (written last)
    OUT/_batch/signatures/<shard>.parquet                MinHash signatures for the dedup shuffle
    OUT/_batch/complete.json                             the run finished (written last of all)

`month` is the event's own month for events and the article's publication month
for every other table; `undated` when there is none. Every file is written under
a temporary name in its final folder and renamed, and a shard counts only once
its marker exists, so a reader never sees half a shard and a killed run leaves
nothing that a rerun would count twice.
"""
from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..tables import COPIES, SCHEMAS

STORY_COLUMNS = ("story", "story_similarity")  # corpus-wide: in the stories table, not in a shard's articles
ERRORS = pa.schema([("article_id", pa.string()), ("reason", pa.string()), ("shard", pa.string())])
STORIES = pa.schema([SCHEMAS["articles"].field(c) for c in ("hash", "story", "story_similarity")])
SIGNATURES = pa.schema([("hash", pa.string()), ("position", pa.int64()), ("signature", pa.binary())])
UNDATED = "undated"
SHARD_NAME = re.compile(r"^\d{6,}-[0-9a-f]{10}$")  # run.plan_shards: index and digest


class LayoutError(Exception):
    """The output folder cannot hold a batch (a file, or someone else's folder)."""


def table_schema(name: str) -> pa.Schema:
    """The Parquet schema of a per-shard table as batch writes it."""
    if name == "copies":
        return COPIES
    schema = SCHEMAS[name]
    if name == "articles":
        for col in STORY_COLUMNS:
            schema = schema.remove(schema.get_field_index(col))
    return schema


def month_of(value) -> str:
    return value.strftime("%Y-%m") if value else UNDATED


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write a Parquet file under a hidden temporary name beside `path`, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_json_atomic(data: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


class Layout:
    """Paths of one batch output folder."""

    def __init__(self, out: str | Path):
        self.root = Path(out)
        self.meta = self.root / "_batch"
        self.markers = self.meta / "shards"
        self.signatures = self.meta / "signatures"
        self.complete = self.meta / "complete.json"

    def is_batch(self) -> bool:
        return self.meta.is_dir()

    def check(self) -> None:
        """Refuse a file, or a folder holding something other than a batch output."""
        if self.root.exists() and not self.root.is_dir():
            raise LayoutError(f"{self.root}: not a folder")
        if self.root.is_dir() and any(self.root.iterdir()) and not self.is_batch():
            raise LayoutError(f"{self.root}: folder is not empty and holds no batch output; "
                              "give a new or an earlier --out folder")

    def prepare(self) -> None:
        """Make (or reopen) the folder for a run."""
        self.check()
        self.markers.mkdir(parents=True, exist_ok=True)
        self.signatures.mkdir(parents=True, exist_ok=True)
        self.complete.unlink(missing_ok=True)  # a run in progress is not a finished store

    def marker(self, shard: str) -> Path:
        return self.markers / f"{shard}.json"

    def committed(self) -> set[str]:
        return {p.stem for p in self.markers.glob("*.json")}

    def read_marker(self, shard: str) -> dict | None:
        try:
            return json.loads(self.marker(shard).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def table_dir(self, table: str) -> Path:
        return self.root / table

    def shard_file(self, table: str, shard: str, month: str | None) -> Path:
        folder = self.table_dir(table)
        if month is not None:
            folder = folder / f"month={month}"
        return folder / f"{shard}.parquet"

    def signature_file(self, shard: str) -> Path:
        return self.signatures / f"{shard}.parquet"

    def tables(self) -> list[str]:
        """Table folders present (every per-shard table, the errors and the stories)."""
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))

    def files_of(self, table: str, shards: set[str] | None = None) -> list[Path]:
        """Committed Parquet files of a table (of the given shards, default every committed one)."""
        shards = self.committed() if shards is None else shards
        folder = self.table_dir(table)
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.rglob("*.parquet")
                      if not p.name.startswith(".") and (p.stem in shards or table == "stories"
                                                         or (table == "errors" and p.stem == "read")))

    def sweep(self, keep: set[str]) -> None:
        """One pass over the folder: delete the files of shards not in `keep` (an earlier
        input's) and the temporary files of attempts that were killed."""
        for p in self.root.rglob("*"):
            if not p.is_file():
                continue
            if p.name.endswith(".tmp") or (SHARD_NAME.match(p.stem) and p.stem not in keep):
                p.unlink(missing_ok=True)
