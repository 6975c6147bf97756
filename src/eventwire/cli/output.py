"""Writing records: json, jsonl, csv (one row per event) and a readable table."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from ..model import Event, Record

FORMATS = ("json", "jsonl", "csv", "table")

EVENT_COLUMNS = [
    "article_id", "event_id", "date", "date_precision", "source", "source_code", "source_country",
    "cameo", "root", "quad_class", "goldstein", "plover", "modality", "target", "target_code",
    "target_country", "place", "reported_by", "trigger", "sentence_index", "start", "end", "confidence",
]


def event_row(record: Record, e: Event) -> dict:
    return {
        "article_id": record.article.id, "event_id": e.id,
        "date": e.date.isoformat() if e.date else "", "date_precision": e.date_precision or "",
        "source": e.source.actor.name if e.source else "",
        "source_code": e.source.actor.code if e.source else "",
        "source_country": (e.source.actor.country or "") if e.source else "",
        "cameo": e.cameo, "root": e.root, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "plover": e.plover or "", "modality": e.modality,
        "target": e.target.actor.name if e.target else "",
        "target_code": e.target.actor.code if e.target else "",
        "target_country": (e.target.actor.country or "") if e.target else "",
        "place": e.place.name if e.place else "",
        "reported_by": e.reported_by.actor.name if e.reported_by else "",
        "trigger": e.trigger, "sentence_index": e.sentence_index,
        "start": e.span[0], "end": e.span[1], "confidence": round(e.confidence, 2),
    }


class Writer:
    """Streams records to `out` in one format; json is a list closed by `close`."""

    def __init__(self, out: TextIO, fmt: str):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self.out, self.fmt, self.n = out, fmt, 0
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=EVENT_COLUMNS, lineterminator="\n")
            self.csv.writeheader()

    def write(self, record: Record) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self.out.write("[\n" if self.n == 0 else ",\n")
            self.out.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
        elif self.fmt == "csv":
            for e in record.events:
                self.csv.writerow(event_row(record, e))
        else:
            self.out.write(render_table(record))
        self.n += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.n == 0 else "\n]\n")


def _cell(value, width: int) -> str:
    s = str(value)
    return (s if len(s) <= width else s[: width - 1] + "…").ljust(width)


def render_table(record: Record) -> str:
    """A plain-text view of one record: events, then quotes."""
    a = record.article
    lines = [f"== {a.id}" + (f" ({a.published.isoformat()})" if a.published else ""),
             f"   {len(record.events)} events, {len(record.quotes)} quotes, {len(record.actors)} actors", ""]
    cols = [("date", 10), ("source", 22), ("code", 5), ("event", 30), ("target", 22), ("modality", 15),
            ("trigger", 12)]
    lines.append("  ".join(_cell(c, w) for c, w in cols))
    lines.append("  ".join("-" * w for _, w in cols))
    from ..events.cameo import lookup

    for e in record.events:
        src = f"{e.source.actor.name} ({e.source.actor.code})" if e.source else "-"
        tgt = f"{e.target.actor.name} ({e.target.actor.code})" if e.target else "-"
        vals = [e.date.isoformat() if e.date else "-", src, e.cameo, lookup(e.cameo).name, tgt, e.modality,
                e.trigger]
        lines.append("  ".join(_cell(v, w) for v, (_, w) in zip(vals, cols)))
    if record.quotes:
        lines += ["", "quotes:"]
        for q in record.quotes:
            who = f"{q.speaker.actor.name} ({q.speaker.actor.code})" if q.speaker else "?"
            lines.append(f"  {_cell(who, 30)} {q.kind:8} “{q.text if len(q.text) < 90 else q.text[:89] + '…'}”")
    return "\n".join(lines) + "\n\n"


def write_records(records: Iterable[Record], out: TextIO, fmt: str) -> int:
    w = Writer(out, fmt)
    for r in records:
        w.write(r)
    w.close()
    return w.n
