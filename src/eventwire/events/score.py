"""The coder's own ranking of a candidate: constraints met, sides named,
clause depth. events.confidence turns it into a calibrated probability."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import Found
from .arguments import is_unplaced
from .candidates import Candidate
from .lexicon import lexicon
from .syntax import is_reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Token


UNPLACED_ACTOR = 0.1
DEPTH_PENALTY = 0.15
# Below this score an event has neither actors on both sides nor a main-clause
# verb: on the PLOVER dev set such events were 3 right in 60 (`eventwire code
# --min-confidence 0` keeps them).
MIN_SCORE = 0.45


def candidate_score(c: Candidate, source: Found | None, target: Found | None) -> float:
    score = 0.45 + 0.08 * c.constraints
    score += 0.2 if source is not None else 0.0
    score += 0.15 if target is not None else 0.0
    # "the army", "police": an actor no one can place is half an event
    score -= sum(UNPLACED_ACTOR for f in (source, target) if f is not None and is_unplaced(f.actor))
    score += 0.05 if len(c.cameo) > 2 else 0.0
    if c.cameo in ("01", "010"):  # a bare statement; 011-019 say more
        score -= 0.25
    if c.nominal:
        score -= 0.1
    return max(0.05, min(0.95, score))


def clause_depth(trigger: Token, by_trigger: dict[int, Candidate]) -> int:
    """How many content words the trigger sits under, not counting the speech
    verbs that report it: the main clause's event is the news, one inside a
    relative clause, an accusation's content or an adverbial is background."""
    n, tok = 0, trigger
    # An event noun sits inside noun phrases by nature ("amid Israel's attacks
    # on Gaza"): only the clauses above it make it background.
    counted = ("VERB", "AUX") if trigger.pos_ in ("NOUN", "PROPN") else ("VERB", "NOUN", "ADJ", "AUX")
    if is_reduced_passive(trigger):
        # "a curfew imposed in Lima was extended": the noun is the participle's own
        # subject, and the phrase sits where an event noun would
        tok, counted = trigger.head, ("VERB", "AUX")
    while tok.head.i != tok.i:
        child, tok = tok, tok.head
        if tok.pos_ in counted:
            governing = by_trigger.get(tok.i)
            if governing is not None and governing.cameo in ("01", "010"):
                continue
            if tok.pos_ == "AUX" and not list(tok.children):
                continue
            if ("governor", tok.lemma_.lower()) in lexicon().modality and governing is None \
                    and child.dep_ in ("xcomp", "ccomp", "acomp"):
                continue  # "is ready to host", "plans to visit": modality, not a background clause
            n += 1
    return min(n, 3)
