"""Fit the model that turns a coded event into the probability that it is right.

One command refits after the coder changed:

    python scripts/fit_confidence.py [--dry-run] [--folds 5] [--seed 7] [--l2 1.0] [--min-joined 0.6]
        [--targetless-statements-right] [FILE]

It re-codes the PolNeAR train articles (FILE, default
../shared/eval/polnear_train.jsonl) named in
src/eventwire/data/calibration/judged_events.tsv with the current coder
(min_confidence=0) and joins each hand judgement to the event now coded at the
same article, trigger token (or the same trigger word in the same sentence)
and CAMEO root. Where the actor codes changed since the judgement, the
judgement still applies when it does not depend on them (an event judged
unreal or of the wrong root stays wrong; a side judged wrong that kept its
code keeps the event wrong) or when each changed side can be re-judged (by the
judge's `right_source`/`right_target` code, or, for older rows without one,
a side judged right that kept its country). It prints how many joined, each
way, and why the others did not. A plain statement (root 01) with no target
counts as wrong whatever its judgement (`targetless_statement`). It then
fits a logistic regression (L2, Newton steps) over
eventwire.events.confidence.FEATURES and writes the weights to
src/eventwire/data/calibration/confidence_model.tsv. It refuses to write when
fewer than --min-joined of the judgements join: then judge a fresh sample
(scripts/sample_calibration_events.py, data/calibration/README.md).

It prints the calibration of the raw score and of the model, in-sample and
k-fold cross-validated (fit on k-1 folds, predict the held-out one). ECE is
the mean |predicted - share right| over predicted-probability bands, weighted
by band size; Brier is the mean squared error.
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


# how a judgement joined
JOINED = {
    "exact": "same trigger, root and actor codes",
    "wrong whatever the actors": "actor codes changed, but the event was judged unreal or of the wrong root",
    "a side still wrong": "actor codes changed, but a side judged wrong kept its code or is wrong by the judged right code",
    "sides re-judged": "actor codes changed; each side right by the judged right code or by keeping its country",
}
# why a judgement did not join, in the order they are tried
UNJOINED = {
    "article": "article no longer coded (not in FILE, or not English)",
    "trigger": "no event at the judged trigger any more",
    "root": "an event at the trigger, but of another CAMEO root",
    "actors": "actor codes changed and the judgement cannot say if the new ones are right",
    "modality": "modality changed on an event judged real",
    "used": "its event was taken by another judgement",
}


def _root(cameo: str) -> str:
    return (cameo or "")[:2]


def _code(m) -> str:
    return m.actor.code if m is not None else ""


def _side_right(code: str, right: str) -> bool:
    """A side's code against the judge's right code: `-` means the sentence
    names no such participant; otherwise the code must begin with it (a
    country, USA, is met by USAGOV; an organization, IGOUNO, only by itself)."""
    return code == "" if right == "-" else bool(code) and code.startswith(right)


def _side_verdict(j: dict, side: str, code: str) -> bool | None:
    """Is this side of the coded event right by the judgement, when the coder
    now gives `code`? None when the judgement cannot tell."""
    judged_code = j[f"{side}_code"] or ""
    wrong = side in _parts(j)
    if code == judged_code:
        return not wrong
    right = (j.get(f"right_{side}") or "").strip()
    if right:
        return _side_right(code, right)
    # an older judgement without the right code: a side judged right stays
    # right when only the sector moved (USA -> USAGOV), never from or to no code
    if not wrong and judged_code and code and judged_code[:3] == code[:3] and judged_code[:3] != "UNK":
        return True
    return None


def _parts(j: dict) -> set[str]:
    return {p.strip() for p in (j.get("wrong_part") or "").split(",") if p.strip()}


def judged_label(j: dict, e) -> tuple[int | None, str]:
    """The judged verdict applied to `e`, a coded event at the same trigger
    and CAMEO root: (1 or 0, how) or (None, reason it cannot apply).

    The event and code parts of a judgement do not depend on the actors: an
    event judged unreal, or of the wrong root, is wrong whatever its sides now
    are. A side is re-judged when its code changed (`_side_verdict`)."""
    parts = _parts(j)
    same = _code(e.source) == (j["source_code"] or "") and _code(e.target) == (j["target_code"] or "")
    modality = (j.get("modality") or "").strip()
    if "code" in parts or ("event" in parts and (not modality or e.modality == modality)):
        return 0, "exact" if same else "wrong whatever the actors"
    if modality and e.modality != modality:
        return None, "modality"
    verdicts = [_side_verdict(j, side, _code(getattr(e, side))) for side in ("source", "target")]
    if False in verdicts:
        return 0, "exact" if same else "a side still wrong"
    if None in verdicts:
        return None, "actors"
    return 1, "exact" if same else "sides re-judged"


def _at_trigger(j: dict, events: list) -> list:
    """The events at the judged trigger token, or, where tokens moved, at the
    same trigger word in the same sentence."""
    at = [e for e in events if e.trigger_token == int(j["trigger_token"])
          and e.trigger.lower() == (j.get("trigger") or e.trigger).lower()]
    return at or [e for e in events if e.sentence_index == int(j["sentence_index"])
                  and e.trigger.lower() == (j.get("trigger") or "").lower()]


def _same_codes(j: dict, e) -> bool:
    return _code(e.source) == (j["source_code"] or "") and _code(e.target) == (j["target_code"] or "")


def join(judged: list[dict], coded: dict[str, list]) -> tuple[list[tuple[dict, object, int]], dict[str, int], dict[str, int]]:
    """Match each judgement to an event the current coder emits: same article,
    same trigger token (or, where tokens moved, the same trigger word in the
    same sentence) and same CAMEO root. Judgements whose event is still coded
    with the judged actor codes are matched first, so that one whose codes
    changed cannot take their event, and where one event was judged twice the
    newer `sample` wins. `coded` maps an article id to its events
    (min_confidence=0). Returns (judgement, event, label) triples, how many
    joined each way and how many did not join for each reason of UNJOINED."""
    how, missing = defaultdict(int), defaultdict(int)
    matched: dict[int, tuple] = {}
    failed: dict[int, str] = {}  # why the judgement cannot apply to the free events at its trigger
    taken: set[int] = set()
    candidates: dict[int, list] = {}
    for n, j in enumerate(judged):
        events = coded.get(j["article_id"])
        if events is None:
            missing["article"] += 1
            continue
        at = _at_trigger(j, events)
        if not at:
            missing["trigger"] += 1
            continue
        same_root = [e for e in at if _root(e.cameo) == _root(j["cameo"])]
        if not same_root:
            missing["root"] += 1
            continue
        candidates[n] = sorted(same_root, key=lambda e: (not _same_codes(j, e), e.cameo != j["cameo"]))
    # the newest judgement of an event first: the coder it judged is closest to today's
    order = sorted(candidates, key=lambda n: judged[n].get("sample") or "", reverse=True)
    for exact in (True, False):
        for n in order:
            j, events = judged[n], candidates[n]
            if n in matched:
                continue
            free = [e for e in events if id(e) not in taken and _same_codes(j, e) == exact]
            if not free:
                continue
            for e in free:
                label, why = judged_label(j, e)
                if label is not None:
                    break
            if label is None:
                failed[n] = why
                continue
            taken.add(id(e))
            matched[n] = (j, e, label)
            how[why] += 1
    for n in candidates:
        if n not in matched:
            missing[failed.get(n, "used")] += 1
    joined = [matched[n] for n in sorted(matched)]
    return joined, dict(how), {k: v for k, v in missing.items() if v}


def targetless_statement(e) -> bool:
    """A plain statement (CAMEO root 01) with no one it is addressed to or
    about. The judges accepted these as right, but an event data set does not
    record them: PLOVER has no category for a statement, and the world-news
    gold codes statements only with a target. The fit counts them wrong
    (unless --targetless-statements-right), whatever the judgement said."""
    return e.root == "01" and e.target is None


REQUIRED = ("article_id", "sentence_index", "trigger_token", "trigger", "source_code", "target_code", "cameo",
            "judged_right", "wrong_part")
PARTS = {"event", "source", "target", "code"}


def read_judged(path: Path) -> list[dict]:
    """The judgements, checked: a bad row stops the fit with a one-line error
    naming it; a right code that contradicts its own verdict is reported."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    missing = [c for c in REQUIRED if rows and c not in rows[0]]
    if missing:
        sys.exit(f"error: {path} lacks the column(s) {', '.join(missing)}")
    for n, j in enumerate(rows, 2):
        parts = _parts(j)
        if j["judged_right"] not in ("0", "1") or not j["sentence_index"].isdigit() or \
                not j["trigger_token"].isdigit() or not parts <= PARTS or (j["judged_right"] == "1") != (not parts):
            sys.exit(f"error: {path} line {n}: judged_right must be 1 with no wrong_part, or 0 with parts of "
                     f"{sorted(PARTS)}; sentence_index and trigger_token numbers")
        for side in ("source", "target"):
            right = (j.get(f"right_{side}") or "").strip()
            if right and "event" not in parts and _side_right(j[f"{side}_code"] or "", right) == (side in parts):
                print(f"warning: {path} line {n}: right_{side} {right} contradicts the verdict on "
                      f"{side} {j[f'{side}_code'] or '-'}", file=sys.stderr)
    return rows


def coded_events(judged: list[dict], articles) -> dict[str, list]:
    """The current coder's events (min_confidence=0) of each judged article."""
    wanted = {j["article_id"] for j in judged}
    arts = []
    for a in articles:
        if a.id in wanted:
            try:
                check_language(a)
                arts.append(a)
            except InputError:
                pass
    return {a.id: code_doc(a, doc, min_confidence=0).events
            for a, doc in zip(arts, parse_many([a.text for a in arts]))}


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
    ap.add_argument("--targetless-statements-right", action="store_true",
                    help="keep the judges' verdict on plain statements (root 01) with no target")
    ap.add_argument("--min-joined", type=float, default=0.6,
                    help="refuse to fit when fewer than this share of the judgements join (default 0.6)")
    args = ap.parse_args()
    judged = read_judged(JUDGED)
    pairs, how, missing = join(judged, coded_events(judged, read_articles(args.file)))
    print(f"{len(pairs)} of {len(judged)} judgements joined")
    for why, n in sorted(how.items(), key=lambda kv: -kv[1]):
        print(f"  joined {n:4}: {JOINED[why]}")
    for why, n in sorted(missing.items(), key=lambda kv: -kv[1]):
        print(f"  not joined {n:4}: {UNJOINED[why]}")
    for sample in sorted({j.get("sample") or "" for j in judged}):
        of = [label for j, _, label in pairs if (j.get("sample") or "") == sample]
        total = sum((j.get("sample") or "") == sample for j in judged)
        print(f"  sample {sample or '-'}: {len(of)} of {total} joined, share right {np.mean(of) if of else 0:.3f}")
    if not args.targetless_statements_right:
        turned = sum(label == 1 and targetless_statement(e) for _, e, label in pairs)
        pairs = [(j, e, 0 if targetless_statement(e) else label) for j, e, label in pairs]
        print(f"{turned} judged right but plain statements with no target: counted wrong (not event data)")
    X = np.array([features(e) for _, e, _ in pairs])
    y = np.array([label for _, _, label in pairs], dtype=float)
    raw = np.array([e.score for _, e, _ in pairs])
    print(f"share right {y.mean():.3f} of {len(y)}")
    if len(y) < args.min_joined * len(judged):
        sys.exit(f"error: only {len(y)} of {len(judged)} judgements join (under {args.min_joined:.0%}); "
                 "the coder changed too much for these judgements: judge a fresh sample "
                 "(scripts/sample_calibration_events.py) before refitting")
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
