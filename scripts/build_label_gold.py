"""Build a complete gold file for `eventwire eval` from our span-only labels
(labels/trnews_events.jsonl, the held-out set, labels/trnews_heldout2_events.jsonl,
the second held-out set, or labels/trnews_dev_events.jsonl, the development set) and the article texts they point into (the TR-News items
of ../shared/eval/places_dev.jsonl). The labels hold ids, spans,
codes and speaker names only; this script joins them with the texts, checks
each text against the label's sha256 (so a changed source file fails loudly
instead of shifting spans), and adds each event's `cue` and each quote's
`text` by slicing the text at its span. The output is written to the path
given and never into the project.

    python scripts/build_label_gold.py /tmp/trnews_gold.jsonl               # held-out set
    python scripts/build_label_gold.py --set dev /tmp/trnews_dev_gold.jsonl  # development set
    python scripts/build_label_gold.py --set heldout2 /tmp/trnews_heldout2_gold.jsonl  # second held-out set
    eventwire eval /tmp/trnews_gold.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the two held-out sets (read only as a score) and the development set (read for errors)
SETS = {"heldout": ROOT / "labels" / "trnews_events.jsonl",
        "heldout2": ROOT / "labels" / "trnews_heldout2_events.jsonl",
        "dev": ROOT / "labels" / "trnews_dev_events.jsonl"}
TEXTS = ROOT.parent / "shared" / "eval" / "places_dev.jsonl"


class LabelError(Exception):
    pass


def _read_jsonl(path: Path, what: str) -> list[dict]:
    if not path.is_file():
        raise LabelError(f"{what} {path}: no such file")
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise LabelError(f"{what} {path} line {n}: not JSON ({e.msg})") from None
    return items


def _check_span(span, text: str, where: str) -> tuple[int, int]:
    if (not isinstance(span, list) or len(span) != 2 or not all(isinstance(x, int) for x in span)
            or not 0 <= span[0] < span[1] <= len(text)):
        raise LabelError(f"{where}: bad span {span!r} for a text of {len(text)} characters")
    return span[0], span[1]


def build(labels: list[dict], texts: dict[str, str]) -> list[dict]:
    """One gold item per label item: the text, events with `cue`, quotes with `text`."""
    out = []
    seen: set[str] = set()
    for item in labels:
        aid = item.get("id")
        if aid in seen:
            raise LabelError(f"label {aid}: the article is labelled twice")
        seen.add(aid)
        if aid not in texts:
            raise LabelError(f"label {aid!r}: no article with that id in the texts file")
        text = texts[aid]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if item.get("sha256") and item["sha256"] != digest:
            raise LabelError(f"label {aid}: the article text differs from the one labelled (sha256 mismatch)")
        events = []
        for k, ev in enumerate(item.get("events", [])):
            s, e = _check_span(ev.get("span"), text, f"label {aid} event {k}")
            events.append({**ev, "cue": text[s:e]})
        quotes = []
        for k, q in enumerate(item.get("quotes", [])):
            s, e = _check_span(q.get("span"), text, f"label {aid} quote {k}")
            quotes.append({**q, "text": text[s:e]})
        gold = {"id": aid, "text": text, "events": events, "quotes": quotes}
        if item.get("published"):
            gold["published"] = item["published"]
        out.append(gold)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="gold file to write (JSONL), e.g. /tmp/trnews_gold.jsonl")
    ap.add_argument("--set", choices=sorted(SETS), default="heldout",
                    help="which of our label sets to build (default: %(default)s)")
    ap.add_argument("--labels", help="span-only labels file, instead of --set")
    ap.add_argument("--texts", default=str(TEXTS), help="JSONL with the article texts (default: %(default)s)")
    a = ap.parse_args(argv)
    try:
        labels = _read_jsonl(Path(a.labels) if a.labels else SETS[a.set], "labels")
        texts = {str(d.get("id")): d["text"] for d in _read_jsonl(Path(a.texts), "texts") if "text" in d}
        gold = build(labels, texts)
    except LabelError as e:
        print(f"build_label_gold: {e}", file=sys.stderr)
        return 1
    out = Path(a.out)
    try:
        with out.open("w", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    except OSError as e:
        print(f"build_label_gold: cannot write {out}: {e.strerror}", file=sys.stderr)
        return 1
    n_ev = sum(len(g["events"]) for g in gold)
    n_req = sum(1 for g in gold for e in g["events"] if not e.get("optional"))
    n_q = sum(len(g["quotes"]) for g in gold)
    print(f"{out}: {len(gold)} articles, {n_ev} events ({n_req} required), {n_q} quotes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
