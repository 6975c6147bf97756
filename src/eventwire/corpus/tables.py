"""Records as flat tables: one schema for the DuckDB store, CSV and Parquet.

A record (the JSON of SPEC.md) nests actors inside events; analysts want flat
rows. `record_rows` turns one coded article into rows of seven tables (articles,
events, quotes, actors, mentions, places, times), all keyed by the article's content hash. The
schemas are Arrow schemas so the same rows go to DuckDB, to Parquet from a Dask
worker, or to CSV without a second definition.
"""
from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa

ACTOR_FIELDS = ("id", "name", "code", "country", "sector", "kind", "text", "start", "end")


def _actor_columns(prefix: str) -> list[pa.Field]:
    types = {"start": pa.int32(), "end": pa.int32()}
    return [pa.field(f"{prefix}_{f}", types.get(f, pa.string())) for f in ACTOR_FIELDS]


SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("hash", pa.string()), ("id", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("source", pa.string()), ("published", pa.date32()), ("text", pa.string()),
        ("n_events", pa.int32()), ("n_quotes", pa.int32()),
        ("story", pa.string()), ("story_similarity", pa.float64()),
        ("record", pa.string()), ("ingested_at", pa.timestamp("s")),
    ]),
    "events": pa.schema([
        ("hash", pa.string()), ("article_id", pa.string()), ("event_id", pa.string()),
        *_actor_columns("source"), *_actor_columns("target"),
        ("cameo", pa.string()), ("root", pa.string()), ("quad_class", pa.int8()),
        ("goldstein", pa.float64()), ("plover", pa.string()), ("modality", pa.string()),
        ("date", pa.date32()), ("date_precision", pa.string()), ("date_inferred", pa.bool_()),
        ("place_name", pa.string()), ("place_country", pa.string()),
        ("place_lat", pa.float64()), ("place_lon", pa.float64()),
        ("reported_by_id", pa.string()), ("reported_by_name", pa.string()), ("reported_by_code", pa.string()),
        ("trigger", pa.string()), ("sentence_index", pa.int32()),
        ("span_start", pa.int32()), ("span_end", pa.int32()),
        ("confidence", pa.float64()), ("sentence", pa.string()),
    ]),
    "quotes": pa.schema([
        ("hash", pa.string()), ("article_id", pa.string()), ("quote_index", pa.int32()),
        *_actor_columns("speaker"),
        ("text", pa.string()), ("span_start", pa.int32()), ("span_end", pa.int32()),
        ("cue", pa.string()), ("kind", pa.string()),
    ]),
    "actors": pa.schema([
        ("hash", pa.string()), ("actor_id", pa.string()), ("name", pa.string()), ("code", pa.string()),
        ("country", pa.string()), ("sector", pa.string()), ("kind", pa.string()), ("n_mentions", pa.int32()),
    ]),
    "mentions": pa.schema([
        ("hash", pa.string()), ("actor_id", pa.string()),
        ("span_start", pa.int32()), ("span_end", pa.int32()), ("text", pa.string()),
    ]),
    "places": pa.schema([
        ("hash", pa.string()), ("article_id", pa.string()),
        ("span_start", pa.int32()), ("span_end", pa.int32()), ("text", pa.string()),
        ("name", pa.string()), ("geonameid", pa.int64()), ("country", pa.string()), ("admin1", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()), ("feature", pa.string()),
    ]),
    "times": pa.schema([
        ("hash", pa.string()), ("article_id", pa.string()),
        ("span_start", pa.int32()), ("span_end", pa.int32()), ("text", pa.string()),
        ("type", pa.string()), ("value", pa.string()), ("precision", pa.string()),
    ]),
}

# `copies` (not a table of the record): one row per input that carried a stored
# text (rows from store.copy_row), in the DuckDB store and in the Parquet of batch.
COPIES = pa.schema([("hash", pa.string()), ("id", pa.string()), ("source", pa.string()),
                    ("url", pa.string()), ("published", pa.date32()), ("input", pa.string())])


def _actor(prefix: str, m: dict | None) -> dict:
    if not m:
        return {f"{prefix}_{f}": None for f in ACTOR_FIELDS}
    span = m.get("span") or [None, None]
    return {f"{prefix}_id": m["id"], f"{prefix}_name": m["name"], f"{prefix}_code": m["code"],
            f"{prefix}_country": m["country"], f"{prefix}_sector": m["sector"], f"{prefix}_kind": m["kind"],
            f"{prefix}_text": m.get("text"), f"{prefix}_start": span[0], f"{prefix}_end": span[1]}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def sentence_of(text: str, start: int, end: int, sentences: list[tuple[int, int]] | None = None,
                index: int | None = None) -> str:
    """The whole sentence an event comes from: the parser's sentence `index` when
    its bounds are given and hold the event's span, else the span itself."""
    if sentences and index is not None and 0 <= index < len(sentences):
        s, e = sentences[index]
        if s <= start and end <= e:
            return " ".join(text[s:e].split())
    return text[start:end]


def record_rows(record: dict, text: str, content_hash: str, story: str | None = None,
                story_similarity: float | None = None,
                sentences: list[tuple[int, int]] | None = None) -> dict[str, list[dict]]:
    """Rows of every table for one coded article (`record` as Record.to_dict());
    `sentences`: the (start, end) of each parsed sentence, for the events' `sentence`."""
    aid = record["id"]
    events = []
    for e in record["events"]:
        place = e.get("place") or {}
        rep = e.get("reported_by") or {}
        events.append({
            "hash": content_hash, "article_id": aid, "event_id": e["id"],
            **_actor("source", e["source"]), **_actor("target", e["target"]),
            "cameo": e["cameo"], "root": e["root"], "quad_class": e["quad_class"],
            "goldstein": _round(e["goldstein"], 1), "plover": e["plover"], "modality": e["modality"],
            "date": _date(e["date"]), "date_precision": e["date_precision"],
            "date_inferred": e.get("date_inferred", False),
            "place_name": place.get("name"), "place_country": place.get("country"),
            "place_lat": place.get("lat"), "place_lon": place.get("lon"),
            "reported_by_id": rep.get("id"), "reported_by_name": rep.get("name"),
            "reported_by_code": rep.get("code"),
            "trigger": e["trigger"], "sentence_index": e["sentence_index"],
            "span_start": e["span"][0], "span_end": e["span"][1],
            "confidence": _round(e["confidence"], 3),
            "sentence": sentence_of(text, *e["span"], sentences, e["sentence_index"]),
        })
    quotes = [{
        "hash": content_hash, "article_id": aid, "quote_index": i, **_actor("speaker", q["speaker"]),
        "text": q["text"], "span_start": q["span"][0], "span_end": q["span"][1],
        "cue": q["cue"], "kind": q["kind"],
    } for i, q in enumerate(record["quotes"])]
    actors, mentions = [], []
    for a in record["actors"]:
        actors.append({"hash": content_hash, "actor_id": a["id"], "name": a["name"], "code": a["code"],
                       "country": a["country"], "sector": a["sector"], "kind": a["kind"],
                       "n_mentions": len(a["mentions"])})
        mentions.extend({"hash": content_hash, "actor_id": a["id"], "span_start": s, "span_end": e,
                         "text": text[s:e]} for s, e in a["mentions"])
    article = {
        "hash": content_hash, "id": aid, "title": record.get("title"), "url": record.get("url"),
        "source": record.get("source"), "published": _date(record.get("published")), "text": text,
        "n_events": len(events), "n_quotes": len(quotes),
        "story": story or content_hash, "story_similarity": story_similarity,
        "record": json.dumps(record, ensure_ascii=False),
        "ingested_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0),
    }
    places = [{"hash": content_hash, "article_id": aid, "span_start": p["span"][0], "span_end": p["span"][1],
               "text": p["text"], "name": p["name"], "geonameid": p["geonameid"], "country": p["country"],
               "admin1": p["admin1"], "lat": p["lat"], "lon": p["lon"], "feature": p["feature"]}
              for p in record.get("places", [])]
    times = [{"hash": content_hash, "article_id": aid, "span_start": t["span"][0], "span_end": t["span"][1],
              "text": t["text"], "type": t["type"], "value": t["value"], "precision": t["precision"]}
             for t in record.get("times", [])]
    return {"articles": [article], "events": events, "quotes": quotes, "actors": actors, "mentions": mentions,
            "places": places, "times": times}


def _round(value, digits: int):
    return None if value is None else round(float(value), digits)


def to_arrow(rows: list[dict], table: str) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


def merge(parts: list[dict[str, list[dict]]]) -> dict[str, pa.Table]:
    """Arrow tables from the rows of many articles."""
    return {name: to_arrow([r for p in parts for r in p[name]], name) for name in SCHEMAS}
