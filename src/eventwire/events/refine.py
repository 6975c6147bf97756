"""Sub-codes from the words of the act's own phrase: the political goal of an
appeal, demand or protest (political_goals.tsv) and the weapon of a use of
force (weapons.tsv)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .candidates import Candidate
from .lexicon import aid_kinds, political_goals, weapons, words

if TYPE_CHECKING:
    from spacy.tokens import Token


# Appeals, intents, concessions, demands, rejections and protests have sub-codes
# for what they are about: leadership (1), policy (2), rights (3), institutions (4).
GOAL_CODES = {"024", "034", "083", "104", "123", "141", "142", "143", "144", "145"}
# a bare appeal, promise, demand or refusal about a political goal is one for reform
GENERIC_TO_GOAL = {"020": "024", "030": "034", "100": "104", "120": "123"}
# what a force verb is done to ("attacked a plane", "an attack on a fuel convoy") names no weapon
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "poss"})
CLAUSE_DEPS = {"ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp", "csubj", "cc"}


def with_political_goal(c: Candidate) -> Candidate:
    """"rioted ..., demanding the ouster of the prime minister" is 1451, "blocked
    bridges to press their calls for more liberty" 1443: the first goal named in the act's
    own phrase, in the order of political_goals.tsv."""
    base = GENERIC_TO_GOAL.get(c.cameo, c.cameo)
    if base not in GOAL_CODES:
        return c
    lemmas = {t.lemma_.lower() for t in c.trigger.subtree} | {t.lower_ for t in c.trigger.subtree}
    for digit, goal_words in political_goals():
        if lemmas & goal_words:
            return replace(c, cameo=base + digit)
    return c


def with_weapon(c: Candidate) -> Candidate:
    """"Warplanes using precision guided bombs killed nine fighters" is
    1951, not a bare 190: the weapon named in the act's own clause (its
    subject, object, instrument), most specific first, as weapons.tsv lists."""
    if c.cameo != "190":
        return c
    said = set()
    for t in own_clause(c.trigger, skip=VICTIM_DEPS):
        said.update((t.lemma_.lower(), t.lower_))
    return next((replace(c, cameo=code) for code, lemmas in weapons() if said & lemmas), c)


AERIAL_BOMBING = "195"
BOMBING = "183"


def with_bomber(c: Candidate) -> Candidate:
    """"Al-Shabaab claimed the bombing": a bombing (195, from the air) by armed
    groups with no air force (event_words.tsv non_state_armed_sector) is a
    bombing of unconventional violence (183)."""
    if c.cameo != AERIAL_BOMBING or not c.sources:
        return c
    if all((f.actor.sector or "").lower() in words("non_state_armed_sector") for f in c.sources):
        return replace(c, cameo=BOMBING)
    return c


# generic aid and aid offers, refined by the kind of aid their phrase names;
# an amount alone says economic (071) but a named kind beats it
AID_CODES = {"070": "07", "071": "07", "033": "033", "0331": "033"}
AMOUNT_CODES = {"071", "0331"}
EXPULSION = "174"
DIPLOMATIC_EXPULSION = "161"


def with_aid_kind(c: Candidate) -> Candidate:
    """"a grant of $8 million as flood relief" is 073, "pledged
    $2 billion in military aid" 0332: the kind of aid the act's own phrase names
    (aid_kinds.tsv, in its order), else the code as it was."""
    prefix = AID_CODES.get(c.cameo)
    if prefix is None:
        return c
    said = {w for t in own_clause(c.trigger) for w in (t.lemma_.lower(), t.lower_)}
    for code, lemmas in aid_kinds():
        if said & lemmas:
            new = prefix + code[-1]
            if c.cameo in AMOUNT_CODES and code.endswith("1"):
                return c
            return replace(c, cameo=new)
    return c


def with_diplomatic_target(c: Candidate, doc) -> Candidate:
    """"gave the envoy a week to depart", "ordered two embassy staff
    out": expelling diplomats (the head noun of a target) cuts diplomatic
    relations (161), not a deportation of individuals (174)."""
    if c.cameo != EXPULSION or not c.targets:
        return c
    heads = set()
    for f in c.targets:
        root = doc[f.start:f.end].root
        # "the French ambassador" may be found as "French": the noun it modifies
        head = root.head if root.dep_ in ("amod", "compound", "poss", "nmod") else root
        heads.add(head.lemma_.lower())
    if heads & words("diplomat_noun"):
        return replace(c, cameo=DIPLOMATIC_EXPULSION)
    return c


def own_clause(trigger: Token, skip: frozenset[str] = frozenset()) -> list[Token]:
    """The trigger's phrase without the clauses hung on it, nor its own
    children of the dependencies in `skip`."""
    stack = [ch for ch in trigger.children if ch.dep_ not in skip and
             not (ch.dep_ == "prep" and ch.lemma_.lower() in words("victim_prep"))]
    out = [trigger]
    while stack:
        t = stack.pop()
        if t.dep_ in CLAUSE_DEPS:
            continue
        out.append(t)
        stack.extend(t.children)
    return out
