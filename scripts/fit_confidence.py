"""Fit the model that turns a coded event into the probability that it is right.

Re-codes the PolNeAR train articles named in
src/eventwire/data/calibration/judged_events.tsv with the current coder
(min_confidence=0), joins the hand judgements to the events on (article_id,
sentence_index, trigger_token, cameo, source_code, target_code), and fits a
logistic regression (L2, Newton steps) over eventwire.confidence.FEATURES. It
writes the weights to src/eventwire/data/calibration/confidence_model.tsv and
prints how many judgements joined, the share right, and the calibration of
the raw score and of the model: in-sample and k-fold cross-validated (fit on
k-1 folds, predict the held-out one). ECE is the mean |predicted - share
right| over predicted-probability bands, weighted by band size; Brier is the
mean squared error.

    python scripts/fit_confidence.py [--folds 5] [--seed 7] [--l2 1.0] [--dry-run] [FILE]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_calibration_events import DEFAULT, read_articles  # noqa: E402

from eventwire.events.confidence import FEATURES, features  # noqa: E402
from eventwire.model import InputError  # noqa: E402
from eventwire.nlp.parse import parse_many  # noqa: E402
from eventwire.coder import check_language, code_doc  # noqa: E402

CALIBRATION = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "calibration"
JUDGED = CALIBRATION / "judged_events.tsv"
MODEL = CALIBRATION / "confidence_model.tsv"
BANDS = (0.1, 0.2, 0.3, 0.45, 0.6, 0.75, 0.9)


def _key(article_id, sentence_index, trigger_token, cameo, source_code, target_code) -> tuple:
    return (article_id, int(sentence_index), int(trigger_token), cameo, source_code or "", target_code or "")


def joined_examples(judged: list[dict], articles) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Feature rows, labels and raw scores of the judged events the coder still emits."""
    wanted = {j["article_id"] for j in judged}
    arts = []
    for a in articles:
        if a.id in wanted:
            try:
                check_language(a)
                arts.append(a)
            except InputError:
                pass
    pool = defaultdict(list)
    for a, doc in zip(arts, parse_many([a.text for a in arts])):
        for e in code_doc(a, doc, min_confidence=0).events:
            pool[_key(a.id, e.sentence_index, e.trigger_token, e.cameo,
                      e.source.actor.code if e.source else "", e.target.actor.code if e.target else "")].append(e)
    X, y, raw, missing = [], [], [], 0
    for j in judged:
        events = pool.get(_key(j["article_id"], j["sentence_index"], j["trigger_token"], j["cameo"],
                               j["source_code"], j["target_code"]))
        if not events:
            missing += 1
            continue
        e = events.pop(0)
        X.append(features(e))
        y.append(int(j["judged_right"]))
        raw.append(e.score)
    return np.array(X), np.array(y, dtype=float), np.array(raw), missing


def fit(X: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression by Newton's method; the bias is not penalized."""
    w = np.zeros(X.shape[1])
    penalty = np.full(X.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ w))
        grad = X.T @ (p - y) + penalty * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(X: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-X @ w))


def ece(pred: np.ndarray, y: np.ndarray) -> float:
    band = np.searchsorted(BANDS, pred, side="right")
    return float(sum(abs(pred[band == b].mean() - y[band == b].mean()) * (band == b).sum()
                     for b in np.unique(band)) / len(y))


def brier(pred: np.ndarray, y: np.ndarray) -> float:
    return float(((pred - y) ** 2).mean())


def cross_validated(X, y, folds: int, seed: int, l2: float) -> np.ndarray:
    order = list(range(len(y)))
    random.Random(seed).shuffle(order)
    pred = np.zeros(len(y))
    for k in range(folds):
        held = np.array(order[k::folds])
        train = np.array(sorted(set(order) - set(held.tolist())))
        pred[held] = predict(X[held], fit(X[train], y[train], l2))
    return pred


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the model")
    args = ap.parse_args()
    with JUDGED.open(encoding="utf-8", newline="") as f:
        judged = list(csv.DictReader(f, delimiter="\t"))
    X, y, raw, missing = joined_examples(judged, read_articles(args.file))
    print(f"{len(y)} of {len(judged)} judgements joined ({missing} no longer coded); share right {y.mean():.3f}")
    w = fit(X, y, args.l2)
    cv = cross_validated(X, y, args.folds, args.seed, args.l2)
    print(f"raw score as probability: ECE {ece(np.clip(raw, 0, 1), y):.3f}  Brier {brier(np.clip(raw, 0, 1), y):.3f}")
    print(f"model, in-sample:         ECE {ece(predict(X, w), y):.3f}  Brier {brier(predict(X, w), y):.3f}")
    print(f"model, {args.folds}-fold held out:   ECE {ece(cv, y):.3f}  Brier {brier(cv, y):.3f}")
    band = np.searchsorted(BANDS, cv, side="right")
    edges = (0.0, *BANDS, 1.0)
    for b in np.unique(band):
        sel = band == b
        print(f"  held-out {edges[b]:.2f}-{edges[b + 1]:.2f}: predicted {cv[sel].mean():.2f}, "
              f"right {y[sel].mean():.2f} of {sel.sum()}")
    for name, weight in zip(FEATURES, w):
        print(f"  {name:15} {weight:+.3f}")
    if not args.dry_run:
        with MODEL.open("w", encoding="utf-8") as f:
            f.write("feature\tweight\n")
            for name, weight in zip(FEATURES, w):
                f.write(f"{name}\t{weight:.4f}\n")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
