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
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.i != verb.i \
                and not any(c.dep_ == "mark" for c in verb.children):
            # "Australia will work with New Zealand to help Tonga": a purpose is as
            # intended as the act it is the purpose of
            m = modality_of(verb.head, lex)
            if m in ("intended", "hypothetical"):
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


def noun_modality(noun: Token, lex: Lexicon) -> str:
    """An event noun is asserted unless the clause it is the subject of says
    otherwise: "a second session of negotiations is set for June" (intended),
    "talks are due to resume", "the summit will take place" (intended), "the
    meeting did not happen" (negated)."""
    node = noun
    # "a second session of negotiations": the noun the event noun is counted in
    while node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.lower_ == "of" \
            and node.head.head.pos_ == "NOUN":
        node = node.head.head
    if node.dep_ not in ("nsubj", "nsubjpass"):
        return "asserted"
    verb = node.head
    # "talks are scheduled for June", "are set to resume", "are due": a governor
    # that is passive, takes an infinitive or is the predicate adjective
    governors = [c for c in verb.children if c.dep_ == "acomp"]
    if any(c.dep_ in ("auxpass", "xcomp") for c in verb.children):
        governors.append(verb)
    for g in governors:
        m = lex.modality.get(("governor", g.lemma_.lower()))
        if m:
            return m
    if verb.lemma_.lower() in words("occurrence_verb"):
        return modality_of(verb, lex)
    return "asserted"
