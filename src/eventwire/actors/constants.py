"""The actor stage's parser labels, and its word lists read from data/actor_words.tsv."""
from __future__ import annotations

from functools import cache

from ..data import read_tsv

NP_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {r["role"]: frozenset(w.strip() for w in r["words"].split("|") if w.strip())
            for r in read_tsv("actor_words.tsv")}


def actor_words(role: str) -> frozenset[str]:
    """The words of one role in actor_words.tsv, as written (case kept: "Watch",
    "USA"); KeyError names a role the table lacks."""
    try:
        return _word_lists()[role]
    except KeyError:
        raise KeyError(f"actor_words.tsv has no role {role!r}") from None


@cache
def pronoun_gender() -> dict[str, str]:
    """"she" -> f, "him" -> m: the gender a pronoun says."""
    return {**{w: "f" for w in actor_words("female_pronoun")}, **{w: "m" for w in actor_words("male_pronoun")}}
