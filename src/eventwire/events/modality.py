"""Whether an act is asserted, intended, hypothetical or negated, and the
modal frames a speech act reads: must/should (deontic), if/unless (a
condition), "will pay" (a consequence). The words are in data/modality.tsv."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Lexicon, words

if TYPE_CHECKING:
    from spacy.tokens import Token


def modality_of(verb: Token, lex: Lexicon) -> str:
    """asserted, intended, hypothetical or negated from the verb's own auxiliaries,
    negation and governing verbs ("vowed to attack" is intended)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    node = verb
    for _ in range(3):
        for c in node.children:
            if c.dep_ == "neg" and node.i != verb.i:
                return "negated"
            if c.dep_ == "aux":
                m = lex.modality.get(("aux", c.lemma_.lower())) or lex.modality.get(("aux", c.lower_))
                if m:
                    return m
            if c.dep_ == "mark":
                m = lex.modality.get(("condition", c.lower_))
                if m:
                    return m
        if node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i:
            m = lex.modality.get(("governor", node.head.lemma_.lower()))
            if m:
                return m
            if node.dep_ == "xcomp":
                node = node.head
                continue
        break
    if verb.dep_ == "advcl":
        for c in verb.children:
            if c.dep_ == "mark":
                m = lex.modality.get(("condition", c.lower_))
                if m:
                    return m
    return "asserted"


def is_deontic(verb: Token, lex: Lexicon) -> bool:
    """must, should, ought to, needs to, has to; not "must be able to" or
    "should be allowed to", which ask others to enable the subject."""
    if verb.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in words("enabling_word")
                                           for c in verb.children):
        return False
    if any(c.dep_ == "aux" and ("deontic", c.lower_) in lex.modality for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and ("deontic governor", verb.head.lemma_.lower()) in lex.modality


def is_conditioned(verb: Token, lex: Lexicon) -> bool:
    """The act hangs on a condition: "... if attacked", "... unless Israel withdraws"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and ("condition", m.lower_) in lex.modality
                                         for m in c.children) for c in verb.children)


def is_consequence(verb: Token, lex: Lexicon) -> bool:
    """"X will pay (for it)": said by another, the speaker threatens X."""
    return ("consequence", verb.lemma_.lower()) in lex.modality
