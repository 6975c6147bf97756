"""Print a stratified random sample of coded events from real news, for a person to judge.

Codes the articles of a gold JSONL file (default ../shared/eval/polnear_train.jsonl)
with their `published` dates and min_confidence=0, so that low-scoring events
are included, then draws a random sample (fixed seed) from each confidence band
(CONFIDENCE_BANDS): the same number from every band, all of a band that has
fewer, the rest shared among the others. Each sampled event is printed with
its article id, sentence index, trigger token, sentence, trigger, source and
target (name, code), CAMEO code and name, modality, reporter and raw confidence.

`--out FILE` also writes the sample as JSONL; `--blind FILE` writes it shuffled
again and without the confidence, so the judge does not see the score. Both
files hold article text: keep them out of the repository (PolNeAR may not be
shipped). `--template FILE` writes the blind sample, in the same order, as rows
of judged_events.tsv without any text (`n` is the item's number in the blind
file) for the judge to fill in `judged_right`, `wrong_part`, `right_source`,
`right_target` and `reason`; drop the `n` column and append the rows to
src/eventwire/data/calibration/judged_events.tsv (its README says how to judge).

    python scripts/sample_calibration_events.py [--total 320] [--seed 2016] [--out S.jsonl] [--blind B.jsonl]
        [--template T.tsv] [FILE]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

from eventwire.events.cameo import lookup
from eventwire.model import Article, InputError
from eventwire.nlp.parse import parse_many
from eventwire.coder import check_language, code_doc

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear_train.jsonl"
# Upper edges of the confidence bands; a score is banded after rounding to the
# record's two decimals, so 0.45 falls in 0.45-0.6.
CONFIDENCE_BANDS = (0.3, 0.45, 0.6, 0.75, 0.9)


def band_of(confidence: float) -> int:
    c = round(confidence, 2)
    return sum(c >= edge for edge in CONFIDENCE_BANDS)


def band_names() -> list[str]:
    edges = ("0",) + tuple(str(e) for e in CONFIDENCE_BANDS) + ("1",)
    return [f"{lo}-{hi}" for lo, hi in zip(edges, edges[1:])]


def read_articles(path: Path, limit: int | None = None) -> list[Article]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        a = json.loads(line)
        pub = dt.date.fromisoformat(a["published"]) if a.get("published") else None
        out.append(Article(a["id"], a["text"], pub, a.get("title")))
        if limit and len(out) >= limit:
            break
    return out


def _actor(m) -> dict | None:
    if m is None:
        return None
    return {"name": m.actor.name, "code": m.actor.code, "text": m.text}


def coded_events(articles: list[Article]) -> list[dict]:
    """Every event of every article, flat, with its sentence text. Mirrors
    pipeline.code_articles (language check, batch parse, code_doc) but keeps
    each spaCy doc, for the sentences."""
    rows = []
    kept = []
    for a in articles:
        try:
            check_language(a)
            kept.append(a)
        except InputError as err:
            print(f"skipped {err}", file=sys.stderr)
    for a, doc in zip(kept, parse_many([a.text for a in kept])):
        r = code_doc(a, doc, min_confidence=0)
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        for e in r.events:
            lo, hi = sents[e.sentence_index]
            code = lookup(e.cameo)
            rows.append({
                "article_id": a.id, "sentence_index": e.sentence_index,
                "trigger_token": e.trigger_token, "trigger": e.trigger,
                "sentence": " ".join(a.text[lo:hi].split()),
                "source": _actor(e.source), "target": _actor(e.target),
                "cameo": e.cameo, "cameo_name": code.name,
                "modality": e.modality, "reported_by": _actor(e.reported_by),
                # the coder's own score, which the sample is banded by; `e.confidence`
                # is now the probability fitted on these judgements
                "confidence": round(e.score, 4),
            })
    return rows


def stratified(rows: list[dict], total: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    bands: list[list[dict]] = [[] for _ in range(len(CONFIDENCE_BANDS) + 1)]
    for row in rows:
        bands[band_of(row["confidence"])].append(row)
    quota = [0] * len(bands)
    left = total
    open_bands = [i for i, b in enumerate(bands) if b]
    while left > 0 and open_bands:
        share = max(1, left // len(open_bands))
        for i in list(open_bands):
            take = min(share, len(bands[i]) - quota[i], left)
            quota[i] += take
            left -= take
            if quota[i] == len(bands[i]):
                open_bands.remove(i)
            if left == 0:
                break
    sample = []
    for i, b in enumerate(bands):
        sample += rng.sample(b, quota[i])
    return sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--total", type=int, default=320)
    ap.add_argument("--seed", type=int, default=2016)
    ap.add_argument("--limit", type=int, default=None, help="code only the first N articles")
    ap.add_argument("--out", type=Path, help="write the sample as JSONL (holds article text)")
    ap.add_argument("--blind", type=Path, help="write the sample shuffled, without confidence (holds article text)")
    ap.add_argument("--template", type=Path, help="write the blind sample as judged_events.tsv rows to fill in (no text)")
    args = ap.parse_args()
    rows = coded_events(read_articles(args.file, args.limit))
    sample = stratified(rows, args.total, args.seed)
    names = band_names()
    counts = [0] * len(names)
    for row in rows:
        counts[band_of(row["confidence"])] += 1
    taken = [0] * len(names)
    for row in sample:
        taken[band_of(row["confidence"])] += 1
    print(f"{len(rows)} events in {args.file.name}; sample of {len(sample)} (seed {args.seed})")
    for name, n, k in zip(names, counts, taken):
        print(f"  band {name:8} {n:6} events, {k:4} sampled")
    for i, row in enumerate(sample, 1):
        print(_show(i, row, with_confidence=True))
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample), encoding="utf-8")
    blind = [{k: v for k, v in r.items() if k != "confidence"} for r in sample]
    random.Random(args.seed + 1).shuffle(blind)
    if args.blind:
        args.blind.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in blind), encoding="utf-8")
    if args.template:
        write_template(args.template, blind, dt.date.today().isoformat())


TEMPLATE_COLUMNS = ("n", "article_id", "sentence_index", "trigger_token", "trigger", "source_code", "target_code",
                    "cameo", "modality", "judged_right", "wrong_part", "right_source", "right_target", "sample", "reason")


def write_template(path: Path, blind: list[dict], sample: str) -> None:
    """The blind sample as judged_events.tsv rows, verdict columns empty: ids,
    token positions, the trigger word and codes only, no article text."""
    with path.open("w", encoding="utf-8") as f:
        f.write("\t".join(TEMPLATE_COLUMNS) + "\n")
        for n, r in enumerate(blind, 1):
            row = {"n": n, "article_id": r["article_id"], "sentence_index": r["sentence_index"],
                   "trigger_token": r["trigger_token"], "trigger": r["trigger"],
                   "source_code": r["source"]["code"] if r["source"] else "",
                   "target_code": r["target"]["code"] if r["target"] else "",
                   "cameo": r["cameo"], "modality": r["modality"], "sample": sample}
            f.write("\t".join(str(row.get(c, "")) for c in TEMPLATE_COLUMNS) + "\n")


def _show(i: int, row: dict, with_confidence: bool) -> str:
    def actor(a):
        return f"{a['name']} [{a['code']}]" if a else "-"
    lines = [f"{i:3}. {row['article_id']} s{row['sentence_index']} t{row['trigger_token']}"
             + (f"  conf {row['confidence']:.2f}" if with_confidence else ""),
             f"     {row['sentence']}",
             f"     {actor(row['source'])} --{row['cameo']} {row['cameo_name']} ({row['trigger']!r}, "
             f"{row['modality']})--> {actor(row['target'])}"
             + (f"   reported by {actor(row['reported_by'])}" if row["reported_by"] else "")]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
