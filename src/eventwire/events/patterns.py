"""Which lexicon row a trigger matches: the most specific verb row whose
particle, complement and preposition constraints hold, or the noun row (with
its modifier first: "military aid" before "aid")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import NOT_AN_EVENT, Lexicon, lexicon, NounPattern, political_goals, VerbPattern, words
from .syntax import is_complement, is_for_infinitive, is_reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Token


AGREE_ON_A_VIEW = VerbPattern("agree", "", frozenset(), "", "019")
# An act outside the lexicon that someone says another must do: only its demand is coded.
UNCODED_OBLIGATION = VerbPattern("", "", frozenset(), "", "")
WITHDRAWAL = "0874"
POLICY_CHANGE = "0832"


def agrees_on_a_view(verb: Token) -> bool:
    """"We agreed that the provocations threaten the region" is accord
    on a view (019); "agreed that talks would resume" commits to an act (030)."""
    modal = lexicon().modality
    return any(c.dep_ == "ccomp" and not any(a.dep_ == "aux" and (("aux", a.lower_) in modal or a.lower_ == "to")
                                             for a in c.children)
               for c in verb.children)


def _complements(verb: Token) -> set[str]:
    """Lemmas a pattern's `complement` may name: the object and its modifiers
    ("used chemical weapons"), an infinitive or that-clause verb ("demanded that
    Iran release"), and objects of prepositions one or two deep ("pulled out of
    the deal")."""
    out = set()

    def add_noun(n):
        if not withdraws_a_policy(n, lexicon()):  # of a tax, not of troops
            out.add(n.lemma_.lower())
            if (joined := hyphen_joined(n)) is not None:
                out.add(joined)  # "agreed to a cease-fire"
        out.update(m.lemma_.lower() for m in n.children if m.dep_ in ("amod", "compound"))
        # headline parses: "imposes Chile, Peru-related sanctions" hangs the real object in apposition
        out.update(m.lemma_.lower() for m in n.children if m.dep_ == "appos" and m.pos_ == "NOUN")
        out.update(cc.lemma_.lower() for cc in n.conjuncts)

    if is_reduced_passive(verb):
        add_noun(verb.head)  # "a curfew imposed": the noun is the participle's object
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "acomp"):
            add_noun(c)
            if c.dep_ == "dobj":
                # what the object is of, on or in: "reached an agreement on a series of
                # sanctions", "provided $5 million in humanitarian aid"
                for n in _prepositional_objects(c, depth=2):
                    add_noun(n)
        elif c.dep_ in ("advmod", "npadvmod"):  # "work together", "step down", "test-fired"
            out.add(c.lemma_.lower())
        elif (is_complement(c) or is_infinitive_clause(c)) and c.pos_ in ("VERB", "NOUN", "AUX"):
            out.add(c.lemma_.lower())
        elif c.dep_ in ("prep", "prt", "agent"):
            for g in c.children:
                if g.dep_ == "pobj":
                    add_noun(g)
                elif g.dep_ == "prep":
                    for h in g.children:
                        if h.dep_ == "pobj":
                            add_noun(h)
    return out


def _prepositional_objects(noun: Token, depth: int) -> list[Token]:
    """Objects of the noun's prepositions, and of theirs, `depth` levels down."""
    out = [g for p in noun.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    if depth > 1:
        out += [n for g in list(out) for n in _prepositional_objects(g, depth - 1)]
    return out


def is_infinitive_clause(tok: Token) -> bool:
    """An infinitive the parser hangs on the verb as an adverbial clause: "gave
    the envoy a week to depart" (a to-clause without a subordinator)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ in ("mark", "nsubj") for c in tok.children)


def _inflections(lemma: str) -> set[str]:
    """The regular inflected forms of a verb: "stage" -> staged, staging, stages."""
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    return forms


def verb_lemma(verb: Token, known) -> str:
    """The verb's lemma, repaired where the small model's lemmatizer cuts a
    regular verb wrongly ("staged" -> "stag", "waged" -> "wag", "cordoned" ->
    "cordone"): when its own lemma is not in `known` but a lemma one letter
    away is, and that lemma's regular forms include the word as written."""
    lemma = verb.lemma_.lower()
    if lemma in known or not verb.lower_.isalpha():
        return lemma
    candidates = [lemma + "e", lemma[:-1] if lemma.endswith("e") else "",
                  lemma[:-2] + "y" if lemma.endswith(("ie", "ye")) else ""]
    return next((c for c in candidates if c and c in known and verb.lower_ in _inflections(c)), lemma)


def match_verb(verb: Token, lex: Lexicon) -> VerbPattern | None:
    rows = lex.verbs.get(verb_lemma(verb, lex.verbs))
    if verb.lemma_.lower() in words("end_verb") and any(c.dep_ == "dobj" and c.lemma_.lower() == "end"
                                                        for c in verb.children):
        rows = lex.verbs.get("end")  # "bring an end to the fuel embargo", "put an end to the siege"
    p = first_match(verb, rows)
    return None if p is None or p.cameo == NOT_AN_EVENT else p


def first_match(verb: Token, rows: list[VerbPattern]) -> VerbPattern | None:
    """The first of a lemma's rows (most constraints first) whose constraints the
    verb meets, a not-an-event row included."""
    if not rows:
        return None
    particles = {c.lemma_.lower() for c in verb.children if c.dep_ == "prt"}
    preps = {c.lemma_.lower() for c in verb.children if c.dep_ in ("prep", "agent", "dative")}
    if any(is_for_infinitive(c) for c in verb.children):
        preps.add("for")  # "called for Israel to withdraw": the clause's mark is the verb's "for"
    complements = None
    for p in rows:
        if p.particle and p.particle not in particles:
            continue
        if p.prep and p.prep not in preps:
            continue
        if p.complements:
            if complements is None:
                complements = _complements(verb)
            if not p.complements & complements:
                continue
        if not p.particle and particles - words("loose_particle") and any(q.particle in particles for q in rows):
            continue  # "call off" must not fall back to plain "call"
        return p
    return None


def hyphen_joined(tok: Token) -> str | None:
    """"cease-fire", "air-strike": the word the tokenizer split at a hyphen,
    written as one ("ceasefire"), when the part before it modifies this one."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].head.i != tok.i:
        return None
    return doc[tok.i - 2].lower_ + tok.lemma_.lower()


def noun_pattern(tok: Token, lex: Lexicon) -> NounPattern | None:
    """The noun's row, preferring one for the noun with its modifier: "military
    aid" (072) before "aid" (070), "hunger strike" (142) before "strike"."""
    lemma = tok.lemma_.lower()
    if (joined := hyphen_joined(tok)) is not None and joined in lex.nouns:
        return lex.nouns[joined]
    for m in tok.children:
        if m.dep_ in ("amod", "compound", "nmod"):
            p = lex.nouns.get(f"{m.lemma_.lower()} {lemma}")
            if p is not None:
                return p
    if withdraws_a_policy(tok, lex):
        return NounPattern(lemma, frozenset({"of"}), POLICY_CHANGE)  # "withdrawal of a tax increase"
    return lex.nouns.get(lemma)


def withdraws_a_policy(noun: Token, lex: Lexicon) -> bool:
    """"the withdrawal of a proposed tax increase": a withdrawal noun (an 0874
    row of event_nouns.tsv) whose object is a policy (political_goals.tsv's
    policy words), not troops."""
    p = lex.nouns.get(noun.lemma_.lower())
    if p is None or not p.cameo.startswith(WITHDRAWAL):
        return False
    policy = dict(political_goals()).get("2", frozenset())
    return any(g.lemma_.lower() in policy or any(m.lemma_.lower() in policy for m in g.children if m.dep_ == "compound")
               for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj")
