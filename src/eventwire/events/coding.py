"""Events: who did what to whom, from the dependency parse and the lexicons.

A verb (or an event noun: "Israel's attacks on Gaza") whose lemma is in
data/event_verbs.tsv (event_nouns.tsv) triggers an event; the most specific
row whose particle, complement and preposition constraints hold gives the CAMEO
code. Sources come from the subject (or the passive agent, or the governing
clause for "vowed to attack"), targets from the object or a prepositional
object. Coordinated actors give one event per pair; a coordinated subject with
no target ("Iran and Türkiye will work together") codes both directions.

It does not code events whose trigger is outside the lexicons, and it does not
resolve which of several events a sentence is "about" beyond confidence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache

from ..actors import ArticleActors, Found, absolute_subject, is_absolute_subject
from ..data import read_tsv
from .cameo import lookup
from .confidence import probability
from ..model import Event

# Statements and appeals made "in Paris" are not made to France; most other acts
# done in a country ("arrived in Amman", "lifted a curfew in Montenegro") are.
PLACE_IS_NOT_TARGET = ("01", "02", "10", "11", "12", "13")
OBJECT_OWNER_PREPS = {"of", "by", "between", "among"}  # whose act or thing the object is
TARGET_PREPS = {"to", "with", "against", "on", "into", "at", "toward", "towards", "upon", "over", "from", "for",
                "between"}
SUBJECT_DEPS = {"nsubj", "csubj"}
OWNER_IS_TARGET = ("02", "10", "11", "12")
PROTEST_ROOT = "14"
CONSULT_ROOT = "04"
# Participles that describe the subject's own stance, not something done to it.
STATIVE_PARTICIPLES = {"commit", "oppose", "determine", "prepare", "dedicate", "resolve", "opposed", "committed"}
# Acts only a state does, so an agentless passive one in a country is its state's.
STATE_ACTS = ("172", "173", "174")
VIOLENT_ROOTS = ("18", "19", "20")  # killed by no one named: unidentified attackers of the place
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
STATEMENT_ROOT = "01"
# Appeals, intents, demands, rejections and threats carry what they are about:
# "threatened to attack" is one 138 event, not a 138 and an attack.
# So do accusations: "accused Iran of attacking" is not an attack by Iran.
SUBSUMING_ROOTS = {"02", "03", "10", "11", "12", "13"}


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    particle: str
    complements: frozenset[str]
    prep: str
    cameo: str

    @property
    def constraints(self) -> int:
        return bool(self.particle) + bool(self.complements) + bool(self.prep)


@dataclass(frozen=True, slots=True)
class NounPattern:
    lemma: str
    preps: frozenset[str]
    cameo: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, list[VerbPattern]]
    nouns: dict[str, NounPattern]
    modality: dict[tuple[str, str], str]  # (kind, word) -> modality
    intent: dict[str, str]  # code prefix -> "express intent" / "threaten" code
    demand: dict[str, str]  # code prefix -> "demand" code ("must release" is 1053)
    appeal: dict[str, str]  # code prefix -> "appeal" code ("urged X to release" is 0253)
    reject: dict[str, str]  # code prefix -> "reject" code ("refused to release" is 1243)


def _set(value: str) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in value.split("|") if v.strip())


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, list[VerbPattern]] = defaultdict(list)
    for r in read_tsv("event_verbs.tsv"):
        p = VerbPattern(r["lemma"].lower(), r["particle"].lower(), _set(r["complement"]),
                        r["prep"].lower(), r["cameo"])
        if p.cameo != NOT_AN_EVENT:
            lookup(p.cameo)  # fail loudly on a code the ontology lacks
        verbs[p.lemma].append(p)
    for rows in verbs.values():  # most constraints first; stable keeps file order on ties
        rows.sort(key=lambda p: -p.constraints)
    nouns = {}
    for r in read_tsv("event_nouns.tsv"):
        lemma = r["lemma"].lower()
        if lemma not in nouns:
            nouns[lemma] = NounPattern(lemma, _set(r["prep"]), r["cameo"])
            lookup(r["cameo"])
    modality = {(r["kind"], r["word"].lower()): r["modality"] for r in read_tsv("modality.tsv")}
    speech_acts = read_tsv("intent_codes.tsv")
    intent, demand, appeal, reject = ({r["code"]: r[k] for r in speech_acts if r[k]}
                                      for k in ("intent", "demand", "appeal", "reject"))
    for code in [*intent.values(), *demand.values(), *appeal.values(), *reject.values()]:
        lookup(code)
    return Lexicon(dict(verbs), nouns, modality, intent, demand, appeal, reject)


def _agrees_on_a_view(verb) -> bool:
    """"We agreed that Pyongyang's provocations threaten the region" is accord
    on a view (019); "agreed that talks would resume" commits to an act (030)."""
    modal = lexicon().modality
    return any(c.dep_ == "ccomp" and not any(a.dep_ == "aux" and (("aux", a.lower_) in modal or a.lower_ == "to")
                                             for a in c.children)
               for c in verb.children)


ENABLED_WORDS = {"able", "allowed", "free", "entitled", "permitted"}
AGREE_ON_A_VIEW = VerbPattern("agree", "", frozenset(), "", "019")
# An act outside the lexicon that someone says another must do: only its demand is coded.
UNCODED_OBLIGATION = VerbPattern("", "", frozenset(), "", "")


def _most_specific(cameo: str, table: dict[str, str]) -> str | None:
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in table:
            return table[cameo[:n]]
    return None


def demand_code(cameo: str, lex: Lexicon) -> str | None:
    """What someone says another must do is a demand: "Israel must withdraw",
    said by Egypt, is Egypt's 106 on Israel. None for acts no one demands."""
    return _most_specific(cameo, lex.demand)


def intent_code(cameo: str, lex: Lexicon) -> str:
    """CAMEO codes what is promised or threatened as the promise or threat:
    "will provide food aid" is 0333, "will impose sanctions" 1312."""
    code = _most_specific(cameo, lex.intent)
    if code is not None:
        return code
    return cameo


# -- pattern matching --------------------------------------------------------

def _is_complement(tok) -> bool:
    """An infinitive or that-clause the head verb governs. The small parser
    makes "threatened on Monday to resume attacks" an adverbial clause."""
    if tok.dep_ in ("xcomp", "ccomp"):
        return True
    # only under verbs that take an infinitive ("threaten to", "vow to"); a
    # purpose clause ("worked together to stop the war") is not what they did
    return tok.dep_ == "advcl" and ("governor", tok.head.lemma_.lower()) in lexicon().modality \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
        and not any(c.dep_ == "mark" for c in tok.children)


def _complements(verb) -> set[str]:
    """Lemmas a pattern's `complement` may name: the object and its modifiers
    ("used chemical weapons"), an infinitive or that-clause verb ("demanded that
    Iran release"), and objects of prepositions one or two deep ("pulled out of
    the deal")."""
    out = set()

    def add_noun(n):
        if not _withdraws_a_policy(n, lexicon()):  # of a tax, not of troops
            out.add(n.lemma_.lower())
        out.update(m.lemma_.lower() for m in n.children if m.dep_ in ("amod", "compound"))
        out.update(cc.lemma_.lower() for cc in n.conjuncts)

    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "acomp"):
            add_noun(c)
        elif c.dep_ == "advmod":  # "work together", "step down"
            out.add(c.lemma_.lower())
        elif _is_complement(c) and c.pos_ in ("VERB", "NOUN", "AUX"):
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


def match_verb(verb, lex: Lexicon) -> VerbPattern | None:
    rows = lex.verbs.get(verb.lemma_.lower())
    if verb.lemma_.lower() in ("bring", "put") and any(c.dep_ == "dobj" and c.lemma_.lower() == "end"
                                                     for c in verb.children):
        rows = lex.verbs.get("end")  # "bring an end to the embargo", "put an end to the war"
    if not rows:
        return None
    particles = {c.lemma_.lower() for c in verb.children if c.dep_ == "prt"}
    preps = {c.lemma_.lower() for c in verb.children if c.dep_ in ("prep", "agent", "dative")}
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
        if not p.particle and particles - {"out", "up"} and any(q.particle in particles for q in rows):
            continue  # "call off" must not fall back to plain "call"
        return None if p.cameo == NOT_AN_EVENT else p
    return None


# a lexicon row with this code says the use is not an event ("defend itself")
NOT_AN_EVENT = "-"


# -- arguments -----------------------------------------------------------------

def _subject_head(verb):
    """The token heading the verb's source: subject, passive agent, or inherited."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            if c.tag_ == "WDT" or c.lower_ in ("who", "which", "that"):
                return verb.head if verb.dep_ == "relcl" else None
            return c
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    if (absolute := absolute_subject(verb)) is not None:
        return absolute
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        return _subject_head(verb.head)
    # "Syria is willing to withdraw", "Iran is ready to talk": through the adjective
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod") \
            and verb.head.head.i != verb.head.i:
        return _subject_head(verb.head.head)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl" and (verb.tag_ == "VBD" or verb.head.dep_ == "ROOT") and verb.head.i < verb.i:
        return verb.head  # "..., a human rights group protested": a finite verb misparsed as a modifier
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.lemma_.lower() not in STATEMENT_NOUNS:
        return verb.head  # "demonstrators protesting election results"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" \
            and verb.head.lemma_.lower() in STATEMENT_NOUNS:
        # "issued a declaration demanding that ...": the issuer demands
        return _subject_head(verb.head.head)
    # "Erdoğan warned Netanyahu's administration may target Türkiye": the small
    # parser hangs "warned" under "target" and takes the real subject as its object
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i:
            obj = next((o for o in c.children if o.dep_ == "dobj" and o.i < verb.i), None)
            if obj is not None and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"
                                           for t in verb.doc[obj.i + 1:verb.i]):
                return obj
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        # "resorted to throwing stones": the governing verb's subject acts;
        # "accused Iran of attacking", "stopped X from entering": its object does
        governor = verb.head.head
        obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
        return obj if obj is not None else _subject_head(governor)
    return _responsible_party(verb)


# "X is guilty of violating the ceasefire", "X is responsible for the killings":
# X did it. Other adjectives ("concerned about attacks") say nothing of who acted.
RESPONSIBLE_ADJECTIVES = {"responsible", "guilty", "culpable", "accountable", "to blame"}


# "engaged in ethnic cleansing", "resorted to violence", "took part in the attack":
# the verb only carries the event noun, its subject is the noun's actor.
LIGHT_VERBS_WITH_PREP = {"engage", "involve", "participate", "resort", "take", "join", "embark", "persist"}


YIELD_ROOT = "08"


def _stops_anothers_act(verb, sources: list[Found], actors: ArticleActors) -> bool:
    """"work to stop Israel's attacks" is no de-escalation by the subject: only
    the owner of an act can yield it."""
    own = {s.actor.id for s in sources}
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for owner in (c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"):
            found = actors.for_phrase(owner)
            if found and all(f.actor.id not in own for f in found):
                return True
    return False


STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "resolution", "letter", "report",
                   "appeal", "message", "decree", "note", "memorandum", "ultimatum"}
ANNOUNCING_VERBS = {"announce", "declare", "order", "unveil", "approve", "decree"}


def _announcer(noun):
    """"Italy announced a suspension of air links": who announces an act does it."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in ANNOUNCING_VERBS:
        return _subject_head(noun.head)
    return None


def _light_verb_subject(noun):
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and verb.lemma_.lower() in LIGHT_VERBS_WITH_PREP:
        if _passive(verb):  # "were engaged in", "was involved in"
            return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        return _subject_head(verb) if verb.lemma_.lower() != "involve" else None
    return None


# Appeals, intents, concessions, demands, rejections and protests have sub-codes
# for what they are about: leadership (1), policy (2), rights (3), institutions (4).
GOAL_CODES = {"024", "034", "083", "104", "123", "141", "142", "143", "144", "145"}


@cache
def political_goals() -> list[tuple[str, frozenset[str]]]:
    return [(r["digit"], _set(r["lemmas"])) for r in read_tsv("political_goals.tsv")]


def _with_political_goal(c: Candidate) -> Candidate:
    """"rioted ... calling for the removal of Mubarak" is 1451, "blocked roads to
    press demands for greater freedom" 1443: the first goal named in the act's
    own phrase, in the order of political_goals.tsv."""
    base = GENERIC_TO_GOAL.get(c.cameo, c.cameo)
    if base not in GOAL_CODES:
        return c
    lemmas = {t.lemma_.lower() for t in c.trigger.subtree} | {t.lower_ for t in c.trigger.subtree}
    for digit, words in political_goals():
        if lemmas & words:
            return replace(c, cameo=base + digit)
    return c


@cache
def weapons() -> list[tuple[str, frozenset[str]]]:
    return [(r["cameo"], _set(r["lemmas"])) for r in read_tsv("weapons.tsv")]


def _with_weapon(c: Candidate) -> Candidate:
    """"British aircraft using precision guided missiles killed 4 Iraqis" is
    1951, not a bare 190: the weapon named in the act's own clause (its
    subject, object, instrument), most specific first, as weapons.tsv lists."""
    if c.cameo != "190":
        return c
    words = set()
    for t in _own_clause(c.trigger, skip=VICTIM_DEPS):
        words.update((t.lemma_.lower(), t.lower_))
    return next((replace(c, cameo=code) for code, lemmas in weapons() if words & lemmas), c)


def _own_clause(trigger, skip=frozenset()):
    """The trigger's phrase without the clauses hung on it, nor its own
    children of the dependencies in `skip`."""
    stack = [ch for ch in trigger.children if ch.dep_ not in skip and
             not (ch.dep_ == "prep" and ch.lemma_.lower() in VICTIM_PREPS)]
    out = [trigger]
    while stack:
        t = stack.pop()
        if t.dep_ in CLAUSE_DEPS:
            continue
        out.append(t)
        stack.extend(t.children)
    return out


# what a force verb is done to ("attacked a plane", "an attack on a tank convoy") names no weapon
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "poss"})
VICTIM_PREPS = frozenset({"on", "against", "at", "into", "toward", "towards", "near", "of"})


CLAUSE_DEPS = {"ccomp", "advcl", "conj", "relcl", "parataxis", "xcomp", "csubj", "cc"}


# a bare appeal, promise, demand or refusal about a political goal is one for reform
GENERIC_TO_GOAL = {"020": "024", "030": "034", "100": "104", "120": "123"}


def _governing_subject(verb, actors: ArticleActors) -> list[Found]:
    """"Yoruba leaders announced that they are willing to forgive him": an
    unresolved pronoun subject of a clause is the subject of the verb that
    governs it."""
    node = verb
    while node.dep_ in ("xcomp", "ccomp", "conj") or (node.dep_ == "acomp" and node.pos_ == "ADJ"):
        node = node.head
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS and c.tag_ != "PRP"), None)
        if subj is not None:
            return actors.for_phrase(subj)
    return []


def _responsible_party(tok):
    """The subject of "is responsible for / guilty of" governing tok, if any."""
    prep = tok.head
    adj = prep.head
    if tok.dep_ in ("pcomp", "pobj") and prep.dep_ == "prep" and adj.pos_ == "ADJ" \
            and adj.lower_ in RESPONSIBLE_ADJECTIVES and adj.dep_ == "acomp":
        return next((c for c in adj.head.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def _passive(verb) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _target_heads(verb, pattern: VerbPattern | None):
    """Candidate target heads in order of preference."""
    heads = []
    lex = lexicon()
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "issued a reminder to Iraq" parsed as dative "to"
            heads += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "dobj" and pattern is not None and pattern.cameo.startswith(CONSULT_ROOT) \
                and verb.lemma_.lower() in TOPIC_VERBS:
            continue  # "met Yoon to discuss North Korea's missile launches": a topic, not a party
        elif c.dep_ in ("dobj", "dative") or (c.dep_ in PASSIVE_SUBJECT_DEPS):
            heads.append(c)
            # "tightened the blockade of Serbia with Albania's help": an event
            # noun's own patient comes before the verb's other prepositions
            if (noun := noun_pattern(c, lex)) is not None:
                heads += [g for p in c.children if p.dep_ == "prep" and p.lower_ in (noun.preps or {"of"})
                          for g in p.children if g.dep_ == "pobj"]
        elif c.dep_ == "prt":  # "kidnapped up to 16 Russian advisers": a quantity read as a particle
            heads += [g for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    # "denounced as an ugly crime Serbia's suppression of...": the object in apposition
    heads += [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
              for g in p.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]
    # "issued a reminder Saturday to Iraq": a prepositional phrase hung on a date
    preps = list(verb.children) + [p for d in verb.children if d.dep_ == "npadvmod" for p in d.children]
    for c in preps:
        if c.dep_ in ("prep",) and (c.lemma_.lower() in TARGET_PREPS or (pattern and c.lemma_.lower() == pattern.prep)):
            heads.extend(g for g in c.children if g.dep_ == "pobj")
    objects = list(heads) + [cc for h in heads for cc in h.conjuncts  # "artillery, mortar and rocket fire against"
                             if not is_absolute_subject(cc)]
    owners, places = [], []
    for c in objects:  # "launched missiles into Israel": object's own prepositional objects
        for p in c.children:
            if p.dep_ == "prep" and p.lemma_.lower() in TARGET_PREPS:
                places.extend(g for g in p.children if g.dep_ == "pobj")
    for c in objects:  # "demanded the withdrawal of Serbian forces", "rejected Reagan's statement"
        for p in c.children:
            if p.dep_ == "poss" and p.pos_ != "PRON":  # "their homeland" is the subject's own
                owners.append(p)
            elif p.dep_ in ("compound", "amod", "nmod") and p.i < c.i:  # "vetoed a Security Council resolution"
                owners.append(p)
            elif p.dep_ == "prep" and p.lower_ in OBJECT_OWNER_PREPS:
                owners.extend(g for g in p.children if g.dep_ == "pobj")
    # A demand, appeal or rejection is addressed to whoever owns its object:
    # "demanded the withdrawal of Serbian forces from Bosnia" is made of Serbia.
    if pattern is not None and pattern.cameo.startswith(OWNER_IS_TARGET):
        heads += owners + places
    else:
        heads += places + owners
    for c in verb.children:  # "urged Iran to stop": object of the xcomp/ccomp's subject
        if c.dep_ in ("ccomp", "xcomp") and not (pattern is not None and pattern.cameo.startswith(UNADDRESSED_ROOTS)):
            heads.extend(g for g in c.children if g.dep_ in SUBJECT_DEPS)
    # last, one level deeper: "suspended part of a military aid program for Bosnia"
    for c in list(heads):
        heads += [g for p in c.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS | OBJECT_OWNER_PREPS
                  for g in p.children if g.dep_ == "pobj"]
    return heads


def _actors(heads, actors: ArticleActors, avoid: list[Found] = ()) -> list[Found]:
    """The first head that names actors, preferring one that names a country or
    a known actor over a bare sector ("withdraw its troops from Lebanon": Lebanon)
    and over the source's own country."""
    own = {f.actor.country for f in avoid if f.actor.country}
    fallback: list[Found] = []
    for h in heads:
        found = [f for f in actors.for_phrase(h) if all(f.actor.id != a.actor.id for a in avoid)
                 and not _possessor_conjunct(f, h)]
        if not found:
            continue
        if all(f.actor.country and f.actor.country not in own for f in found):
            return found
        fallback = fallback or found
    return fallback


def _possessor_conjunct(f: Found, head) -> bool:
    """"attacks on Lebanon and Iran's retaliation": the parser may attach
    "Iran's" as a second target; a conjunct marked possessive owns what follows."""
    if head.i in range(f.start, f.end):
        return False
    last = head.doc[f.end - 1]
    return last.dep_ == "conj" and any(c.dep_ == "case" for c in last.children)


def _location_countries(verb):
    """When nothing else is the target, the country an act happened in is
    ("struck targets in Lebanon", "arrived in Amman"): objects of "in" that
    name a country."""
    heads = []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for p in verb.children if p.dep_ == "prep" and p.lower_ != "in"
                for g in p.children if g.dep_ == "pobj"]  # "fired at targets in Jericho"
    for c in [verb] + objects:
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                heads.extend(g for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", ""))
    return heads


def _embedded_target_heads(verb, pattern):
    """Targets named inside an infinitive or that-clause the verb governs:
    "offered to hand over to Great Britain"."""
    heads = []
    if pattern is not None and pattern.cameo.startswith(STATEMENT_ROOT):
        return heads  # "argued the conflict was between Israel and Palestine" is said to no one there
    reciprocal = any(c.dep_ == "advmod" and c.lower_ in ("together", "jointly") for c in verb.children)
    for c in verb.children:
        # a purpose clause names whom the act is aimed at ("opened fire to disperse
        # demonstrators"), unless the act is done together ("worked together to stop")
        purpose = c.dep_ == "advcl" and not reciprocal and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if (_is_complement(c) or purpose) and c.pos_ in ("VERB", "AUX"):
            heads += [h for h in _target_heads(c, None) if h.dep_ not in SUBJECT_DEPS]
            if pattern is not None and pattern.cameo.startswith(THREAT_ROOT):
                # "threatened to halt talks if the United States goes ahead",
                # "threatened to resume attacks in Israel"
                heads += _condition_subjects(c) + _condition_subjects(verb) + _location_countries(c)
    return heads


THREAT_ROOT = "13"
# "agreed that Pyongyang's provocations threaten the region" (019): statements
# and consultations are not addressed to the subject of their clause
UNADDRESSED_ROOTS = ("01", "04")
TOPIC_VERBS = {"discuss", "debate", "review", "examine", "address"}


def _condition_subjects(verb):
    """Subjects of the verb's if/unless clauses."""
    return [s for a in verb.children if a.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in a.children)
            for s in a.children if s.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]


# -- modality -------------------------------------------------------------------

def modality_of(verb, lex: Lexicon) -> str:
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


# -- the coder ------------------------------------------------------------------

@dataclass
class Candidate:
    cameo: str
    trigger: object  # spaCy Token
    sources: list[Found]
    targets: list[Found]
    modality: str
    constraints: int
    nominal: bool = False


UNPLACED_ACTOR = 0.1


def _unplaced(actor) -> bool:
    """A role word ("the army") or a person no country could be found for;
    IGOs and named groups need none."""
    return not actor.country and (actor.role is not None or actor.kind == "person")


def _confidence(c: Candidate, source: Found | None, target: Found | None) -> float:
    score = 0.45 + 0.08 * c.constraints
    score += 0.2 if source is not None else 0.0
    score += 0.15 if target is not None else 0.0
    # "the army", "police": an actor no one can place is half an event
    score -= sum(UNPLACED_ACTOR for f in (source, target) if f is not None and _unplaced(f.actor))
    score += 0.05 if len(c.cameo) > 2 else 0.0
    if c.cameo in ("01", "010"):  # a bare statement; 011-019 say more
        score -= 0.25
    if c.nominal:
        score -= 0.1
    return max(0.05, min(0.95, score))


def _verb_candidates(sent, actors: ArticleActors, lex: Lexicon) -> list[Candidate]:
    out = []
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            continue
        if tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass"):
            continue
        p = match_verb(tok, lex)
        if p is not None and p.lemma == "agree" and p.cameo == "030" and _agrees_on_a_view(tok):
            p = AGREE_ON_A_VIEW
        if p is None and _deontic(tok, lex):
            p = UNCODED_OBLIGATION  # "X must ensure security", said by Y, is Y's demand on X
        if p is None:
            continue
        passive = _passive(tok)
        subj = _subject_head(tok)
        if passive and tok.lemma_.lower() in STATIVE_PARTICIPLES:
            # "Vietnam is committed to opening up", "Israel is opposed to mediation"
            sources = _actors([c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS], actors)
            targets = _actors(_target_heads(tok, p), actors, sources)
        elif passive:
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            sources = actors.for_phrase(agent) if agent is not None else []
            targets = _actors([c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS], actors) or \
                _actors(_target_heads(tok, p), actors, sources)
            if not sources and p.cameo.startswith(STATE_ACTS):
                # "was arrested in Lebanon": arrests and expulsions are the state's
                sources = _actors(_location_countries(tok), actors, targets)
            elif not sources and p.cameo.startswith(VIOLENT_ROOTS):
                sources = [f for f in [actors.unidentified_attackers(tok)] if f is not None]
        else:
            sources = actors.for_phrase(subj) if subj is not None else []
            if not sources and subj is not None and subj.tag_ == "PRP":
                sources = _governing_subject(tok, actors)
            if not sources and subj is not None and p.cameo.startswith(VIOLENT_ROOTS) and \
                    (weapon := noun_pattern(subj, lex)) is not None and weapon.cameo.startswith(VIOLENT_ROOTS):
                # "A car bombing in Mogadishu killed five people": the bombing's code, by no one named
                p = replace(p, cameo=weapon.cameo)
                sources = [f for f in [actors.unidentified_attackers(subj) or actors.unidentified_attackers(tok)]
                           if f is not None]
            targets = _actors(_target_heads(tok, p), actors, sources) or \
                _actors(_embedded_target_heads(tok, p), actors, sources)
        if all(_unplaced(t.actor) for t in targets) and not p.cameo.startswith(PLACE_IS_NOT_TARGET):
            # nothing, or only a bare "troops": the country it happens in
            heads = _location_countries(tok) + [g for h in _target_heads(tok, p) for q in h.children
                                                if q.dep_ == "prep" and q.lower_ == "in"
                                                for g in q.children if g.dep_ == "pobj"]
            targets = _actors(heads, actors, sources) or targets
        if not targets and p.cameo.startswith(PROTEST_ROOT) and subj is not None:
            # "Demonstrators in Baghdad blocked a road": a protest is aimed at
            # the state it takes place in.
            targets = _actors([g for c in subj.children if c.dep_ == "prep" and c.lower_ == "in"
                               for g in c.children if g.dep_ == "pobj"], actors, sources)
        targets = [t for t in targets if all(t.actor.id != s.actor.id for s in sources)]
        if p.cameo.startswith(YIELD_ROOT) and _stops_anothers_act(tok, sources, actors):
            continue
        modality = modality_of(tok, lex)
        cameo = intent_code(p.cameo, lex) if modality == "intended" else p.cameo
        out.append(Candidate(cameo, tok, sources, targets, modality, p.constraints))
    return out


def noun_pattern(tok, lex: Lexicon) -> NounPattern | None:
    """The noun's row, preferring one for the noun with its modifier: "military
    aid" (072) before "aid" (070), "hunger strike" (142) before "strike"."""
    lemma = tok.lemma_.lower()
    for m in tok.children:
        if m.dep_ in ("amod", "compound", "nmod"):
            p = lex.nouns.get(f"{m.lemma_.lower()} {lemma}")
            if p is not None:
                return p
    if _withdraws_a_policy(tok, lex):
        return NounPattern(lemma, frozenset({"of"}), POLICY_CHANGE)  # "withdrawal of a tax increase"
    return lex.nouns.get(lemma)


WITHDRAWAL = "0874"
POLICY_CHANGE = "0832"


def _withdraws_a_policy(noun, lex: Lexicon) -> bool:
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


def _noun_candidates(sent, actors: ArticleActors, lex: Lexicon, taken: set[int]) -> list[Candidate]:
    out = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken:
            continue
        p = noun_pattern(tok, lex)
        if p is None:
            continue
        sources: list[Found] = []
        if (owner := _stranded_possessor(tok)) is not None and owner.i in actors.by_token:
            sources = [actors.by_token[owner.i]]
        for c in tok.children:
            if not sources and c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in actors.by_token:
                sources = actors.for_phrase(c)
                break
        if not sources and (party := _responsible_party(tok) or _light_verb_subject(tok)
                            or _announcer(tok)) is not None:
            sources = actors.for_phrase(party)
        targets: list[Found] = []
        objects = []
        for c in tok.children:
            if c.dep_ == "prep" and (c.lemma_.lower() in p.preps or (not p.preps and c.lemma_.lower() in TARGET_PREPS)):
                objects = [g for g in c.children if g.dep_ == "pobj"]
                targets = _actors(objects, actors)
                if targets:
                    break
        if not targets:  # "a suspension of air links with Serbia"
            targets = _actors([g for o in objects for q in o.children if q.dep_ == "prep"
                               and q.lower_ in TARGET_PREPS for g in q.children if g.dep_ == "pobj"], actors)
        if not targets and not p.cameo.startswith(PLACE_IS_NOT_TARGET) and _light_verb_subject(tok) is not None:
            targets = _actors(_location_countries(tok.head.head), actors, sources)  # "engaged in X in Kosovo"
        targets = [t for t in targets if all(t.actor.id != s.actor.id for s in sources)]
        if sources or targets:
            out.append(Candidate(p.cameo, tok, sources, targets, "asserted", 1 if p.preps else 0, nominal=True))
    return out


@cache
def event_adjectives() -> dict[str, tuple[str, str]]:
    return {r["lemma"]: (r["prep"], r["cameo"]) for r in read_tsv("event_adjectives.tsv")}


def _adjective_candidates(sent, actors: ArticleActors, lex: Lexicon) -> list[Candidate]:
    """"Türkiye, fiercely critical of Israel's offensive, ...", "Iran is
    supportive of the talks": a stance held by the noun or subject the
    adjective describes, toward the object of its preposition."""
    out = []
    for tok in sent:
        entry = event_adjectives().get(tok.lemma_.lower()) if tok.pos_ == "ADJ" else None
        if entry is None:
            continue
        prep, cameo = entry
        objects = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == prep
                   for g in c.children if g.dep_ == "pobj"]
        if not objects:
            continue
        if tok.dep_ == "acomp":
            holder, clause = _subject_head(tok.head), tok.head
        elif tok.dep_ in ("amod", "appos", "advcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            holder, clause = tok.head, tok
        else:
            continue
        sources = actors.for_phrase(holder) if holder is not None else []
        targets = [t for t in _actors(objects, actors) if all(t.actor.id != s.actor.id for s in sources)]
        if sources or targets:
            out.append(Candidate(cameo, tok, sources, targets, modality_of(clause, lex), 1))
    return out


def _stranded_possessor(noun):
    """"attacks on Lebanon and Iran's retaliation": the parser makes "Iran" a
    conjunct of "Lebanon", but its "'s" says it owns the noun right after it."""
    if noun.i < 2 or noun.doc[noun.i - 1].dep_ != "case":
        return None
    owner = noun.doc[noun.i - 1].head
    return owner if owner.head.i != noun.i and owner.dep_ == "conj" else None


def code_sentence(sent, actors: ArticleActors) -> list[Candidate]:
    lex = lexicon()
    verbs = _verb_candidates(sent, actors, lex) + _adjective_candidates(sent, actors, lex)
    # A noun that is a verb's complement ("launched attacks") is already coded by
    # the verb; one a bare statement announces ("announced a suspension of air
    # links with Serbia") is the news itself.
    taken = {c.i for v in verbs if v.cameo not in ("01", "010") for c in v.trigger.children}
    return _forewarnings(verbs + _noun_candidates(sent, actors, lex, taken))


def _forewarnings(candidates: list[Candidate]) -> list[Candidate]:
    """"Erdoğan warned that Israel may target Türkiye" is his pessimistic
    comment (012) about Israel, who is the one that may attack; only a warning
    of the warner's own act ("warned it would retaliate") is a threat."""
    out = []
    for c in candidates:
        act = _warned_act(c, candidates) if c.cameo.startswith(THREAT_ROOT) and \
            c.trigger.lemma_.lower() in WARNING_VERBS else None
        if act is not None and act.sources and not {s.actor.id for s in act.sources} & {s.actor.id for s in c.sources}:
            c = replace(c, cameo="012", targets=act.sources)
        out.append(c)
    return out


def _warned_act(c: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The event in a warning's that-clause, with a subject of its own (not an
    infinitive: "warned Iran not to attack" is addressed to Iran). The small
    parser may hang the warning under the act ("Erdoğan warned X may target Y")."""
    for e in candidates:
        if e is c:
            continue
        if e.trigger.dep_ == "ccomp" and e.trigger.head.i == c.trigger.i:
            subject = next((t for t in e.trigger.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        elif c.trigger.dep_ == "ccomp" and c.trigger.head.i == e.trigger.i and c.trigger.i < e.trigger.i:
            subject = next((t for t in c.trigger.children if t.dep_ == "dobj"), None)  # the misparse
        else:
            continue
        if subject is not None and subject.tag_ != "PRP":
            return e
    return None


WARNING_VERBS = {"warn", "caution"}


def _pairs(c: Candidate):
    if c.sources and c.targets:
        for s in c.sources:
            for t in c.targets:
                yield s, t
        if c.cameo in SYMMETRIC_CODES and not c.nominal:
            # "Christopher telephoned Kozyrev": each consulted the other
            for s in c.sources:
                for t in c.targets:
                    yield t, s
    elif len(c.sources) > 1 and not c.targets:
        # Reciprocal: "Iran and Türkiye will continue working together".
        for s in c.sources:
            for t in c.sources:
                if s is not t:
                    yield s, t
    elif c.sources:
        for s in c.sources:
            yield s, None
    elif c.targets:
        for t in c.targets:
            yield None, t


def code_events(doc, actors: ArticleActors, article_id: str,
                min_confidence: float = None) -> list[Event]:
    """Every event in a parsed, actor-resolved article, in text order: those
    whose calibrated `confidence` is at least `min_confidence`, or by default
    those the coder ranks at least MIN_SCORE."""
    events: list[Event] = []
    lex = lexicon()
    for si, sent in enumerate(doc.sents):
        candidates = code_sentence(sent, actors)
        by_trigger = {c.trigger.i: c for c in candidates}
        for c in candidates:
            if c.trigger.pos_ in ("NOUN", "PROPN") and actors.at(c.trigger) is not None:
                continue  # "Cooperation" in "Asia-Pacific Economic Cooperation" is a name, not an event
            governor = by_trigger.get(c.trigger.head.i) if _is_complement(c.trigger) else \
                by_trigger.get(c.trigger.head.head.i) if c.trigger.dep_ == "pcomp" or _noun_clause(c.trigger) else None
            if governor is not None and governor.cameo[:2] in SUBSUMING_ROOTS:
                continue
            # "Baghaei said" is not news when a coded event sits inside what he said.
            if c.cameo in ("01", "010") and _governs_event(c.trigger, candidates):
                continue
            reporter = _reporter(c.trigger, candidates)
            c = _as_demand_or_threat(_specific_speech_act(c, candidates, lex), reporter, lex)
            if not c.cameo:
                continue
            c = _with_weapon(_with_political_goal(c))
            if c.cameo.startswith(CONSULT_ROOT) and len({s.actor.country for s in c.sources}) > 1 \
                    and c.targets and all(t.form in ("place", "capital") for t in c.targets):
                c = replace(c, targets=[])  # "U.S. and Russian negotiators return to Geneva": each other
            code = lookup(c.cameo)
            for source, target in _pairs(c):
                source, target = actors.sentence_country(source, sent), actors.sentence_country(target, sent)
                if target is None and c.cameo.startswith(DOMESTIC_CODES):
                    target = _home_country(source, sent, actors)
                toks = [c.trigger.i]
                for f in (source, target):
                    if f is not None and sent.start <= f.start < sent.end:
                        toks += [f.start, f.end - 1]
                start, end = doc[min(toks)].idx, doc[max(toks)].idx + len(doc[max(toks)])
                events.append(Event(
                    id=f"{article_id}-e{len(events) + 1}",
                    source=source.mention(doc) if source else None,
                    target=target.mention(doc) if target else None,
                    cameo=code.code, root=code.root, quad_class=code.quad_class,
                    goldstein=code.goldstein, plover=code.plover,
                    modality=c.modality, trigger=c.trigger.text, sentence_index=si,
                    span=(start, end), confidence=0.0,
                    reported_by=reporter.mention(doc) if reporter else None,
                    trigger_token=c.trigger.i,
                    score=max(0.05, _confidence(c, source, target) - DEPTH_PENALTY * _depth(c.trigger, by_trigger)),
                ))
    for e in events:
        e.confidence = probability(e)
    # by default the coder's own ranking drops weak candidates; a threshold
    # the user gives is on the calibrated probability
    kept = [e for e in events if (e.score >= MIN_SCORE if min_confidence is None else e.confidence >= min_confidence)]
    for n, e in enumerate(kept, 1):
        e.id = f"{article_id}-e{n}"
    return kept


DEPTH_PENALTY = 0.15
# Acts aimed at one's own state and people when no one else is named: protests,
# repression, easing it ("Egyptian demonstrators rioted", "Sudan's government
# lifted the state of emergency"), and threats of them. Not resigning or surrendering.
DOMESTIC_CODES = ("081", "082", "14", "17", "132", "133", "137")
# Acts both parties do to each other: consult, phone, negotiate, sign.
SYMMETRIC_CODES = {"040", "041", "046", "057"}


def _home_country(source: Found | None, sent, actors: ArticleActors) -> Found | None:
    """The sentence's mention of the source's own country ("Egyptian" in
    "Egyptian demonstrators"), when the source is not that mention itself."""
    if source is None or not source.actor.country or source.actor.kind == "country":
        return None
    return next((f for f in actors.found if f.actor.kind == "country" and f.actor.country == source.actor.country
                 and sent.start <= f.start < sent.end), None)
# Below this score an event has neither actors on both sides nor a main-clause
# verb: on the PLOVER dev set such events were 3 right in 60 (`eventwire code
# --min-confidence 0` keeps them).
MIN_SCORE = 0.45
# Hostile acts that, said as possible ("could strike", "may halt mediation if"),
# are threats: protest, reduce relations, coerce, unconventional violence, force.
THREAT_ROOTS = ("14", "16", "17", "18", "19", "20")


def _consequence(verb, lex: Lexicon) -> bool:
    """"X will pay (for it)": said by another, the speaker threatens X."""
    return ("consequence", verb.lemma_.lower()) in lex.modality


def _as_demand_or_threat(c: Candidate, reporter: Found | None, lex: Lexicon) -> Candidate:
    """CAMEO codes the speech act, not the act spoken of. "Israel must withdraw",
    said by Egypt, is Egypt demanding (106) of Israel; "we could strike if
    attacked" and "Hamas may halt talks unless ..." are threats (138, 134);
    "Iran will pay", said by Netanyahu, is his threat against Iran."""
    if c.cameo.startswith("13") and _consequence(c.trigger, lex):
        if reporter is None or any(s.actor.id == reporter.actor.id for s in c.sources):
            return replace(c, cameo="")  # no one to make the threat
        return replace(c, sources=[reporter], targets=c.sources, modality="asserted")
    if reporter is not None and c.sources and _deontic(c.trigger, lex) \
            and all(s.actor.id != reporter.actor.id for s in c.sources):
        code = demand_code(c.cameo, lex) if c.cameo else "100"
        if code is not None:
            return replace(c, cameo=code, sources=[reporter], targets=c.sources, modality="asserted")
    if c.modality == "hypothetical" and c.cameo.startswith(THREAT_ROOTS) and c.sources and (
            _conditioned(c.trigger, lex)
            or (reporter is not None and any(s.actor.id == reporter.actor.id for s in c.sources))):
        return replace(c, cameo=intent_code(c.cameo, lex))
    return c


SPEECH_ACT_KINDS = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "intent"}
GENERIC_SPEECH_ACTS = {"02", "020", "03", "030", "10", "100", "12", "120", "13", "130"}


def _specific_speech_act(c: Candidate, candidates: list[Candidate], lex: Lexicon) -> Candidate:
    """An appeal, promise, demand, rejection or threat takes the most specific
    code the act it is about supports: "warned it would retaliate" is 138,
    "urged Israel to release the prisoners" 0253, "asked for military aid" 0232."""
    kind = SPEECH_ACT_KINDS.get(c.cameo[:2])
    if kind is None:
        return c
    # a generic code may become any code of its root; a specific one only a sub-code
    prefix = c.cameo[:2] if c.cameo in GENERIC_SPEECH_ACTS else c.cameo

    def refines(code):
        return code is not None and code != c.cameo and code.startswith(prefix) \
            and (c.cameo in GENERIC_SPEECH_ACTS or len(code) > len(c.cameo))

    for e in candidates:
        if e is not c and _noun_clause(e.trigger) and e.trigger.head.head.i == c.trigger.i:
            # "reiterated its demand that Israel ease restrictions": made of Israel
            code = _most_specific(e.cameo, getattr(lex, kind))
            if refines(code) or (code is not None and code.startswith(c.cameo[:2])):
                return replace(c, cameo=code if refines(code) else c.cameo, targets=e.sources or c.targets)
        if e is c or e.trigger.head.i != c.trigger.i or not _is_complement(e.trigger):
            continue
        if _consequence(e.trigger, lex) and e.cameo.startswith("13"):
            # "vowed that Iran would pay for the attacks": a threat against Iran
            return replace(c, cameo=e.cameo, targets=e.sources or c.targets)
        code = e.cameo if e.cameo.startswith(c.cameo[:2]) else _most_specific(e.cameo, getattr(lex, kind))
        if refines(code):
            return replace(c, cameo=code)
    # "asked Portugal for military aid", "urged him to send peacekeeping troops"
    embedded = [e for e in c.trigger.children if _is_complement(e) and e.pos_ in ("VERB", "AUX")]
    for noun in _complement_nouns(c.trigger) + [n for e in embedded for n in _complement_nouns(e)]:
        p = noun_pattern(noun, lex)
        code = _most_specific(p.cameo, getattr(lex, kind)) if p is not None else None
        if refines(code):
            return replace(c, cameo=code)
    return c


def _noun_clause(tok) -> bool:
    """A that- or to-clause completing the verb's object noun: "its demand
    that Israel ease restrictions", "a request to interrogate detainees"."""
    return tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj") and any(
        (c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children)


def _complement_nouns(verb):
    """The verb's object and the objects of its prepositions, one level down."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out.append(c)
        elif c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ == "pobj"]
    for n in list(out):
        for p in n.children:
            if p.dep_ == "prep":
                out += [g for g in p.children if g.dep_ == "pobj"]
    return [n for n in out if n.pos_ in ("NOUN", "PROPN")]


def _deontic(verb, lex: Lexicon) -> bool:
    """must, should, ought to, needs to, has to; not "must be able to" or
    "should be allowed to", which ask others to enable the subject."""
    if verb.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in ENABLED_WORDS
                                           for c in verb.children):
        return False
    if any(c.dep_ == "aux" and ("deontic", c.lower_) in lex.modality for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and ("deontic governor", verb.head.lemma_.lower()) in lex.modality


def _conditioned(verb, lex: Lexicon) -> bool:
    """The act hangs on a condition: "... if attacked", "... unless Israel withdraws"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and ("condition", m.lower_) in lex.modality
                                         for m in c.children) for c in verb.children)


def _depth(trigger, by_trigger: dict) -> int:
    """How many content words the trigger sits under, not counting the speech
    verbs that report it: the main clause's event is the news, one inside a
    relative clause, an accusation's content or an adverbial is background."""
    n, tok = 0, trigger
    # An event noun sits inside noun phrases by nature ("amid Israel's attacks
    # on Gaza"): only the clauses above it make it background.
    counted = ("VERB", "AUX") if trigger.pos_ in ("NOUN", "PROPN") else ("VERB", "NOUN", "ADJ", "AUX")
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



def _head_chain(tok) -> set[int]:
    out = set()
    while tok.head.i != tok.i:
        tok = tok.head
        out.add(tok.i)
    return out


def _governs_event(statement, candidates: list[Candidate]) -> bool:
    return any(c.trigger.i != statement.i and statement.i in _head_chain(c.trigger) for c in candidates)


def _reporter(trigger, candidates: list[Candidate]) -> Found | None:
    """The speaker of a statement verb that governs this trigger, if any."""
    chain = _head_chain(trigger)
    for c in candidates:
        if c.trigger.i in chain and c.cameo.startswith(STATEMENT_ROOT) and c.sources:
            return c.sources[0]
    return None
