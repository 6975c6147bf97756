"""Writing records: json, jsonl, csv (one row per event) and a readable table."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from ..model import Event, Record

RECORD_FORMATS = ("json", "jsonl", "csv", "table")

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
        if fmt not in RECORD_FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(RECORD_FORMATS)}")
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
            from .render import print_table

            for title, cols, rows in record_tables(record):
                print_table(cols, rows, self.out, title=title)
            self.out.write("\n")
        self.n += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.n == 0 else "\n]\n")


def record_tables(record: Record) -> list[tuple[str, list[str], list[tuple]]]:
    """(title, columns, rows) of one record's events and quotes, for render.print_table."""
    from ..events.cameo import lookup

    a = record.article
    title = (f"== {a.id}" + (f" ({a.published.isoformat()})" if a.published else "")
             + f": {len(record.events)} events, {len(record.quotes)} quotes, {len(record.actors)} actors")
    ecols = ["date", "source", "source_code", "cameo", "event", "target", "target_code", "modality",
             "confidence", "reported_by", "trigger"]
    erows = [(e.date.isoformat() if e.date else None,
              e.source.actor.name if e.source else None, e.source.actor.code if e.source else None,
              e.cameo, lookup(e.cameo).name,
              e.target.actor.name if e.target else None, e.target.actor.code if e.target else None,
              e.modality, round(e.confidence, 2),
              e.reported_by.actor.name if e.reported_by else None, e.trigger) for e in record.events]
    out = [(title, ecols, erows)]
    if record.quotes:
        qrows = [(q.speaker.actor.name if q.speaker else None, q.speaker.actor.code if q.speaker else None,
                  q.kind, q.text) for q in record.quotes]
        out.append(("quotes", ["speaker", "speaker_code", "kind", "text"], qrows))
    return out


def write_records(records: Iterable[Record], out: TextIO, fmt: str) -> int:
    w = Writer(out, fmt)
    for r in records:
        w.write(r)
    w.close()
    return w.n
