"""Near-duplicates across the whole corpus, found by a shuffle on LSH band keys.

Each coded article has a MinHash signature (dedup.signature) written by its
shard. Every signature is emitted once per band under that band's bucket key;
Dask's shuffle (`Bag.groupby`) brings the articles sharing a bucket together on
one worker, where each pair in the bucket is checked against dedup.NEAR_DUPLICATE.
No loop ever runs over all pairs of the corpus: work grows with the articles
times the bands, plus the pairs inside buckets (the copies of one story).

The confirmed pairs (few: one per pair of copies) come back to the driver,
which joins them into stories: a story is a connected group of near-duplicates,
named by its first article in input order, as `ingest` names it; an article's
`story_similarity` is its best similarity to an earlier article of the group.
"""
from __future__ import annotations

from itertools import combinations

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .. import dedup
from .layout import STORIES, Layout, write_atomic


def _band_records(path: str) -> list[tuple[int, tuple[int, str, bytes]]]:
    table = pq.read_table(path).to_pylist()
    out = []
    for r in table:
        sig = np.frombuffer(r["signature"], dtype=np.uint32)
        out.extend((bucket, (r["position"], r["hash"], r["signature"])) for bucket in dedup.bands(sig))
    return out


def _pairs(group: tuple[int, list]) -> list[tuple[int, str, int, str, float]]:
    """Confirmed near-duplicate pairs in one bucket: (later position, hash, earlier position, hash, similarity)."""
    _, members = group
    members = sorted(members)
    out = []
    for (p1, h1, s1), (p2, h2, s2) in combinations(members, 2):
        sim = dedup.similarity(np.frombuffer(s1, dtype=np.uint32), np.frombuffer(s2, dtype=np.uint32))
        if sim >= dedup.NEAR_DUPLICATE:
            out.append((p2, h2, p1, h1, sim))
    return out


def near_duplicate_pairs(client, files: list[str]) -> list[tuple[int, str, int, str, float]]:
    """Every confirmed pair of near-duplicates among the signatures in `files`, on the cluster."""
    import dask.bag as db

    if not files:
        return []
    bag = db.from_sequence(files, npartitions=len(files)).map(_band_records).flatten()
    groups = bag.groupby(lambda rec: rec[0], shuffle="tasks", npartitions=max(1, min(len(files), 64)))
    pairs = groups.map(lambda kv: (kv[0], [m for _, m in kv[1]])).filter(lambda g: len(g[1]) > 1)
    found = client.compute(pairs.map(_pairs).flatten().distinct()).result()
    return sorted(found)


def assign_stories(pairs: list[tuple[int, str, int, str, float]]) -> list[dict]:
    """Rows of the stories table: each near-duplicate article with the first article
    of its group and its best similarity to an earlier one."""
    parent: dict[int, int] = {}
    names: dict[int, str] = {}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[int, float] = {}
    for later, h_later, earlier, h_earlier, sim in pairs:
        names[later], names[earlier] = h_later, h_earlier
        a, b = find(later), find(earlier)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the root is the group's first article in input order
        best[later] = max(best.get(later, 0.0), sim)
    return [{"hash": names[p], "story": names[find(p)], "story_similarity": round(sim, 3)}
            for p, sim in sorted(best.items())]


def write_stories(client, layout: Layout, shards: list[str]) -> int:
    """Find the near-duplicates of the committed shards and write the stories table."""
    files = [str(layout.signature_file(s)) for s in shards]
    rows = assign_stories(near_duplicate_pairs(client, files))
    write_atomic(pa.Table.from_pylist(rows, schema=STORIES), layout.table_dir("stories") / "stories.parquet")
    return len(rows)
