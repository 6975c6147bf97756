"""The quote stage's parser labels and thresholds, and its word lists read from data/quote_words.tsv."""
from __future__ import annotations

from functools import cache

from ..data import read_tsv

MIN_DIRECT_WORDS = 4
# The nominal subjects of either voice (events/ has its own ACTIVE_SUBJECT_DEPS and PASSIVE_SUBJECT_DEPS).
SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
NOT_SPEAKERS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
# Links from a subjectless cue up to the verb whose subject speaks: "began by
# saying", "took to Twitter, writing", "went on to say", "said and added".
UP_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep", "acl", "ccomp")
# Actor kinds that can speak a fragment of the writer's clause.
CLAUSE_SPEAKER_KINDS = ("person", "organization", "group", "country")


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {r["role"]: frozenset(w.strip() for w in r["words"].split("|") if w.strip())
            for r in read_tsv("quote_words.tsv")}


def quote_words(role: str) -> frozenset[str]:
    """The words of one role in quote_words.tsv; KeyError names a role the table lacks."""
    try:
        return _word_lists()[role]
    except KeyError:
        raise KeyError(f"quote_words.tsv has no role {role!r}") from None


@cache
def phrasal_cues() -> dict[str, str]:
    """Cue lemma -> the particle it needs to speak ("point" -> "out")."""
    return dict(w.split(" ", 1) for w in quote_words("phrasal_cue"))
