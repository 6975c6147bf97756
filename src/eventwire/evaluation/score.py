"""Scoring the coder against a gold file (format in SPEC.md).

Metrics, each over the gold items that carry what it needs:
- events P/R/F1: a predicted event matches a gold one when source, target and
  type agree, one-to-one. Type is any of the gold `roots` (or its `root`) when
  the gold gives one, else the PLOVER type. A gold target of null matches a
  predicted null target or another of the item's gold sources (reciprocal
  coding); an `either_direction` event also matches its reverse. Statements
  (CAMEO 01, no PLOVER type) are not counted as predictions against PLOVER-only
  gold. `optional` gold events are not counted in recall, and a prediction that
  matches one is not counted as an error.
- required events recall: share of required gold events that some predicted
  event matches; dyadic precision: share of predicted events with both actors
  that match some gold event, optional ones included.
- actors: a gold code matches a predicted actor of its country (first three
  letters; the sector need not match); IGO/NGO codes (IGOAU) an organisation of
  that name; other gold values match the actor's name.
- actor accuracy: share of required gold events with source and target both
  right in some predicted event, whatever its code.
- root accuracy / cameo exact: the top predicted event (highest coder score)
  against the item's first gold event; coverage: items with any event.
- quotes, direct and indirect apart: a gold quote is found when one predicted
  quote covers at least half of its span; its speaker is right when the
  predicted speaker mention, or any mention of the same actor, overlaps the gold
  speaker span, or, where the gold names the speaker only, when the two names
  share their last word; an `unattributed` gold speaker wants no speaker.
  Optional gold quotes are not counted, nor are predictions of them errors.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Article, Event, InputError, Mention, Record
from ..coder import code_articles
from ..data import data_path, read_tsv
from ..actors.knowledge import international_codes
from ..io.files import parse_date
from .measures import figure, overlap, ratio

NAMED_ORG_PREFIXES = ("IGO", "NGO")  # IGOAU, NGOMSF: an organisation of that name


def _norm_name(x: str) -> str:
    x = re.sub(r"\(.*?\)", " ", x)
    x = re.sub(r"[’']s\b", "", x)
    x = re.sub(r"^\s*the\s+", "", x.strip(), flags=re.I)
    return re.sub(r"[^0-9a-z]+", " ", x.lower()).strip()


def _acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


@lru_cache(maxsize=1)
def _org_aliases() -> dict[str, set[str]]:
    """Every name the organisation table gives an organisation, by its name."""
    out: dict[str, set[str]] = {}
    for r in read_tsv("actors/organizations.tsv"):
        names = [r.get("name", "")] + (r.get("aliases") or "").split("|")
        out.setdefault(r.get("name", ""), set()).update(n for n in names if n)
    return out


def _org_named(short: str, m: Mention) -> bool:
    """A gold IGO/NGO code (its letters after IGO/NGO: AU, EU, UNO, NATO, MSF)
    names the predicted organisation: by its code, or by its name, an alias or
    the initials of one."""
    a = m.actor
    rest = a.code[3:] if a.code[:3] in NAMED_ORG_PREFIXES else ""
    if rest and (rest.startswith(short) or rest.endswith(short)):
        return True
    names = {a.name, m.text} | _org_aliases().get(a.name, set())
    key = short.replace(".", "")
    for n in names:
        flat = n.replace(".", "").strip()
        if flat.upper() == key or _acronym(flat) == key or (key.endswith("O") and _acronym(flat) == key[:-1]):
            return True
    return False


def _sector_labels() -> frozenset[str]:
    """Gold labels that name a sector, not a country: the international types
    of data/actors/sectors.tsv (IGO, NGO, IMG, MNC) and rebels of any country."""
    return international_codes() | {"REB"}


def actor_matches(gold: str | None, m: Mention | None) -> bool:
    """A gold code matches a predicted actor of its country (the first three
    letters; the sector need not match); IGO/NGO codes longer than three letters
    match that organisation by name; anything else matches by actor name."""
    if gold is None:
        return m is None
    if m is None:
        return False
    a = m.actor
    g = gold.upper()
    if g[:3] in NAMED_ORG_PREFIXES and len(g) > 3 and g.isalpha():
        return _org_named(g[3:], m)
    if g in _sector_labels() and (a.sector == g or a.code.startswith(g)):
        return True
    if len(g) >= 3 and g.isalpha() and g == gold and a.country and a.country == g[:3]:
        return True
    return _norm_name(gold) in (_norm_name(a.name), _norm_name(m.text))


def _gold_roots(gold: dict) -> list[str]:
    return gold.get("roots") or ([gold["root"]] if gold.get("root") else [])


def _type_matches(gold: dict, e: Event) -> bool:
    roots = _gold_roots(gold)
    if roots:
        return e.root in roots
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


def _actors_match(gold: dict, item_sources: list[str], e: Event, index: int | None = None) -> bool:
    """Source and target right; for an `either_direction` event (a reciprocal
    act) also the other way round."""
    if actor_matches(gold.get("source"), e.source) and _target_ok(gold, item_sources, e, index):
        return True
    return bool(gold.get("either_direction") and gold.get("target")) and \
        actor_matches(gold["target"], e.source) and actor_matches(gold.get("source"), e.target)


def event_matches(gold: dict, item_sources: list[str], e: Event, index: int | None = None) -> bool:
    return _actors_match(gold, item_sources, e, index) and _type_matches(gold, e)


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    required_found: int = 0
    dyadic_pred: int = 0
    dyadic_right: int = 0
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
    scored_by_plover = all(not _gold_roots(g) for g in gold_events)
    preds = [e for e in rec.events if not (scored_by_plover and e.plover is None)]
    has_actors = any(g.get("source") or g.get("target") for g in gold_events)
    if has_actors:
        sources = [g.get("source") for g in gold_events]
        # one-to-one: required events take their match first; a prediction that
        # matches an optional event is neither a hit nor an error
        order = sorted(range(len(gold_events)), key=lambda k: bool(gold_events[k].get("optional")))
        used: dict[int, int] = {}
        for k in order:
            g = gold_events[k]
            for i, e in enumerate(preds):
                if i not in used and event_matches(g, sources, e, k):
                    used[i] = k
                    break
        required = [k for k, g in enumerate(gold_events) if not g.get("optional")]
        c.tp += sum(1 for k in used.values() if not gold_events[k].get("optional"))
        c.pred += sum(1 for k in used.values() if not gold_events[k].get("optional")) + \
            sum(1 for i in range(len(preds)) if i not in used)
        c.gold += len(required)
        for k in required:
            g = gold_events[k]
            c.actor_gold += 1
            if any(_actors_match(g, sources, e, k) for e in rec.events):
                c.actor_right += 1
            if any(event_matches(g, sources, e, k) for e in preds):
                c.required_found += 1
        for e in preds:
            if e.source is not None and e.target is not None:
                c.dyadic_pred += 1
                c.dyadic_right += any(event_matches(g, sources, e, k) for k, g in enumerate(gold_events))
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


UNATTRIBUTED = {"unattributed", "unknown", "none", ""}


def _last_word(name: str) -> str:
    words = _norm_name(name).split()
    return words[-1] if words else ""


def speaker_right(g: dict, q, rec: Record, mentions: dict) -> bool:
    """The predicted speaker's mention, or another of its actor, overlaps the
    gold speaker span; where the gold names the speaker only, the two names
    share their last word ("Khan" and "Imran Khan")."""
    sp = g.get("speaker_span")
    if sp:
        if q.speaker is None:
            return False
        spans = [q.speaker.span] + [tuple(m) for m in mentions.get(q.speaker.actor.id, [])]
        return any(overlap(s, sp) > 0 for s in spans)
    name = g.get("speaker")
    if name is None or _norm_name(name) in UNATTRIBUTED:
        return q.speaker is None
    if q.speaker is None:
        return False
    text = rec.article.text
    names = {q.speaker.text, q.speaker.actor.name} | \
        {text[s[0]:s[1]] for s in mentions.get(q.speaker.actor.id, [])}
    # "National Disaster Management Authority (NDMA)" names the speaker twice
    lasts = {_last_word(x) for x in [name, *re.findall(r"\((.*?)\)", name)]} - {""}
    return any(_last_word(n) in lasts for n in names)


def _score_quotes(c: Counts, gold_quotes: list[dict], rec: Record) -> None:
    mentions = {x.actor.id: x.mentions for x in rec.actors}
    hit_preds: set[int] = set()
    for g in gold_quotes:
        span = tuple(g["span"])
        length = max(1, span[1] - span[0])
        best = None
        for i, q in enumerate(rec.quotes):
            if overlap(q.span, span) * 2 >= length:
                hit_preds.add(i)
                if best is None or overlap(q.span, span) > overlap(best.span, span):
                    best = q
        if g.get("optional"):  # finding it is not required, predicting it is no error
            continue
        kind = "direct" if g.get("direct", True) else "indirect"
        stats = c.quotes[kind]
        stats["gold"] += 1
        if best is None:
            continue
        stats["found"] += 1
        stats["speaker"] += speaker_right(g, best, rec, mentions)
    c.quote_pred += len(rec.quotes)
    c.quote_pred_hit += sum(
        1 for i, q in enumerate(rec.quotes)
        if i in hit_preds or any(overlap(q.span, g["span"]) > 0 for g in gold_quotes)
    )


def _selects(sel: dict, x: dict) -> bool:
    return all((list(x.get(k)) if isinstance(v, list) and x.get(k) is not None else x.get(k)) == v
               for k, v in sel.items())


def apply_corrections(path: str | Path, items: list[dict]) -> list[dict]:
    """Apply our corrections of a gold file's labels, kept under
    data/eval_corrections/<gold file name>.jsonl: ids, spans and codes only,
    never text. A line picks an item by `id` and an event or quote by some of
    its fields (`event`/`quote`: span, source, target ...), then `set`s fields
    of it or `drop`s it; `add_event`/`add_quote` adds one."""
    f = data_path("eval_corrections") / f"{Path(path).stem}.jsonl"
    if not f.is_file():
        return items
    by_id = {it.get("id"): it for it in items}
    for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fix = json.loads(line)
        it = by_id.get(fix["id"])
        if it is None:
            raise ValueError(f"{f.name} line {n}: no gold item {fix['id']}")
        for kind in ("event", "quote"):
            if f"add_{kind}" in fix:
                it.setdefault(f"{kind}s", []).append(fix[f"add_{kind}"])
            if kind in fix:
                pool = it.get(f"{kind}s", [])
                picked = [x for x in pool if _selects(fix[kind], x)]
                if len(picked) != 1:
                    raise ValueError(f"{f.name} line {n}: {len(picked)} gold {kind}s match in {fix['id']}")
                if fix.get("drop"):
                    pool.remove(picked[0])
                else:
                    picked[0].update(fix.get("set", {}))
    return items


def evaluate(path: str | Path) -> dict:
    """Code every gold item and return the metrics as a dict."""
    # split on newlines only: str.splitlines() also splits inside a JSON string at U+2028 or U+0085
    items = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").split("\n") if line.strip()]
    items = apply_corrections(path, items)
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
    p, r = ratio(c.tp, c.pred), ratio(c.tp, c.gold)
    f1 = round(2 * p * r / (p + r), 3) if p and r else (0.0 if c.gold else None)
    quotes = {
        k: {"gold": v["gold"], "found": ratio(v["found"], v["gold"]), "right_speaker": ratio(v["speaker"], v["gold"])}
        for k, v in c.quotes.items() if v["gold"]
    }
    return {
        "file": str(path), "items": c.items, "failed": c.failed,
        "events": {"precision": p, "recall": r, "f1": f1, "gold": c.gold, "predicted": c.pred},
        "required_events": {"recall": ratio(c.required_found, c.gold), "gold": c.gold},
        "dyadic_precision": {"precision": ratio(c.dyadic_right, c.dyadic_pred), "predicted": c.dyadic_pred},
        "actor_accuracy": ratio(c.actor_right, c.actor_gold),
        "root_accuracy": ratio(c.root_right, c.root_items),
        "cameo_exact": ratio(c.cameo_right, c.cameo_items),
        "coverage": ratio(c.covered, c.items - c.failed) if any(it.get("events") for it in items) else None,
        "quotes": quotes,
        "quote_precision": ratio(c.quote_pred_hit, c.quote_pred),
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
    f = figure

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
    if e["gold"]:
        lines.insert(2, f"required events recall {f(m['required_events']['recall'])} ({m['required_events']['gold']} required);"
                        f" dyadic precision {f(m['dyadic_precision']['precision'])}"
                        f" ({m['dyadic_precision']['predicted']} predicted with both actors)")
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
