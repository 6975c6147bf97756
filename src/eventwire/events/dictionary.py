"""The PETRARCH2 CAMEO verb dictionary (data/events/petrarch/verbs.tsv, Open
Event Data Alliance, MIT; converted by scripts/convert_petrarch.py) as a
fallback of the curated event lexicon, for verbs it has no row for.

Measured (README, "The field's dictionaries"): used everywhere, or beside
the curated rows of a verb, its rows lowered every dev set; used only for
verbs the curated lexicon lacks, and under the rules below, the dev sets are
unchanged and, with half of the curated verbs taken out, it wins back most of
what they coded. So a dictionary row:

- is tried only for a verb with no row in event_verbs.tsv and after the
  coder's own readings of it (an obligation, leaving an organization);
- is not tried where the verb's subject is an event noun the curated lexicon
  codes ("talks are planned");
- is not tried where the verb embeds an act the curated lexicon codes
  ("plans to visit");
- codes the verb alone only between two named actors (`dictionary_pattern`);
- ranks below any curated row (`DictionaryPattern.constraints`), so its event
  is the sentence's main one only when no curated event is there.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from ..data import read_tsv
from .arguments import subject_head
from .cameo import lookup
from .lexicon import NOT_AN_EVENT, Lexicon, VerbPattern, _set
from .patterns import first_match, noun_pattern, verb_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors import ArticleActors

TABLE = "events/petrarch/verbs.tsv"
# The score counts a row's constraints (0.08 each, events/score.py): a
# dictionary row counts as -4, 0.32 below a curated row with none, so its event
# passes the coder's floor (score.MIN_SCORE) only with a source and a target named.
RANK = -4
# A verb that embeds an act the curated lexicon codes ("plans to visit") is left
# to the curated speech-act rules, which code the act; a verb alone is not coded
# where it embeds any clause ("failed to renew", "decided to allow") or is no
# clause of its own ("according to"; a participle, `_is_clause`).
EMBEDDING_DEPS = ("xcomp", "ccomp")
NOT_A_CLAUSE_DEPS = ("prep", "amod", "advmod", "compound", "acl")
SUBJECT_DEPS = ("nsubj", "nsubjpass")


@dataclass(frozen=True, slots=True)
class DictionaryPattern(VerbPattern):
    """A row of the dictionary: it matches like a curated row, and ranks below them."""

    @property
    def constraints(self) -> int:
        return RANK

    @property
    def bare(self) -> bool:
        return not (self.particle or self.complements or self.prep)


def _specificity(p: VerbPattern) -> int:
    return bool(p.particle) + bool(p.complements) + bool(p.prep)


@cache
def dictionary_verbs() -> dict[str, list[DictionaryPattern]]:
    """lemma -> its rows, most constraints first (file order on ties), loaded once."""
    verbs: dict[str, list[DictionaryPattern]] = defaultdict(list)
    for r in read_tsv(TABLE):
        p = DictionaryPattern(r["lemma"].lower(), r["particle"].lower(), _set(r["complement"]),
                              r["prep"].lower(), r["cameo"])
        if p.cameo != NOT_AN_EVENT:
            lookup(p.cameo)  # fail loudly on a code the ontology lacks
        verbs[p.lemma].append(p)
    for rows in verbs.values():
        rows.sort(key=lambda p: -_specificity(p))
    return dict(verbs)


def dictionary_pattern(verb: Token, lex: Lexicon, actors: ArticleActors) -> DictionaryPattern | None:
    """The dictionary's row for a verb the curated lexicon has no row for, or None.

    A row with a particle, preposition or object holds when the parse shows
    them, as a curated row does. The verb alone (the code of its synonym
    block, where much of PETRARCH2's noise is: "think" 040, "lead" 060) holds
    only as PETRARCH2 itself codes it, between two actors: a named subject and
    a named object or prepositional object; and not where it embeds a clause
    or is no clause of its own."""
    if verb_lemma(verb, lex.verbs) in lex.verbs:
        return None
    rows = dictionary_verbs().get(verb_lemma(verb, dictionary_verbs()))
    if not rows:
        return None
    if any(c.dep_ in SUBJECT_DEPS and noun_pattern(c, lex) is not None for c in verb.children):
        return None  # "the occupation empowered militias", "talks are planned": the noun's event is the news
    embedded = [c for c in verb.children if c.dep_ in EMBEDDING_DEPS]
    if any(c.lemma_.lower() in lex.verbs for c in embedded):
        return None  # "plans to visit": the visit is the act, read by the curated speech-act rules
    p = first_match(verb, rows)
    if p is None or p.cameo == NOT_AN_EVENT:
        return None
    if p.bare and (embedded or not (_is_clause(verb) and _between_actors(verb, actors))):
        return None
    return p


def _is_clause(verb: Token) -> bool:
    """A clause of its own: not a preposition or modifier to the parser, and
    not an adverbial participle ("..., citing domestic opposition"); an
    adverbial clause with its own subject is one ("after troops evicted them")."""
    if verb.dep_ == "advcl":
        return any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    return verb.dep_ not in NOT_A_CLAUSE_DEPS


def _between_actors(verb: Token, actors: ArticleActors) -> bool:
    subject = subject_head(verb)
    if subject is None or not actors.for_phrase(subject):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + \
        [g for c in verb.children if c.dep_ in ("prep", "dative") for g in c.children if g.dep_ == "pobj"]
    return any(actors.for_phrase(o) for o in objects)
