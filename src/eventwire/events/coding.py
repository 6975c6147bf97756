"""Events: who did what to whom, from the dependency parse and the lexicons.

A verb (or an event noun: "Russia's strikes on Kharkiv") whose lemma is in
data/event_verbs.tsv (event_nouns.tsv) triggers an event; the most specific
row whose particle, complement and preposition constraints hold gives the CAMEO
code. Sources come from the subject (or the passive agent, or the governing
clause for "vowed to attack"), targets from the object or a prepositional
object. Coordinated actors give one event per pair; a coordinated subject with
no target ("Kenya and Ethiopia will keep working together") codes both directions.

It does not code events whose trigger is outside the lexicons, and it does not
resolve which of several events a sentence is "about" beyond confidence.

This module runs the stages over an article: candidates (triggers and their
arguments), speech acts, sub-codes (refine), then one Event per pair of actors,
ranked by score and calibrated by confidence.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors import ArticleActors, Found
from ..model import Event
from ..nlp.parse import doc_text
from .cameo import CONSULT_ROOT, lookup
from .candidates import adjective_candidates, Candidate, noun_candidates, verb_candidates
from .confidence import probability
from .discards import discarded_story
from .patterns import match_verb
from .lexicon import lexicon, words
from .refine import with_aid_kind, with_bomber, with_diplomatic_target, with_political_goal, with_weapon
from .score import DEPTH_PENALTY, MIN_SCORE, candidate_score, clause_depth
from .speech import as_demand_or_threat, forewarnings, governs_event, reporter_of, specific_speech_act
from .syntax import head_chain, is_complement, is_noun_clause, is_passive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


# Appeals, intents, demands, rejections and threats carry what they are about:
# "threatened to attack" is one 138 event, not a 138 and an attack.
# So do accusations: "accused Iran of attacking" is not an attack by Iran.
SUBSUMING_ROOTS = {"02", "03", "10", "11", "12", "13"}
# Acts aimed at one's own state and people when no one else is named: protests,
# repression, easing it ("Bolivian protesters rioted", "Sudan's government
# lifted the state of emergency"), and threats of them. Not resigning or surrendering.
DOMESTIC_CODES = ("081", "082", "14", "17", "132", "133", "137")
# Acts both parties do to each other: consult, phone, negotiate, sign.
SYMMETRIC_CODES = {"040", "041", "046", "057"}
# Acts a coordinated subject with no target does with each other (consult,
# cooperate, yield, agree, mobilise, cut ties, fight); promises of aid are to others.
RECIPROCAL_ROOTS = ("03", "04", "05", "06", "08", "15", "16", "19")
GIVING_CODES = ("033",)
CONSULT = "040"
STATEMENT = "010"
LEDE_SENTENCES = 2  # the first two sentences with an event: a headline and the lead
LEDE_BONUS = 0.1
ACCORD = "019"  # "Reagan and Mubarak agreed that ...": with each other
JOINT_ROOTS = ("03", "04", "05", "06")  # acts two parties can do together, with each other
# Acts a state does to others (summoning, expelling, sanctioning, arresting,
# sentencing), which an agentless passive leaves to the state body reporting it.
REPORTED_STATE_ACTS = ("114", "16", "17")
STATE_SECTORS = {"GOV", "JUD", "COP", "MIL", "SPY"}
MEDIATION = "045"
GENERIC_INTENT = "030"
DECIDED_ROOTS = ("16", "17")  # sanctions, cuts in relations, restrictions a bloc agrees on
PARTY_ROOTS = ("04", "05", "06")  # talks and cooperation: one side of them may speak of them
TOPIC_HOLDING_ROOTS = ("01", "04")  # statements and consultations: what they are about is a topic


def code_sentence(sent: Span, actors: ArticleActors) -> list[Candidate]:
    lex = lexicon()
    verbs = verb_candidates(sent, actors, lex) + adjective_candidates(sent, actors, lex)
    # A noun that is a verb's complement ("launched attacks") is already coded by
    # the verb; one a bare statement announces ("announced the suspension of arms
    # exports to Israel") is the news itself.
    # Talks a third party hosts or brokers (045) are held by their parties all the same.
    taken = {c.i for v in verbs if v.cameo not in ("01", "010") and not v.cameo.startswith(MEDIATION)
             for c in v.trigger.children}
    return forewarnings(_without_topics(verbs) + noun_candidates(sent, actors, lex, taken))


def _without_topics(candidates: list[Candidate]) -> list[Candidate]:
    """"The two leaders spoke about coordinating their aid effort": what a
    statement or a consultation is about (a gerund after event_words.tsv
    topic_prep) was talked of, not done; the talk is the event."""
    talks = {c.trigger.i for c in candidates if c.cameo[:2] in TOPIC_HOLDING_ROOTS}
    return [c for c in candidates if not (c.trigger.dep_ == "pcomp" and c.trigger.head.lower_ in words("topic_prep")
                                          and c.trigger.head.head.i in talks)]


def _pairs(c: Candidate) -> Iterator[tuple[Found | None, Found | None]]:
    if c.sources and c.targets:
        for s in c.sources:
            for t in c.targets:
                yield s, t
        if c.cameo in SYMMETRIC_CODES and not c.nominal and c.trigger.lemma_.lower() not in words("one_sided_meeting_verb"):
            # "the Brazilian minister telephoned his Argentine counterpart": each consulted the other
            for s in c.sources:
                for t in c.targets:
                    yield t, s
    elif len(c.sources) > 1 and not c.targets and _done_together(c):
        # Reciprocal: "Kenya and Ethiopia will keep working together".
        yield from _each_with_other(c.sources)
    elif c.sources:
        for s in c.sources:
            yield s, None
    elif len(c.targets) > 1 and any(p.dep_ == "prep" and p.lower_ == "between" for p in c.trigger.children):
        # "talks between Chile and Peru": each with the other
        yield from _each_with_other(c.targets)
    elif c.targets:
        for t in c.targets:
            yield None, t


def _each_with_other(parties: list[Found]) -> Iterator[tuple[Found, Found]]:
    """Every party paired with every other one, both ways round."""
    for s in parties:
        for t in parties:
            if s is not t:
                yield s, t


def _as_conversation(c: Candidate) -> Candidate:
    """"the Chilean and Bolivian leaders talked by video": parties of a coordinated subject
    who talk, with no one else named, consult each other (040)."""
    if c.cameo in ("01", "010") and not c.targets and len({s.actor.id for s in c.sources}) > 1 \
            and c.trigger.lemma_.lower() in words("conversation_verb"):
        return replace(c, cameo=CONSULT)
    return c


def _without_channel(c: Candidate) -> Candidate:
    """"The minister told the BBC", "he told reporters": a news outlet or
    journalists (event_words.tsv channel_sector) told a plain statement (010)
    carry it to the public; they are not whom it is aimed at, so it has no target."""
    if c.cameo == STATEMENT and c.targets and all((t.actor.sector or "").lower() in words("channel_sector")
                                                  for t in c.targets):
        return replace(c, targets=[])
    return c


def _clash_by_sector(c: Candidate) -> Candidate:
    """A clash (190) between police and people who are no armed force is
    repression (175) when the police are the subject, a violent protest (145)
    when the others are: "police clashed with local residents", "villagers
    clashed with police"."""
    if c.cameo != "190" or c.trigger.lemma_.lower() != "clash" or not c.sources or not c.targets:
        return c
    armed = words("force_sector")
    src, tgt = c.sources[0].actor, c.targets[0].actor
    if src.sector == "COP" and (tgt.sector or "").lower() not in armed:
        return replace(c, cameo="175")
    if tgt.sector == "COP" and (src.sector or "").lower() not in armed:
        return replace(c, cameo="145")
    return c


def _done_together(c: Candidate) -> bool:
    """Acts two subjects do with each other when no one else is named: agree,
    meet, cooperate, cut ties, clash ("Kyrgyzstan and Tajikistan agreed to a
    ceasefire"); not offers, appeals, accusations or threats, which are aimed at
    someone unnamed ("China and the United States offered to help") unless the
    sentence says "each other"."""
    if any(t.lower_ in ("other", "another") and t.head.lower_ in ("each", "one") or
           t.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in t.children)
           for t in c.trigger.subtree):
        return True
    return (c.cameo.startswith(RECIPROCAL_ROOTS) or c.cameo == ACCORD) and not c.cameo.startswith(GIVING_CODES)


def code_events(doc: Doc, actors: ArticleActors, article_id: str,
                min_confidence: float | None = None) -> list[Event]:
    """Every event in a parsed, actor-resolved article, in text order: those
    whose calibrated `confidence` is at least `min_confidence`, or by default
    those the coder ranks at least MIN_SCORE."""
    events: list[Event] = []
    lex = lexicon()
    if discarded_story(doc_text(doc)):
        return events  # a sports or entertainment story
    for si, sent in enumerate(doc.sents):
        candidates = code_sentence(sent, actors)
        by_trigger = {c.trigger.i: c for c in candidates}
        decided = _decided_sanctions(candidates, by_trigger)
        for c in candidates:
            if c.trigger.i in decided.values():
                continue  # "the EU agreed to impose sanctions": the sanction is the news
            if c.trigger.pos_ in ("NOUN", "PROPN") and actors.at(c.trigger) is not None:
                continue  # "Cooperation" in "Asia-Pacific Economic Cooperation" is a name, not an event
            governor = by_trigger.get(c.trigger.head.i) if is_complement(c.trigger) else \
                by_trigger.get(c.trigger.head.head.i) if c.trigger.dep_ == "pcomp" or is_noun_clause(c.trigger) else None
            if c.trigger.i in decided:
                c = replace(c, cameo=match_verb(c.trigger, lex).cameo, modality="asserted")
            elif governor is not None and governor.cameo[:2] in SUBSUMING_ROOTS:
                continue
            # "Peskov said" is not news when a coded event sits inside what he said.
            if c.cameo in ("01", "010") and governs_event(c.trigger, candidates):
                continue
            reporter = reporter_of(c.trigger, candidates)
            c = _reporter_as_party(_reporter_as_agent(c, reporter), reporter, by_trigger)
            c = as_demand_or_threat(specific_speech_act(c, candidates, lex), reporter, lex)
            if not c.cameo:
                continue
            c = with_diplomatic_target(with_aid_kind(with_bomber(with_weapon(with_political_goal(c)))), doc)
            c = _as_conversation(_clash_by_sector(_without_channel(c)))
            if c.cameo.startswith(CONSULT_ROOT) and len({s.actor.country for s in c.sources}) > 1 \
                    and c.targets and all(t.form in ("place", "capital") for t in c.targets):
                c = replace(c, targets=[])  # "Chinese and Indian diplomats return to Vienna": each other
            elif c.cameo.startswith(JOINT_ROOTS) and len({s.actor.id for s in c.sources}) > 1 and c.targets \
                    and all(_where(doc, t) for t in c.targets):
                # "the Chilean and Peruvian envoys held talks in Quito", "the government and the rebels agreed
                # in Oslo": a joint act of the sources with each other, where it happens is no party
                c = replace(c, targets=[])
            if len({s.actor.id for s in c.sources}) > 1 and c.targets and _done_together(c) \
                    and all(not t.actor.country and t.actor.sector not in ("IGO", "NGO") for t in c.targets):
                c = replace(c, targets=[])  # "Chile and Bolivia swapped detainees": with each other
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
                    score=max(0.05, candidate_score(c, source, target) - DEPTH_PENALTY * clause_depth(c.trigger, by_trigger)),
                ))
    for e in events:
        e.confidence = probability(e)
    # by default the coder's own ranking drops weak candidates; a threshold
    # the user gives is on the calibrated probability
    kept = [e for e in events if (e.score >= MIN_SCORE if min_confidence is None else e.confidence >= min_confidence)]
    # News puts its main event first: among the kept events, those of the
    # headline and lead rank above the background that follows (the ranking
    # only; which events are kept and their confidence do not change).
    lede = sorted({e.sentence_index for e in kept})[:LEDE_SENTENCES]
    for e in kept:
        if e.sentence_index in lede:
            e.score = min(1.0, e.score + LEDE_BONUS)
    for n, e in enumerate(kept, 1):
        e.id = f"{article_id}-e{n}"
    return kept


def _where(doc, f: Found) -> bool:
    """The mention names where something happens: the object of "in"/"at"."""
    last = doc[f.end - 1]
    return last.dep_ == "pobj" and last.head.lower_ in ("in", "at", "inside")


def _reporter_as_agent(c: Candidate, reporter: Found | None) -> Candidate:
    """"Two envoys have been declared persona non grata, the foreign
    ministry said", "three firms have been added to the sanctions list, the
    ministry said": an agentless passive act only a state does, reported
    by a state body, is that body's act."""
    if c.sources or reporter is None or not is_passive(c.trigger) or not c.cameo.startswith(REPORTED_STATE_ACTS):
        return c
    a = reporter.actor
    if not a.country or not (a.kind == "country" or a.sector in STATE_SECTORS) or \
            any(t.actor.country == a.country and t.actor.sector == a.sector for t in c.targets):
        return c
    return replace(c, sources=[reporter])


def _decided_sanctions(candidates: list[Candidate], by_trigger: dict[int, Candidate]) -> dict[int, int]:
    """"The EU agreed to impose new sanctions on Russia", "NATO members agreed to
    expel the envoys": a generic agreement (030) of event_words.tsv
    agreeing_verb to reduce relations, sanction or restrict (roots 16, 17) is
    the decision to do it, coded as the act. Embedded trigger -> governor."""
    out = {}
    for c in candidates:
        g = by_trigger.get(c.trigger.head.i) if is_complement(c.trigger) else None
        p = match_verb(c.trigger, lexicon()) if g is not None else None
        if p is not None and g.cameo == GENERIC_INTENT and p.cameo.startswith(DECIDED_ROOTS) \
                and g.trigger.lemma_.lower() in words("agreeing_verb") and c.modality in ("asserted", "intended"):
            out[c.trigger.i] = g.trigger.i
    return out


def _reporter_as_party(c: Candidate, reporter: Found | None, by_trigger: dict[int, Candidate]) -> Candidate:
    """"A rebel envoy said the talks with Chile were going well",
    "the president noted the importance of cooperation with Iran": talks or
    cooperation with another party, of no one named, are the speaker's side's;
    not when another act governs them ("agreed to mediation in the talks with X")."""
    if not c.nominal or c.sources or not c.targets or reporter is None or not c.cameo.startswith(PARTY_ROOTS) \
            or not reporter.actor.country:
        return c
    if any(i in by_trigger and not by_trigger[i].cameo.startswith("01") for i in head_chain(c.trigger)):
        return c
    if any(t.actor.id == reporter.actor.id or (reporter.actor.country and t.actor.country == reporter.actor.country)
           for t in c.targets):
        return c
    return replace(c, sources=[reporter])


def _home_country(source: Found | None, sent: Span, actors: ArticleActors) -> Found | None:
    """The sentence's mention of the source's own country ("Bolivian" in
    "Bolivian protesters"), when the source is not that mention itself."""
    if source is None or not source.actor.country or source.actor.kind == "country":
        return None
    return next((f for f in actors.found if f.actor.kind == "country" and f.actor.country == source.actor.country
                 and sent.start <= f.start < sent.end), None)
