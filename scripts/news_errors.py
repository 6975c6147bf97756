"""List the coder's errors on a gold file in SPEC.md's format, article by
article: gold events (R required, o optional; + found) beside the predicted
events with both actors (+ matches a gold event), then gold quotes (found,
speaker right) beside the predicted speaker. Prints at run time only; nothing
of the gold file is written anywhere.

    python scripts/news_errors.py ../shared/news/dev_news_gold.jsonl [--id d001] [--only-errors]
"""
from __future__ import annotations

import argparse
import json

from eventwire.coder import code_articles
from eventwire.evaluation.measures import overlap
from eventwire.evaluation.score import event_matches, speaker_right, apply_corrections
from eventwire.io.files import parse_date
from eventwire.model import Article


def _m(m):
    return "-" if m is None else f"{m.actor.code}[{m.text}]"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--id", default="")
    ap.add_argument("--only-errors", action="store_true")
    ap.add_argument("--no-quotes", action="store_true")
    ap.add_argument("--no-events", action="store_true")
    a = ap.parse_args()
    items = [json.loads(x) for x in open(a.gold, encoding="utf-8") if x.strip()]
    items = apply_corrections(a.gold, items)
    items = [it for it in items if it["id"].startswith(a.id)]
    arts = [Article(id=it["id"], text=it["text"], published=parse_date(it.get("published"))) for it in items]
    for it, rec in zip(items, code_articles(arts)):
        text = it["text"]
        gold = it.get("events", [])
        srcs = [g.get("source") for g in gold]
        print(f"=== {it['id']}")
        if not a.no_events:
            for k, g in enumerate(gold):
                hit = any(event_matches(g, srcs, e, k) for e in rec.events)
                if a.only_errors and (hit or g.get("optional")):
                    continue
                flag = ("o" if g.get("optional") else "R") + ("+" if hit else " ")
                both = "<>" if g.get("either_direction") else "->"
                print(f"  G{flag} {g.get('source')}{both}{g.get('target')} {'/'.join(g.get('roots') or [g.get('root') or ''])}"
                      f" {g.get('cameo', '')}  «{g.get('cue', '')}» {g.get('span')}")
            for e in rec.events:
                hit = any(event_matches(g, srcs, e, k) for k, g in enumerate(gold))
                dyadic = e.source is not None and e.target is not None
                if a.only_errors and (hit or not dyadic):
                    continue
                print(f"  P{'+' if hit else ' ' if dyadic else '.'} {_m(e.source)} -> {_m(e.target)} {e.cameo}"
                      f" ({e.trigger}) {list(e.span)} {e.modality}")
        if not a.no_quotes:
            mentions = {x.actor.id: x.mentions for x in rec.actors}
            for g in it.get("quotes", []):
                span = tuple(g["span"])
                best = max((q for q in rec.quotes if overlap(q.span, span) * 2 >= max(1, span[1] - span[0])),
                           key=lambda q: overlap(q.span, span), default=None)
                right = best is not None and speaker_right(g, best, rec, mentions)
                if a.only_errors and right:
                    continue
                kind = "D" if g.get("direct", True) else "I"
                print(f"  Q{kind}{'+' if best else ' '}{'+' if right else ' '} {g.get('speaker')!r} {list(span)}"
                      f" «{text[span[0]:span[0] + 50]}»  pred: {_m(best.speaker) if best else ''}"
                      f" {best.kind if best else ''}")
            for q in rec.quotes:
                if not any(overlap(q.span, g["span"]) > 0 for g in it.get("quotes", [])):
                    print(f"  QP- {_m(q.speaker)} {list(q.span)} {q.kind} «{text[q.span[0]:q.span[0] + 50]}»")


if __name__ == "__main__":
    main()
