"""Scoring the coder against a gold file (format in SPEC.md).

Metrics, each over the gold items that carry what it needs:
- events P/R/F1: a predicted event matches a gold one when source, target and
  type agree, one-to-one. Type is the CAMEO root when the gold gives one, else
  the PLOVER type. A gold target of null matches a predicted null target or
  another of the item's gold sources (reciprocal coding). Statements (CAMEO 01,
  no PLOVER type) are not counted as predictions against PLOVER-only gold.
- actor accuracy: share of gold events with source and target both right in
  some predicted event, whatever its code.
- root accuracy / cameo exact: the top predicted event (highest coder score)
  against the item's first gold event; coverage: items with any event.
- quotes: a gold quote is found when one predicted quote covers at least half
  of its span; its speaker is right when the predicted speaker mention, or any
  mention of the same actor, overlaps the gold speaker span.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article, Event, InputError, Mention, Record
from ..coder import code_articles
from ..io.files import parse_date

ORG_SECTORS = {"IGO", "NGO", "MNC", "IMG", "REB"}


def actor_matches(gold: str | None, m: Mention | None) -> bool:
    if gold is None:
        return m is None
    if m is None:
        return False
    a = m.actor
    g = gold.upper()
    if a.country and a.country == g:
        return True
    if g in ORG_SECTORS and (a.sector == g or a.code.startswith(g)):
        return True
    return gold.lower() in (a.name.lower(), m.text.lower())


def _type_matches(gold: dict, e: Event) -> bool:
    if gold.get("root"):
        return e.root == gold["root"]
    if gold.get("plover"):
        return e.plover == gold["plover"]
    return True


def _target_ok(gold: dict, item_sources: list[str], e: Event, index: int | None = None) -> bool:
    """A gold target of null also matches another gold event's source (reciprocal
    coding: both "Bosnia agreed" and "Slovenia agreed"), even of the same country."""
    if gold.get("target") is None:
        return e.target is None or any(actor_matches(s, e.target) for n, s in enumerate(item_sources)
                                       if (n != index if index is not None else s != gold.get("source")))
    return actor_matches(gold["target"], e.target)


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    actor_right: int = 0
    actor_gold: int = 0
    root_items: int = 0
    root_right: int = 0
    cameo_items: int = 0
    cameo_right: int = 0
    covered: int = 0
    quotes: dict = field(default_factory=lambda: {k: {"gold": 0, "found": 0, "speaker": 0} for k in ("direct", "indirect")})
    quote_pred: int = 0
    quote_pred_hit: int = 0
    items: int = 0
    failed: int = 0
    calibration: list = field(default_factory=list)  # (confidence, matched a gold event)


def _score_events(c: Counts, gold_events: list[dict], rec: Record) -> None:
    scored_by_plover = all(not g.get("root") for g in gold_events)
    preds = [e for e in rec.events if not (scored_by_plover and e.plover is None)]
    has_actors = any(g.get("source") or g.get("target") for g in gold_events)
    if has_actors:
        sources = [g.get("source") for g in gold_events]
        used: set[int] = set()
        for k, g in enumerate(gold_events):
            for i, e in enumerate(preds):
                if i not in used and actor_matches(g.get("source"), e.source) and _target_ok(g, sources, e, k) \
                        and _type_matches(g, e):
                    used.add(i)
                    c.tp += 1
                    break
            c.actor_gold += 1
            if any(actor_matches(g.get("source"), e.source) and _target_ok(g, sources, e, k) for e in rec.events):
                c.actor_right += 1
        c.pred += len(preds)
        c.gold += len(gold_events)
        c.calibration += [(e.confidence, i in used) for i, e in enumerate(preds)]
    # the sentence's main event by the coder's own ranking (confidence says how
    # likely an event is right, not which one the sentence is about)
    top = max(rec.events, key=lambda e: e.score if e.score is not None else e.confidence, default=None)
    first = gold_events[0]
    if top is not None:
        c.covered += 1
    if first.get("root"):
        c.root_items += 1
        c.root_right += top is not None and top.root == first["root"]
    if first.get("cameo"):
        c.cameo_items += 1
        c.cameo_right += top is not None and top.cameo == first["cameo"]


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _score_quotes(c: Counts, gold_quotes: list[dict], rec: Record) -> None:
    mentions = {x.actor.id: x.mentions for x in rec.actors}
    hit_preds: set[int] = set()
    for g in gold_quotes:
        kind = "direct" if g.get("direct", True) else "indirect"
        stats = c.quotes[kind]
        stats["gold"] += 1
        span = tuple(g["span"])
        length = max(1, span[1] - span[0])
        best = None
        for i, q in enumerate(rec.quotes):
            if _overlap(q.span, span) * 2 >= length:
                hit_preds.add(i)
                if best is None or _overlap(q.span, span) > _overlap(best.span, span):
                    best = q
        if best is None:
            continue
        stats["found"] += 1
        sp = g.get("speaker_span")
        if sp and best.speaker is not None:
            spans = [best.speaker.span] + [tuple(m) for m in mentions.get(best.speaker.actor.id, [])]
            if any(_overlap(s, sp) > 0 for s in spans):
                stats["speaker"] += 1
    c.quote_pred += len(rec.quotes)
    c.quote_pred_hit += sum(
        1 for i, q in enumerate(rec.quotes)
        if i in hit_preds or any(_overlap(q.span, g["span"]) > 0 for g in gold_quotes)
    )


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def evaluate(path: str | Path) -> dict:
    """Code every gold item and return the metrics as a dict."""
    items = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=str(it.get("id", n)), text=it["text"], published=parse_date(it.get("published")))
                for n, it in enumerate(items)]
    if any("toponyms" in it or "timexes" in it for it in items):
        return _evaluate_places_times(path, items, articles)
    c = Counts()
    for item, rec in zip(items, code_articles(articles)):
        c.items += 1
        if isinstance(rec, InputError):
            c.failed += 1
            continue
        if item.get("events"):
            _score_events(c, item["events"], rec)
        if item.get("quotes"):
            _score_quotes(c, item["quotes"], rec)
    p, r = _ratio(c.tp, c.pred), _ratio(c.tp, c.gold)
    f1 = round(2 * p * r / (p + r), 3) if p and r else (0.0 if c.gold else None)
    quotes = {
        k: {"gold": v["gold"], "found": _ratio(v["found"], v["gold"]), "right_speaker": _ratio(v["speaker"], v["gold"])}
        for k, v in c.quotes.items() if v["gold"]
    }
    return {
        "file": str(path), "items": c.items, "failed": c.failed,
        "events": {"precision": p, "recall": r, "f1": f1, "gold": c.gold, "predicted": c.pred},
        "actor_accuracy": _ratio(c.actor_right, c.actor_gold),
        "root_accuracy": _ratio(c.root_right, c.root_items),
        "cameo_exact": _ratio(c.cameo_right, c.cameo_items),
        "coverage": _ratio(c.covered, c.items - c.failed) if any(it.get("events") for it in items) else None,
        "quotes": quotes,
        "quote_precision": _ratio(c.quote_pred_hit, c.quote_pred),
        "calibration": calibration(c.calibration),
    }


def _evaluate_places_times(path, items: list[dict], articles: list[Article]) -> dict:
    """The `toponyms` and `timexes` gold formats (evaluation/places.py, times.py)."""
    from .places import score_places
    from .times import score_times

    pairs = [(it, rec if isinstance(rec, Record) else None) for it, rec in zip(items, code_articles(articles))]
    m = score_places(pairs) if any("toponyms" in it for it in items) else score_times(pairs)
    return {"file": str(path), "items": len(items), "failed": sum(r is None for _, r in pairs), **m}


CONFIDENCE_BINS = (0.0, 0.45, 0.6, 0.75, 0.9, 1.01)


def calibration(pairs: list[tuple[float, bool]]) -> dict | None:
    """How often events of each confidence band match a gold event, and the
    expected calibration error (mean |confidence - share right|, weighted by
    band size): a calibrated confidence of 0.8 is right four times in five."""
    if not pairs:
        return None
    bins, ece = [], 0.0
    for lo, hi in zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]):
        band = [(conf, ok) for conf, ok in pairs if lo <= conf < hi]
        if not band:
            continue
        mean_conf = sum(conf for conf, _ in band) / len(band)
        right = sum(ok for _, ok in band) / len(band)
        ece += len(band) / len(pairs) * abs(mean_conf - right)
        bins.append({"from": lo, "to": min(hi, 1.0), "events": len(band),
                     "mean_confidence": round(mean_conf, 3), "right": round(right, 3)})
    return {"bins": bins, "ece": round(ece, 3)}


def format_report(m: dict) -> str:
    def f(x):
        return "n/a" if x is None else f"{x:.3f}"

    if m.get("kind") in ("places", "times"):
        from .places import format_places
        from .times import format_times

        return format_places(m) if m["kind"] == "places" else format_times(m)
    e = m["events"]
    lines = [
        f"file            {m['file']} ({m['items']} items, {m['failed']} failed)",
        f"events          precision {f(e['precision'])}  recall {f(e['recall'])}  F1 {f(e['f1'])}"
        f"  ({e['predicted']} predicted, {e['gold']} gold)",
        f"root accuracy   {f(m['root_accuracy'])}  (cameo exact {f(m['cameo_exact'])}, coverage {f(m['coverage'])})",
        f"actor accuracy  {f(m['actor_accuracy'])}",
    ]
    if m.get("calibration"):
        bands = ", ".join(f"{b['from']:.2f}-{b['to']:.2f}: {b['right']:.2f} of {b['events']}"
                          for b in m["calibration"]["bins"])
        lines.append(f"calibration     share right by confidence {bands}; ECE {m['calibration']['ece']:.3f}")
    if m["quotes"]:
        parts = [f"{k} {v['gold']}: found {f(v['found'])}, right speaker {f(v['right_speaker'])}"
                 for k, v in m["quotes"].items()]
        lines.append(f"quotes          {'; '.join(parts)}; precision {f(m['quote_precision'])}")
    else:
        lines.append("quotes          n/a")
    return "\n".join(lines)
