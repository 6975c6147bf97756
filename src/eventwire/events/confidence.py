"""Calibrated confidence: the probability that a coded event is right.

The coder ranks its candidates with a hand-set score (events/score.py). That score
orders events within a sentence well but says little about how often they are
right, so `confidence` is a logistic model over the score and a few facts a
reader can check: are both sides placed (a country, or an international
organization), is either missing, is it asserted, are the two sides of
different countries. It leaves out the kind of
event on purpose: in the judged US political news force words are mostly
figures of speech ("attacked her rival"), which would teach the model that a
missile strike is unlikely to be real. The
weights are fitted by scripts/fit_confidence.py on events a person judged
right or wrong (data/calibration/judged_events.tsv, PolNeAR train articles).
"""
from __future__ import annotations

import math
from functools import cache

from ..actors.knowledge import international_codes
from ..data import read_tsv
from ..model import Event

FEATURES = ("bias", "score", "source_placed", "source_missing", "target_placed", "target_missing", "asserted",
            "international")


def _placed(mention) -> bool:
    """A side a coder could check: a country, or an international or
    non-governmental organization, a multinational or an international
    militant group (the international types of data/actors/sectors.tsv), that needs none."""
    a = mention.actor
    return bool(a.country) or a.code[:3] in international_codes()


def _international(e: Event) -> bool:
    """Both sides placed, in different countries (an international body
    counts as its own): an act across a border, seldom the figure of speech
    that domestic politics makes of "attacked" or "fought"."""
    if e.source is None or e.target is None or not (_placed(e.source) and _placed(e.target)):
        return False
    return (e.source.actor.country or e.source.actor.code) != (e.target.actor.country or e.target.actor.code)


def features(e: Event) -> list[float]:
    score = e.score if e.score is not None else e.confidence
    return [
        1.0,
        score,
        float(e.source is not None and _placed(e.source)),
        float(e.source is None),
        float(e.target is not None and _placed(e.target)),
        float(e.target is None),
        float(e.modality == "asserted"),
        float(_international(e)),
    ]


@cache
def weights() -> list[float]:
    rows = {r["feature"]: float(r["weight"]) for r in read_tsv("calibration/confidence_model.tsv")}
    return [rows.get(f, 0.0) for f in FEATURES]


def probability(e: Event) -> float:
    z = sum(w * x for w, x in zip(weights(), features(e)))
    return 1.0 / (1.0 + math.exp(-z))
