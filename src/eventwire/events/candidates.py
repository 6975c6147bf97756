"""Event candidates of a sentence: one per verb, event noun or stance adjective
that matches the lexicons and names at least one actor, with its sources,
targets, modality and CAMEO code before the speech-act refinements."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..actors import ArticleActors, Found
from .arguments import (
    act_agent, announcer, claimant, participle_agents, launch_origins, launcher, decided_by, embedded_target_heads, governing_subject, is_unplaced, light_verb_subject,
    location_countries, named_actors, responsible_party, stops_anothers_act, stranded_possessor, subject_head,
    target_heads,
)
from .cameo import PROTEST_ROOT, YIELD_ROOT
from .dictionary import dictionary_pattern
from .lexicon import event_adjectives, intent_code, Lexicon, VerbPattern, words
from .modality import is_deontic, modality_of, noun_modality
from .patterns import (
    AGREE_ON_A_VIEW, UNCODED_OBLIGATION, agrees_on_a_view, is_infinitive_clause, match_verb, noun_pattern,
)
from .syntax import PASSIVE_SUBJECT_DEPS, is_complement, is_passive, is_reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Statements and appeals made "in Paris" are not made to France; most other acts
# done in a country ("arrived in Nairobi", "lifted a curfew in Bolivia") are.
PLACE_IS_NOT_TARGET = ("01", "02", "10", "11", "12", "13")
# Suspensions, expulsions, cut ties: an agentless passive one "from" a state or an
# international organization is that state's or organization's act.
REMOVAL_CODES = ("16", "174")
# Acts only a state does, so an agentless passive one in a country is its state's.
STATE_ACTS = ("172", "173", "174")
# Acts two parties do together: an agreement, talks, a truce, cooperation.
JOINT_PARTY_ROOTS = ("03", "04", "05", "06", "08")
SUMMONS = "114"
# Forces and peacekeepers mobilised or deployed by no one named act themselves.
SELF_MOVED = ("15", "074")
# Statements, appeals, demands, criticism, rejections and threats a document can
# make for whoever made it ("a resolution sponsored by France urged Israel to ...")
VOICED_ROOTS = ("01", "02", "10", "11", "12", "13")
PESSIMISM = "012"
DISAPPROVAL = "110"
VIOLENT_ROOTS = ("18", "19", "20")  # killed by no one named: unidentified attackers of the place


@dataclass
class Candidate:
    cameo: str
    trigger: Token
    sources: list[Found]
    targets: list[Found]
    modality: str
    constraints: int
    nominal: bool = False


def verb_candidates(sent: Span, actors: ArticleActors, lex: Lexicon) -> list[Candidate]:
    out = []
    commanded: dict[int, str] = {}  # acts a state orders its own forces to do: the order's modality
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
            continue
        if tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass"):
            continue
        p = match_verb(tok, lex)
        if p is not None and p.lemma == "agree" and p.cameo == "030" and agrees_on_a_view(tok):
            p = AGREE_ON_A_VIEW
        if (exit_pattern := leaves_an_organization(tok, actors)) is not None:
            p = exit_pattern  # "will leave ECOWAS", "announced its withdrawal from the African Union"
        if p is None and is_deontic(tok, lex):
            p = UNCODED_OBLIGATION  # "X must ensure security", said by Y, is Y's demand on X
        if p is None:
            p = dictionary_pattern(tok, lex, actors)  # PETRARCH2's verb patterns, where the curated rows say nothing
        if p is None:
            continue
        reduced = is_reduced_passive(tok)
        passive = is_passive(tok) or reduced
        subj = subject_head(tok)
        if passive and tok.lemma_.lower() in words("stative_participle"):
            # "Kenya is committed to the talks", "Egypt is opposed to the mediation"
            sources = named_actors([c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS], actors)
            targets = named_actors(target_heads(tok, p), actors, sources)
        elif passive:
            agent = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            agent = agent if agent is not None else act_agent(tok)  # "were killed in an airstrike by the coalition"
            sources = actors.for_phrase(agent) if agent is not None else []
            # the parser sometimes hangs the subject of "was on Thursday sentenced" on "was", as nsubj
            patients = [c for c in tok.children if c.dep_ in PASSIVE_SUBJECT_DEPS] or \
                [g for a in tok.children if a.dep_ == "auxpass" for g in a.children if g.dep_ in ("nsubj", "nsubjpass")] or \
                ([tok.head] if reduced else [])
            targets = named_actors(patients, actors) or named_actors(
                [h for h in target_heads(tok, p) if h is not agent], actors, sources)
            if not sources and p.cameo.startswith(SELF_MOVED):
                # "Security forces have been mobilised in the capital": the forces are the act's actor
                sources = named_actors(patients, actors)
                targets = named_actors([h for h in target_heads(tok, p) if h not in patients] + location_countries(tok),
                                       actors, sources)
            if not sources and p.cameo == SUMMONS:
                # "the envoy was called to the Bolivian Foreign Office": that office summons
                sources = [f for f in named_actors([g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                                                    for g in c.children if g.dep_ == "pobj"], actors, targets)
                           if f.actor.country]  # "to the foreign ministry" alone: the reporting state's, below
            if not sources and p.cameo.startswith(REMOVAL_CODES):
                # "Gabon was suspended from the African Union", "three diplomats were
                # expelled from Moldova": what they are removed from removes them
                removers = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                            for g in c.children if g.dep_ == "pobj"]
                sources = [f for f in named_actors(removers, actors, targets)
                           if f.actor.kind == "country" or f.actor.sector == "IGO"]
                targets = [t for t in targets if not any(t.start <= h.i < t.end for h in removers)]
            if not sources and p.cameo.startswith(STATE_ACTS):
                # "were arrested in Cairo": arrests and expulsions are the state's
                sources = named_actors(location_countries(tok), actors, targets)
            elif not sources and p.cameo.startswith(VIOLENT_ROOTS):
                sources = [f for f in [actors.unidentified_attackers(tok)] if f is not None]
        else:
            sources = actors.for_phrase(subj) if subj is not None else []
            if not sources and subj is not None and subj.tag_ == "PRP":
                sources = governing_subject(tok, actors)
            if not sources and subj is not None and subj.pos_ == "NOUN" and p.cameo.startswith(VOICED_ROOTS):
                # "A proposal backed by several states asked Washington to ...": its backers ask
                sources = named_actors(participle_agents(subj), actors)
            if not sources and subj is not None and p.cameo.startswith(VIOLENT_ROOTS) and \
                    (weapon := noun_pattern(subj, lex)) is not None and weapon.cameo.startswith(VIOLENT_ROOTS):
                # "A car bombing in Mogadishu killed five people": the bombing's code, by no one named
                p = replace(p, cameo=weapon.cameo)
                if (party := claimant(subj)) is not None:  # "claimed the bombing, which killed 12"
                    sources = actors.for_phrase(party)
                sources = sources or [f for f in [actors.unidentified_attackers(subj) or actors.unidentified_attackers(tok)]
                                      if f is not None]
            if not sources and subj is not None and p.cameo.startswith(VIOLENT_ROOTS):
                # "Missiles fired by Iran hit Erbil", "a drone launched from Lebanon struck a house"
                agent, origins = launcher(subj)
                sources = actors.for_phrase(agent) if agent is not None else _countries(origins, actors)
            targets = named_actors(target_heads(tok, p), actors, sources)
            if not targets and not any(c.dep_ == "dobj" and c.tag_ == "PRP" for c in tok.children):
                # "urged them to stop groups from operating": whom "them" names is unknown,
                # not the groups of the infinitive
                targets = named_actors(embedded_target_heads(tok, p), actors, sources)
        if origins := launch_origins(tok):
            # "a missile fired from Yemen": where it was fired from is the firing side
            targets = [t for t in targets if not any(t.start <= h.i < t.end for h in origins)]
            sources = sources or _countries(origins, actors)
        if is_labour_strike(tok, p, sources):
            # "nurses struck over unpaid wages": a strike (143) against their employer ("crew at British Airways")
            p = replace(p, cameo=LABOUR_STRIKE)
            targets = named_actors([g for q in subj.children if q.dep_ == "prep" and q.lower_ in ("at", "of")
                                    for g in q.children if g.dep_ == "pobj"], actors, sources) if subj is not None else []
        if all(is_unplaced(t.actor) for t in targets) and not p.cameo.startswith(PLACE_IS_NOT_TARGET):
            # nothing, or only a bare "troops": the country it happens in
            heads = location_countries(tok) + [g for h in target_heads(tok, p) for q in h.children
                                               if q.dep_ == "prep" and q.lower_ == "in"
                                               for g in q.children if g.dep_ == "pobj"]
            targets = named_actors(heads, actors, sources) or targets
        if not targets and p.cameo.startswith(PROTEST_ROOT) and subj is not None:
            # "Protesters in Nairobi blocked a highway": a protest is aimed at
            # the state it takes place in.
            targets = named_actors([g for c in subj.children if c.dep_ == "prep" and c.lower_ == "in"
                                    for g in c.children if g.dep_ == "pobj"], actors, sources)
        if p.cameo.startswith(MEDIATION) or tok.lemma_.lower() in words("hosting_verb"):
            # "Turkey hosted talks between Russia and Ukraine", "a deal ... between Saudi Arabia and
            # Iran, brokered by China": a third party of talks between others mediates between them
            objects = [c for c in tok.children if c.dep_ in ("dobj", *PASSIVE_SUBJECT_DEPS)] + ([tok.head] if reduced else [])
            parties = [f for f in actors_of(talk_parties(objects, lex), actors) if all(f.actor.id != s.actor.id for s in sources)]
            if len(parties) > 1:
                p, targets = replace(p, cameo=MEDIATION), parties
        if p.cameo == PESSIMISM and not targets and (worried := named_actors(concern_owners(tok), actors, sources)):
            # "voiced concern over China's policy": a worry about an actor's doings disapproves of them
            p, targets = replace(p, cameo=DISAPPROVAL), worried
        targets = [t for t in targets if all(t.actor.id != s.actor.id for s in sources)]
        if p.cameo.startswith(YIELD_ROOT) and stops_anothers_act(tok, sources, actors):
            continue
        if (forces := own_forces(tok, sources, actors)) is not None:
            # "Serbia ordered its army to advance to the border": no demand on its own army
            if any(match_verb(e, lex) is not None for e in ordered_acts(tok)):
                # the ordered act is coded on its own, with the orderer as its source, as
                # done if the order is ("ordered police to arrest him": an arrest)
                commanded.update((e.i, modality_of(tok, lex)) for e in ordered_acts(tok))
                continue
            p = replace(p, cameo=DEPLOYMENT)
            heads = [h for h in target_heads(tok, p) if h.i != forces.i] + \
                [h for e in ordered_acts(tok) for h in target_heads(e, None)]
            targets = named_actors(heads + location_countries(tok), actors, sources)
        modality = commanded.get(tok.i) or modality_of(tok, lex)
        cameo = intent_code(p.cameo, lex) if modality == "intended" else p.cameo
        out.append(Candidate(cameo, tok, sources, targets, modality, p.constraints))
    return out


def concern_owners(verb: Token) -> list[Token]:
    """Whom a worry voiced as a noun is about: the object of its event_words.tsv concern_prep
    ("concerns about Smith") or that object's owner ("concern over China's
    policy", "a Jones pick"); not what the object is of or where it is ("concern
    about the treatment of refugees in Sudan" is about no actor's doing)."""
    worries = [c for c in verb.children if c.dep_ == "dobj"]  # "remain worried about" says how one sees things
    objects = [g for w in worries for p in w.children if p.dep_ == "prep" and p.lower_ in words("concern_prep")
               for g in p.children if g.dep_ == "pobj"]
    return [h for g in objects for h in [g] + [o for o in g.children if o.dep_ in ("poss", "compound")
                                              and o.pos_ == "PROPN"]]


def is_labour_strike(verb: Token, p: VerbPattern, sources: list[Found]) -> bool:
    """A bare "strike" (its default row, no object) by workers (event_words.tsv
    labour_sector): "teachers will strike", "cabin crew are preparing to strike"."""
    return verb.lemma_.lower() in words("labour_strike_verb") and not p.complements and not p.prep \
        and not any(c.dep_ == "dobj" for c in verb.children) and bool(sources) \
        and all((s.actor.sector or "").lower() in words("labour_sector") for s in sources)


LABOUR_STRIKE = "143"


def _countries(heads: list[Token], actors: ArticleActors) -> list[Found]:
    """The countries the phrases name ("from Lebanon"), not other actors there."""
    return [f for f in named_actors(heads, actors) if f.actor.kind == "country"]


LEAVE_ORGANIZATION = "160"
DEPLOYMENT = "154"
MEDIATION = "045"


def own_forces(verb: Token, sources: list[Found], actors: ArticleActors) -> Token | None:
    """The object of an order (event_words.tsv command_verb) when it names the
    orderer's own armed bodies: "ordered its army", "instructed the police";
    not "ordered Rwandan troops out", which is a demand on another state."""
    if verb.lemma_.lower() not in words("command_verb") or not sources:
        return None
    own = {s.actor.country for s in sources}
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found = actors.for_phrase(obj)
        if found and all((f.actor.sector or "").lower() in words("state_force_sector")
                         and (not f.actor.country or f.actor.country in own) for f in found):
            return obj
    return None


def ordered_acts(verb: Token) -> list[Token]:
    """The infinitives an order governs: "ordered the army to advance"."""
    return [c for c in verb.children if (is_complement(c) or is_infinitive_clause(c)) and c.pos_ in ("VERB", "AUX")]


def leaves_an_organization(verb: Token, actors: ArticleActors) -> VerbPattern | None:
    """Leaving an international organization is reducing relations with it
    (160), not a withdrawal of troops: "quit the African Union", "withdrew from
    ECOWAS", "announced its exit from the alliance", with the organization named
    as an actor (an IGO) after "from" or as the object."""
    lemma = verb.lemma_.lower()
    exit_nouns = words("membership_exit_noun")
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    heads = []
    if lemma in words("membership_exit_verb"):
        heads = dobjs + [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                         for g in p.children if g.dep_ == "pobj"]
    heads += [g for d in dobjs if d.lemma_.lower() in exit_nouns for p in d.children
              if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]
    if any(f.actor.sector == "IGO" for h in heads for f in actors.for_phrase(h)):
        return VerbPattern(lemma, "", frozenset({"organization"}), "", LEAVE_ORGANIZATION)
    return None


def noun_candidates(sent: Span, actors: ArticleActors, lex: Lexicon, taken: set[int]) -> list[Candidate]:
    out = []
    for tok in sent:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in taken:
            continue
        p = noun_pattern(tok, lex)
        if p is None:
            continue
        sources: list[Found] = []
        if (owner := stranded_possessor(tok)) is not None and owner.i in actors.by_token:
            sources = [actors.by_token[owner.i]]
        for c in tok.children:
            if not sources and c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in actors.by_token:
                sources = actors.for_phrase(c)
                break
        if not sources:
            # "the arrest of the opposition leader by Ugandan police": the act's own agent
            sources = named_actors(noun_agents(tok), actors)
        if not sources and (party := responsible_party(tok) or light_verb_subject(tok)
                            or announcer(tok) or decided_by(tok) or claimant(tok)) is not None:
            sources = actors.for_phrase(party)
        targets: list[Found] = []
        objects = []
        for c in tok.children:
            if c.dep_ == "prep" and (c.lemma_.lower() in p.preps
                                     or (not p.preps and c.lemma_.lower() in words("target_prep"))):
                objects = [g for g in c.children if g.dep_ == "pobj"]
                targets = named_actors(objects, actors)
                if targets:
                    break
        if not targets:  # "a freeze of trade links with Belarus"
            targets = named_actors([g for o in objects for q in o.children if q.dep_ == "prep"
                                    and q.lower_ in words("target_prep") for g in q.children if g.dep_ == "pobj"],
                                   actors)
        if not targets and not p.cameo.startswith(PLACE_IS_NOT_TARGET) and light_verb_subject(tok) is not None:
            targets = named_actors(location_countries(tok.head.head), actors, sources)  # "engaged in X in Kosovo"
        elif not targets and sources and not p.cameo.startswith(PLACE_IS_NOT_TARGET):
            # "announced the suspension of its activities in Haiti": where the act is done
            heads = location_countries(tok) + [h for o in tok.children if o.dep_ == "prep" and o.lower_ == "of"
                                               for g in o.children if g.dep_ == "pobj" for h in location_countries(g)]
            if tok.dep_ == "dobj":
                heads += location_countries(tok.head)
            targets = named_actors(heads, actors, sources)
        if not sources and not targets and p.cameo.startswith(JOINT_PARTY_ROOTS):
            # "an agreement to end the war between Chile and Peru": the parties the act's clause names
            parties = actors_of(between_parties(tok), actors)
            sources = parties if len(parties) > 1 else []
        targets = [t for t in targets if all(t.actor.id != s.actor.id for s in sources)]
        if sources or targets:
            modality = noun_modality(tok, lex)
            cameo = intent_code(p.cameo, lex) if modality == "intended" else p.cameo
            out.append(Candidate(cameo, tok, sources, targets, modality, 1 if p.preps else 0, nominal=True))
    return out


def noun_agents(noun: Token) -> list[Token]:
    """The by-phrase of an event noun, on the noun or on its of-object as the
    parser may hang it: "the expulsion of French diplomats by Mali"."""
    holders = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj"]
    return [g for h in holders for p in h.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
            for g in p.children if g.dep_ == "pobj"]


def talk_parties(nouns: list[Token], lex: Lexicon) -> list[Token]:
    """The parties named by "between" on event nouns of joint acts ("talks between
    Russia and Ukraine", "a deal to restore ties between Iran and Saudi Arabia")."""
    heads = []
    for n in nouns:
        p = noun_pattern(n, lex)
        if p is None or not p.cameo.startswith(JOINT_PARTY_ROOTS):
            continue
        named = [h for prep in (c for c in n.children if c.dep_ == "prep" and c.lower_ == "between")
                 for g in prep.children if g.dep_ == "pobj" for h in (g, *g.conjuncts)] + between_parties(n)
        if not named and n.dep_ == "dobj" and (subj := subject_head(n.head)) is not None:
            # "the Greek and Turkish ministers held talks in Geneva, hosted by the Swiss president":
            # the talks' parties are who held them
            named = [subj, *subj.conjuncts]
        heads += named
    return heads


def actors_of(heads: list[Token], actors: ArticleActors) -> list[Found]:
    """Every actor the heads name, once each."""
    out: list[Found] = []
    for f in (f for h in heads for f in actors.for_phrase(h)):
        if all(f.actor.id != o.actor.id for o in out):
            out.append(f)
    return out


def between_parties(noun: Token) -> list[Token]:
    """The objects of a "between" inside the infinitive that completes an event
    noun ("an agreement to end two years of fighting between Chile and Peru"),
    with their conjuncts."""
    heads = []
    for clause in (c for c in noun.children if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                       for a in c.children)):
        for p in (t for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "between"):
            for g in (g for g in p.children if g.dep_ == "pobj"):
                heads += [g, *g.conjuncts]
    return heads


def adjective_candidates(sent: Span, actors: ArticleActors, lex: Lexicon) -> list[Candidate]:
    """"Brazil, sharply critical of Russia's invasion, ...", "Iran is
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
            holder, clause = subject_head(tok.head), tok.head
        elif tok.dep_ in ("amod", "appos", "advcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            holder, clause = tok.head, tok
        else:
            continue
        sources = actors.for_phrase(holder) if holder is not None else []
        targets = [t for t in named_actors(objects, actors) if all(t.actor.id != s.actor.id for s in sources)]
        if sources or targets:
            out.append(Candidate(cameo, tok, sources, targets, modality_of(clause, lex), 1))
    return out
