"""Who did it and to whom: the source from the subject (or the passive agent,
or the governing clause for "vowed to attack"), targets from the object, a
prepositional object, the owner of the object or the country an act happened in.

It does not decide which actor a phrase names: that is the actors package."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import absolute_subject, ArticleActors, Found, is_absolute_subject
from .cameo import CONSULT_ROOT, STATEMENT_ROOT, THREAT_ROOT
from .lexicon import lexicon, VerbPattern, words
from .patterns import match_verb, noun_pattern
from .syntax import ACTIVE_SUBJECT_DEPS, PASSIVE_SUBJECT_DEPS, is_complement, is_for_infinitive, is_passive

if TYPE_CHECKING:
    from spacy.tokens import Token


OWNER_IS_TARGET = ("02", "10", "11", "12")
# "agreed that the provocations threaten the region" (019): statements
# and consultations are not addressed to the subject of their clause
UNADDRESSED_ROOTS = ("01", "04")


def subject_head(verb: Token) -> Token | None:
    """The token heading the verb's source: subject, passive agent, or inherited."""
    for c in verb.children:
        if c.dep_ in ACTIVE_SUBJECT_DEPS:
            if c.tag_ == "WDT" or c.lower_ in words("relative_pronoun"):
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
        return subject_head(verb.head)
    if verb.dep_ == "ccomp" and verb.head.tag_ in ("VBD", "VBN") and verb.head.i < verb.i and any(
            x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in verb.head.children):
        # "Masked men believed to be part of a ring opened fire": the small parser makes
        # the participle the main verb and the real verb its subjectless complement
        return next((c for c in verb.head.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)
    # "Oman is ready to host talks", "Iran is willing to talk": through the adjective
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ in ("acomp", "amod") \
            and verb.head.head.i != verb.head.i:
        return subject_head(verb.head.head)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ == "acl" and (verb.tag_ == "VBD" or verb.head.dep_ == "ROOT") and verb.head.i < verb.i:
        return verb.head  # "..., an opposition party protested": a finite verb misparsed as a modifier
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN") \
            and verb.head.lemma_.lower() not in words("statement_noun"):
        return verb.head  # "students protesting the tuition increase"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" \
            and verb.head.lemma_.lower() in words("statement_noun"):
        # "issued a statement demanding that ...": the issuer demands
        return subject_head(verb.head.head)
    # "Modi has warned Pakistan's army may very well target India": the small
    # parser hangs "warned" under "target" and takes the real subject as its object
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i < verb.i:
            obj = next((o for o in c.children if o.dep_ == "dobj" and o.i < verb.i), None)
            if obj is not None and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"
                                           for t in verb.doc[obj.i + 1:verb.i]):
                return obj
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        # "resorted to burning tyres": the governing verb's subject acts;
        # "accused Iran of attacking", "stopped X from entering": its object does
        governor = verb.head.head
        obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
        return obj if obj is not None else subject_head(governor)
    return responsible_party(verb) or claimant(verb)


def act_agent(verb: Token) -> Token | None:
    """"Five civilians were killed in an airstrike by the coalition", "were
    detained in a series of night raids by police": an agentless passive that
    happened in an act (an event noun after an event_words.tsv
    circumstance_prep, through "a series of") was done by whoever the noun's
    by-phrase names; the parser may hang that by-phrase on the verb itself."""
    lex = lexicon()
    for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in words("circumstance_prep")):
        for noun in (g for g in p.children if g.dep_ in ("pobj", "pcomp")):
            nouns = [noun] + [o for q in noun.children if q.dep_ == "prep" and q.lower_ == "of"
                              for o in q.children if o.dep_ == "pobj"]
            if not any(noun_pattern(n, lex) is not None or (n.dep_ == "pcomp" and match_verb(n, lex) is not None)
                       for n in nouns):
                continue
            by = [g for n in nouns for q in n.children if q.dep_ == "prep" and q.lower_ == "by"
                  for g in q.children if g.dep_ == "pobj"]
            by += [g for q in verb.children if q.dep_ in ("prep", "agent") and q.lower_ == "by" and q.i > noun.i
                   for g in q.children if g.dep_ == "pobj"]
            if by:
                return by[0]
    return None


def launch_origins(verb: Token) -> list[Token]:
    """"a missile fired from Yemen", "drones launched from the Russian border":
    where a weapon was sent off (the from-phrase of an event_words.tsv
    launch_verb), which is the side that fired it, not its target."""
    if verb.lemma_.lower() not in words("launch_verb"):
        return []
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
            for g in p.children if g.dep_ == "pobj"]


def launcher(weapon: Token) -> tuple[Token | None, list[Token]]:
    """Who fired a weapon a participle describes: "Missiles fired by Iran hit
    Erbil" (the agent), "A drone launched from Lebanon struck a house" (the
    origin, as a place)."""
    for acl in (c for c in weapon.children if c.dep_ == "acl" and c.lemma_.lower() in words("launch_verb")):
        agent = next((g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        if agent is not None or launch_origins(acl):
            return agent, launch_origins(acl)
    return None, []


def stops_anothers_act(verb: Token, sources: list[Found], actors: ArticleActors) -> bool:
    """"work together to stop Russia's strikes" is no de-escalation by the subject: only
    the owner of an act can yield it."""
    own = {s.actor.id for s in sources}
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for owner in (c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"):
            found = actors.for_phrase(owner)
            if found and all(f.actor.id not in own for f in found):
                return True
    return False


def announcer(noun: Token) -> Token | None:
    """"Spain announced the suspension of arms exports": who announces an act does it."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in words("announcing_verb"):
        return subject_head(noun.head)
    return None


def light_verb_subject(noun: Token) -> Token | None:
    prep = noun.head
    verb = prep.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and verb.lemma_.lower() in words("light_verb"):
        if is_passive(verb):  # "were engaged in", "was involved in"
            return next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        return subject_head(verb) if verb.lemma_.lower() != "involve" else None
    return None


def decided_by(noun):
    """"The ministers reached an agreement on a fresh round of tariffs":
    an act a decision noun is about (data/event_words.tsv decision_noun), up
    a chain of on/of/over phrases, is done by the subject of the verb the
    decision noun is the object of."""
    n, seen_decision = noun, False
    for _ in range(4):
        if n.dep_ != "pobj" or n.head.lower_ not in ("on", "of", "over", "for"):
            break
        n = n.head.head
        seen_decision = seen_decision or n.lemma_.lower() in words("decision_noun")
        if n.dep_ == "dobj" and seen_decision and n.head.pos_ == "VERB":
            return subject_head(n.head) if not is_passive(n.head) else None
    return None


def governing_subject(verb: Token, actors: ArticleActors) -> list[Found]:
    """"Tuareg leaders declared that they would meet the mediators": an
    unresolved pronoun subject of a clause is the subject of the verb that
    governs it."""
    node = verb
    while node.dep_ in ("xcomp", "ccomp", "conj") or (node.dep_ == "acomp" and node.pos_ == "ADJ"):
        node = node.head
        subj = next((c for c in node.children if c.dep_ in ACTIVE_SUBJECT_DEPS and c.tag_ != "PRP"), None)
        if subj is not None:
            return actors.for_phrase(subj)
    return []


def claimant(tok: Token) -> Token | None:
    """"Al-Shabaab claimed responsibility for the bombing", "took responsibility
    for attacking the convoy": whoever claims an act (a claim_noun of
    event_words.tsv, the object of a verb) did it."""
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    noun = prep.head
    if noun.lemma_.lower() in words("claim_noun") and noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return subject_head(noun.head)
    return None


def responsible_party(tok: Token) -> Token | None:
    """The subject of "is responsible for / guilty of" governing tok, if any."""
    prep = tok.head
    adj = prep.head
    if tok.dep_ in ("pcomp", "pobj") and prep.dep_ == "prep" and adj.pos_ == "ADJ" \
            and adj.lower_ in words("responsible_adjective") and adj.dep_ == "acomp":
        return next((c for c in adj.head.children if c.dep_ in ACTIVE_SUBJECT_DEPS), None)
    return None


def target_heads(verb: Token, pattern: VerbPattern | None) -> list[Token]:
    """Candidate target heads in order of preference."""
    heads = []
    lex = lexicon()
    for c in verb.children:
        if c.dep_ == "dative" and c.pos_ == "ADP":  # "issued a reminder to Iraq" parsed as dative "to"
            heads += [g for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ == "dobj" and pattern is not None and pattern.cameo.startswith(CONSULT_ROOT) \
                and verb.lemma_.lower() in words("topic_verb"):
            continue  # "met the minister to discuss the naval drills": a topic, not a party
        elif c.dep_ in ("dobj", "dative") or (c.dep_ in PASSIVE_SUBJECT_DEPS):
            heads.append(c)
            # "tightened the siege of Gaza with Israel's help": an event
            # noun's own patient comes before the verb's other prepositions
            if (noun := noun_pattern(c, lex)) is not None:
                heads += [g for p in c.children if p.dep_ == "prep" and p.lower_ in (noun.preps or {"of"})
                          for g in p.children if g.dep_ == "pobj"]
        elif c.dep_ == "prt":  # "kidnapped up to 16 Chinese engineers": a quantity read as a particle
            heads += [g for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    # "condemned as a grave injustice Iran's treatment of...": the object in apposition
    heads += [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
              for g in p.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]
    # "issued a reminder Monday to Venezuela": a prepositional phrase hung on a date
    preps = list(verb.children) + [p for d in verb.children if d.dep_ == "npadvmod" for p in d.children]
    for c in preps:
        if c.dep_ in ("prep",) and (c.lemma_.lower() in words("target_prep")
                                   or (pattern and c.lemma_.lower() == pattern.prep)):
            heads.extend(g for g in c.children if g.dep_ == "pobj")
    heads += named_things(verb)
    objects = list(heads) + [cc for h in heads for cc in h.conjuncts  # "artillery, mortar and rocket rounds against"
                             if not is_absolute_subject(cc)]
    owners, places = [], []
    for c in objects:  # "launched missiles into Ukraine": object's own prepositional objects
        for p in c.children:
            if p.dep_ == "prep" and p.lemma_.lower() in words("target_prep") and not (
                    c.lemma_.lower() in words("topic_noun") and p.lower_ in words("topic_prep")):
                # but "shared information on North Korea" is about it, not with it
                places.extend(g for g in p.children if g.dep_ == "pobj")
    for c in objects:  # "demanded the withdrawal of Rwandan troops", "rejected the minister's statement"
        for p in c.children:
            if p.dep_ == "poss" and p.pos_ != "PRON":  # "their homeland" is the subject's own
                owners.append(p)
            elif p.dep_ in ("compound", "amod", "nmod") and p.i < c.i:  # "vetoed a Security Council resolution"
                owners.append(p)
            elif p.dep_ == "prep" and p.lower_ in words("owner_prep"):
                owners.extend(g for g in p.children if g.dep_ == "pobj")
        if pattern is not None and pattern.cameo.startswith(OWNER_IS_TARGET):
            # "rejected the plan put forward by Poland"; but "talks hosted by Malaysia" are not its own
            owners += participle_agents(c)
    # A demand, appeal or rejection is addressed to whoever owns its object:
    # "demanded the withdrawal of Rwandan troops from Congo" is made of Rwanda.
    if pattern is not None and pattern.cameo.startswith(OWNER_IS_TARGET):
        heads += owners + places
    else:
        heads += places + owners
    for c in verb.children:  # "urged Iran to stop": object of the xcomp/ccomp's subject
        if (c.dep_ in ("ccomp", "xcomp") or is_for_infinitive(c)) \
                and not (pattern is not None and pattern.cameo.startswith(UNADDRESSED_ROOTS)):
            heads.extend(g for g in c.children if g.dep_ in ACTIVE_SUBJECT_DEPS)
    # last, one level deeper: "froze part of a development aid package for Rwanda"
    for c in list(heads):
        heads += [g for p in c.children if p.dep_ == "prep" and p.lower_ in words("target_prep") | words("owner_prep")
                  and not (c.lemma_.lower() in words("topic_noun") and p.lower_ in words("topic_prep"))
                  for g in p.children if g.dep_ == "pobj"]
    # and the target of an event noun the object is counted in: "provided $5 million
    # in humanitarian aid to Sudan", "a grant of $2 million as relief for Chad"
    for c in (c for c in verb.children if c.dep_ == "dobj"):
        for noun in (g for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"):
            if (np := noun_pattern(noun, lex)) is not None:
                heads += [g for p in noun.children if p.dep_ == "prep" and p.lower_ in (np.preps or words("target_prep"))
                          for g in p.children if g.dep_ == "pobj"]
    return heads


def participle_agents(noun: Token) -> list[Token]:
    """"the plan put forward by Poland", "a resolution sponsored by France":
    who made the thing a passive participle describes (its by-agent)."""
    return [g for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
            for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]


def named_things(verb: Token) -> list[Token]:
    """"condemned what it called an act of aggression", "criticized what they
    describe as an offer delivered by the government": the thing a free
    relative names (through an event_words.tsv naming_verb) is the verb's object."""
    things = []
    for c in verb.children:
        if c.dep_ == "ccomp" and c.lemma_.lower() in words("naming_verb") and any(
                w.lower_ == "what" and w.dep_ in ("dobj", "nsubjpass") for w in c.children):
            things += [g for g in c.children if g.dep_ in ("oprd", "dobj", "attr") and g.lower_ != "what"]
            things += [g for p in c.children if p.dep_ == "prep" and p.lower_ == "as"
                       for g in p.children if g.dep_ == "pobj"]
    return things


def named_actors(heads: list[Token], actors: ArticleActors, avoid: list[Found] = ()) -> list[Found]:
    """The first head that names actors, preferring one that names a country or
    a known actor over a bare sector ("withdraw its warships from Cyprus": Cyprus)
    and over the source's own country."""
    own = {f.actor.country for f in avoid if f.actor.country}
    fallback: list[Found] = []
    for h in heads:
        found = [f for f in actors.for_phrase(h) if all(f.actor.id != a.actor.id for a in avoid)
                 and not _possessor_conjunct(f, h)]
        if not found:
            continue
        others = [f for f in found if not (f.actor.country and f.actor.country in own)]
        if len(found) > 1 and others:
            found = others  # "Xi called for closer ties between the two countries": with Kenya, not China
        if all(f.actor.country and f.actor.country not in own for f in found):
            return found
        fallback = fallback or found
    return fallback


def _possessor_conjunct(f: Found, head: Token) -> bool:
    """"raids on Somalia and Eritrea's retaliation": the parser may attach
    "Eritrea's" as a second target; a conjunct marked possessive owns what follows."""
    if head.i in range(f.start, f.end):
        return False
    last = head.doc[f.end - 1]
    return last.dep_ == "conj" and any(c.dep_ == "case" for c in last.children)


def location_countries(verb: Token) -> list[Token]:
    """When nothing else is the target, the country an act happened in is
    ("struck targets in Syria", "arrived in Nairobi"): objects of "in" that
    name a country."""
    heads = []
    where = words("location_prep")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for p in verb.children if p.dep_ == "prep" and p.lower_ not in where
                for g in p.children if g.dep_ == "pobj"]  # "fired at targets in Hebron"
    for c in [verb] + objects:
        for p in c.children:
            if p.dep_ == "prep" and p.lower_ in where:
                places = [g for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "")]
                # "in the Pacific territory of New Caledonia", "in the city of Goma"
                heads += places + [o for g in places for q in g.children if q.dep_ == "prep" and q.lower_ == "of"
                                   for o in q.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")]
    return heads


def embedded_target_heads(verb: Token, pattern: VerbPattern | None) -> list[Token]:
    """Targets named inside an infinitive or that-clause the verb governs:
    "offered to hand the suspects over to Kenya"."""
    heads = []
    if pattern is not None and pattern.cameo.startswith(STATEMENT_ROOT):
        return heads  # "argued the dispute was between Serbia and Kosovo" is said to no one there
    if pattern is not None and pattern.cameo.startswith(CONSULT_ROOT) and verb.lemma_.lower() in words("topic_verb"):
        return heads  # "debated rules to shield farmers": what was discussed names no party
    reciprocal = any(c.dep_ == "advmod" and c.lower_ in words("reciprocal_adverb") for c in verb.children)
    for c in verb.children:
        # a purpose clause names whom the act is aimed at ("fired live rounds to scatter
        # students"), unless the act is done together ("worked together to stop")
        purpose = c.dep_ == "advcl" and not reciprocal and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if (is_complement(c) or purpose) and c.pos_ in ("VERB", "AUX"):
            heads += [h for h in target_heads(c, None) if h.dep_ not in ACTIVE_SUBJECT_DEPS]
            if pattern is not None and pattern.cameo.startswith(THREAT_ROOT):
                # "threatened to halt trade talks if Japan proceeds",
                # "threatened to resume strikes in Saudi Arabia"
                heads += _condition_subjects(c) + _condition_subjects(verb) + location_countries(c)
    return heads


def _condition_subjects(verb: Token) -> list[Token]:
    """Subjects of the verb's conditional clauses ("if", "unless": the
    condition marks of modality.tsv)."""
    modality = lexicon().modality
    return [s for a in verb.children if a.dep_ == "advcl"
            and any(m.dep_ == "mark" and ("condition", m.lower_) in modality for m in a.children)
            for s in a.children if s.dep_ in ACTIVE_SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]


def stranded_possessor(noun: Token) -> Token | None:
    """"raids on Somalia and Eritrea's retaliation": the parser makes "Eritrea" a
    conjunct of "Somalia", but its "'s" says it owns the noun right after it."""
    if noun.i < 2 or noun.doc[noun.i - 1].dep_ != "case":
        return None
    owner = noun.doc[noun.i - 1].head
    return owner if owner.head.i != noun.i and owner.dep_ == "conj" else None


def is_unplaced(actor) -> bool:
    """A role word ("the army") or a person no country could be found for;
    IGOs and named groups need none."""
    return not actor.country and (actor.role is not None or actor.kind == "person")
