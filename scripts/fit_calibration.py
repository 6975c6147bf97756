"""Fit the map from an event's raw confidence to the probability that it is right.

Re-codes the PolNeAR train articles named in
src/eventwire/data/calibration/judged_events.tsv with the current coder
(min_confidence=0). It joins the hand judgements to the events on (article_id,
sentence_index, trigger_token, cameo, source_code, target_code) and reports how
many joined. Then it fits an isotonic (pool-adjacent-violators) map from raw
confidence to P(right) and writes it to
src/eventwire/data/calibration/confidence_map.tsv as (raw_score_upper_bound,
probability). A score takes the probability of the first row whose bound is at
least the score; a score above the last bound takes the last row.

It prints the share judged right per confidence band, the reliability (ECE)
of the raw score and of the calibrated probability in-sample, and a
cross-validated ECE (k-fold, fixed seed: fit on k-1 folds, predict the
held-out fold), which shows whether the map generalizes. ECE is the mean
|predicted - share right| over the bands of CONFIDENCE_BANDS (binned by the
predicted value), weighted by band size. The sample was stratified by band, so
ECE is given twice: over the sample, and reweighted to the band shares of all
events in the re-coded articles.

    python scripts/fit_calibration.py [--folds 5] [--seed 7] [--dry-run] [FILE]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_calibration_events import (DEFAULT, band_names, band_of,  # noqa: E402
                                       coded_events, read_articles)

CALIBRATION = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "calibration"
JUDGED = CALIBRATION / "judged_events.tsv"
MAP = CALIBRATION / "confidence_map.tsv"


def key(article_id, sentence_index, trigger_token, cameo, source_code, target_code) -> tuple:
    return (article_id, int(sentence_index), int(trigger_token), cameo, source_code or "", target_code or "")


def read_judged(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def join(judged: list[dict], events: list[dict]) -> tuple[list[tuple[float, int]], list[dict]]:
    """(confidence, right) for every judgement whose event the coder still
    emits; the judgements that found no event. A key that occurs n times
    matches up to n events."""
    pool = defaultdict(list)
    for e in events:
        pool[key(e["article_id"], e["sentence_index"], e["trigger_token"], e["cameo"],
                 e["source"]["code"] if e["source"] else "", e["target"]["code"] if e["target"] else "")
             ].append(e["confidence"])
    pairs, missing = [], []
    for j in judged:
        k = key(j["article_id"], j["sentence_index"], j["trigger_token"], j["cameo"], j["source_code"], j["target_code"])
        if pool[k]:
            pairs.append((pool[k].pop(0), int(j["judged_right"])))
        else:
            missing.append(j)
    return pairs, missing


def isotonic(pairs: list[tuple[float, int]], min_block: int = 10) -> list[tuple[float, float, int]]:
    """Pool adjacent violators over the distinct scores: (upper bound of the
    block's scores, share right in the block, events in it), non-decreasing.
    A block of fewer than `min_block` events is then merged into its neighbour
    (merging adjacent blocks keeps the map monotone), so that a handful of
    events at either end cannot set a probability of 0 or 1."""
    by_score = defaultdict(lambda: [0, 0])
    for score, right in pairs:
        by_score[round(score, 4)][0] += right
        by_score[round(score, 4)][1] += 1
    blocks = []  # [upper, rights, n]
    for score in sorted(by_score):
        rights, n = by_score[score]
        blocks.append([score, rights, n])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            upper, rights, n = blocks.pop()
            blocks[-1] = [upper, blocks[-1][1] + rights, blocks[-1][2] + n]
    while len(blocks) > 1 and min(b[2] for b in blocks) < min_block:
        i = min(range(len(blocks)), key=lambda k: blocks[k][2])
        j = i - 1 if i == len(blocks) - 1 or (i > 0 and blocks[i - 1][2] < blocks[i + 1][2]) else i + 1
        lo, hi = sorted((i, j))
        blocks[lo:hi + 1] = [[blocks[hi][0], blocks[lo][1] + blocks[hi][1], blocks[lo][2] + blocks[hi][2]]]
    return [(upper, rights / n, n) for upper, rights, n in blocks]


def apply(table: list[tuple[float, float]], score: float) -> float:
    for upper, p, _ in table:
        if round(score, 4) <= upper:
            return p
    return table[-1][1]


def ece(preds: list[tuple[float, int]]) -> float:
    """Expected calibration error over CONFIDENCE_BANDS of the prediction."""
    bands = defaultdict(list)
    for p, right in preds:
        bands[band_of(p)].append((p, right))
    total = sum(len(b) for b in bands.values())
    return sum(len(b) / total * abs(sum(p for p, _ in b) / len(b) - sum(r for _, r in b) / len(b))
               for b in bands.values())


def ece_by_raw_band(preds: list[tuple[float, int]], raws: list[float]) -> float:
    """ECE with events grouped by their raw-confidence band rather than by the
    prediction: does the map fit within each band of the raw score?"""
    bands = defaultdict(list)
    for (p, r), s in zip(preds, raws):
        bands[band_of(s)].append((p, r))
    return sum(len(b) / len(preds) * abs(sum(p for p, _ in b) / len(b) - sum(r for _, r in b) / len(b))
               for b in bands.values())


def reliability(preds: list[tuple[float, int]]) -> list[str]:
    bands = defaultdict(list)
    for p, right in preds:
        bands[band_of(p)].append((p, right))
    names = band_names()
    return [f"    {names[i]:8} n={len(b):3}  mean predicted {sum(p for p, _ in b) / len(b):.3f}"
            f"  share right {sum(r for _, r in b) / len(b):.3f}" for i, b in sorted(bands.items())]


def cross_validated(pairs: list[tuple[float, int]], folds: int, seed: int, min_block: int) -> list[tuple[float, int, float]]:
    """Held-out (calibrated prediction, right, raw score); folds are stratified by raw band."""
    rng = random.Random(seed)
    by_band = defaultdict(list)
    for i, (score, _) in enumerate(pairs):
        by_band[band_of(score)].append(i)
    fold_of = {}
    for idx in by_band.values():
        rng.shuffle(idx)
        for n, i in enumerate(idx):
            fold_of[i] = n % folds
    out = []
    for f in range(folds):
        table = isotonic([p for i, p in enumerate(pairs) if fold_of[i] != f], min_block)
        out += [(apply(table, s), r, s) for i, (s, r) in enumerate(pairs) if fold_of[i] == f]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT, help="the articles (PolNeAR train)")
    ap.add_argument("--judged", type=Path, default=JUDGED)
    ap.add_argument("--out", type=Path, default=MAP)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-block", type=int, default=10, help="fewest judged events behind one probability")
    ap.add_argument("--dry-run", action="store_true", help="do not write the map")
    args = ap.parse_args()

    judged = read_judged(args.judged)
    ids = {j["article_id"] for j in judged}
    articles = [a for a in read_articles(args.file) if a.id in ids]
    events = coded_events(articles)
    pairs, missing = join(judged, events)
    print(f"{len(judged)} judgements on {len(ids)} articles; re-coded {len(articles)} articles, "
          f"{len(events)} events; joined {len(pairs)}, not found {len(missing)}")
    for j in missing[:10]:
        print(f"  not found: {j['article_id']} s{j['sentence_index']} t{j['trigger_token']} "
              f"{j['trigger']} {j['source_code']}-{j['cameo']}-{j['target_code']}")
    if not pairs:
        sys.exit("nothing joined")

    names = band_names()
    population = Counter(band_of(e["confidence"]) for e in events)
    weights = [population.get(i, 0) for i in range(len(names))]
    print("\nshare judged right per raw-confidence band (population = all events of the re-coded articles):")
    sample = defaultdict(list)
    for s, r in pairs:
        sample[band_of(s)].append(r)
    for i, name in enumerate(names):
        rs = sample.get(i, [])
        share = f"{sum(rs) / len(rs):.3f}" if rs else "  n/a"
        print(f"    {name:8} judged {len(rs):3}  right {sum(rs):3}  share {share}   population {weights[i]}")
    overall = sum(r for _, r in pairs) / len(pairs)
    reweighted = sum(weights[i] * sum(rs) / len(rs) for i, rs in sample.items()) / sum(weights[i] for i in sample)
    print(f"    all: {overall:.3f} of the sample; {reweighted:.3f} reweighted to the population")

    table = isotonic(pairs, args.min_block)
    print("\nisotonic map (raw score upper bound -> P(right)):")
    for upper, p, n in table:
        print(f"    <= {upper:.4f}  {p:.3f}   ({n} judged events)")

    calibrated = [(apply(table, s), r) for s, r in pairs]
    held_out = cross_validated(pairs, args.folds, args.seed, args.min_block)
    cv = [(p, r) for p, r, _ in held_out]
    cv_raws = [s for _, _, s in held_out]
    # The calibrated predictions are binned by their own value; the reweighting
    # to the population has to go through the raw band each event came from.
    raw_w = {i: weights[i] / len(sample[i]) for i in sample}
    print("\nreliability, raw confidence:")
    print("\n".join(reliability(pairs)))
    print("reliability, calibrated (in-sample):")
    print("\n".join(reliability(calibrated)))
    print(f"reliability, calibrated ({args.folds}-fold cross-validated):")
    print("\n".join(reliability(cv)))

    def weighted_ece(preds, raws):
        bands = defaultdict(lambda: [0.0, 0.0, 0.0])  # weight, sum p*w, sum r*w
        for (p, r), s in zip(preds, raws):
            w = raw_w[band_of(s)]
            b = bands[band_of(p)]
            b[0] += w
            b[1] += p * w
            b[2] += r * w
        total = sum(b[0] for b in bands.values())
        return sum(b[0] / total * abs(b[1] / b[0] - b[2] / b[0]) for b in bands.values())

    raws = [s for s, _ in pairs]
    print("\nECE (bands of the prediction)   sample   reweighted to population")
    print(f"  raw          {ece(pairs):.3f}    {weighted_ece(pairs, raws):.3f}")
    print(f"  calibrated   {ece(calibrated):.3f}    {weighted_ece(calibrated, raws):.3f}   (in-sample)")
    print(f"  calibrated   {ece(cv):.3f}    {weighted_ece(cv, cv_raws):.3f}   ({args.folds}-fold cross-validated)")
    print(f"ECE (bands of the raw score)    raw {ece_by_raw_band(pairs, raws):.3f}   calibrated "
          f"{ece_by_raw_band(calibrated, raws):.3f} in-sample, {ece_by_raw_band(cv, cv_raws):.3f} cross-validated")
    brier = lambda preds: sum((p - r) ** 2 for p, r in preds) / len(preds)  # noqa: E731
    print(f"Brier          raw {brier(pairs):.3f}   calibrated {brier(calibrated):.3f}   cross-validated {brier(cv):.3f}")

    if not args.dry_run:
        with args.out.open("w", encoding="utf-8", newline="") as f:
            f.write("raw_score_upper_bound\tprobability\n")
            for upper, p, _ in table:
                f.write(f"{upper:.4f}\t{p:.4f}\n")
        print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
