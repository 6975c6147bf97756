"""Speech acts: CAMEO codes what is said, not the act spoken of. A demand,
appeal, promise, rejection or threat takes the code of the act it is about;
"Israel must withdraw", said by Egypt, is Egypt's demand; a warning of
another's act is a pessimistic comment; a statement that reports an event is
its reporter."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors import Found
from .cameo import STATEMENT_ROOT, THREAT_ROOT
from .candidates import Candidate
from .lexicon import demand_code, intent_code, Lexicon, most_specific, words
from .modality import is_conditioned, is_consequence, is_deontic
from .patterns import noun_pattern
from .syntax import complement_nouns, head_chain, is_complement, is_noun_clause

if TYPE_CHECKING:
    from spacy.tokens import Token


# Hostile acts that, said as possible ("could strike", "may halt mediation if"),
# are threats: protest, reduce relations, coerce, unconventional violence, force.
THREAT_ROOTS = ("14", "16", "17", "18", "19", "20")
SPEECH_ACT_KINDS = {"02": "appeal", "03": "intent", "10": "demand", "12": "reject", "13": "intent"}
GENERIC_SPEECH_ACTS = {"02", "020", "03", "030", "10", "100", "12", "120", "13", "130"}


def as_demand_or_threat(c: Candidate, reporter: Found | None, lex: Lexicon) -> Candidate:
    """CAMEO codes the speech act, not the act spoken of. "Israel must withdraw",
    said by Egypt, is Egypt demanding (106) of Israel; "we could strike if
    attacked" and "Hamas may halt talks unless ..." are threats (138, 134);
    "Iran will pay", said by Netanyahu, is his threat against Iran."""
    if c.cameo.startswith("13") and is_consequence(c.trigger, lex):
        if reporter is None or any(s.actor.id == reporter.actor.id for s in c.sources):
            return replace(c, cameo="")  # no one to make the threat
        return replace(c, sources=[reporter], targets=c.sources, modality="asserted")
    if reporter is not None and c.sources and is_deontic(c.trigger, lex) and reporter.actor.country \
            and any(s.actor.country == reporter.actor.country for s in c.sources):
        # "Xi said the two countries should strengthen cooperation": what his own side
        # must do is his commitment to the others, no demand on them; uncoded, nothing
        if not c.cameo:
            return c
        others = [s for s in c.sources if s.actor.country != reporter.actor.country]
        return replace(c, cameo=intent_code(c.cameo, lex), sources=[reporter], targets=others or c.targets,
                       modality="intended")
    if reporter is not None and c.sources and is_deontic(c.trigger, lex) \
            and all(s.actor.id != reporter.actor.id for s in c.sources):
        code = demand_code(c.cameo, lex) if c.cameo else "100"
        if code is not None:
            return replace(c, cameo=code, sources=[reporter], targets=c.sources, modality="asserted")
    if c.modality == "hypothetical" and c.cameo.startswith(THREAT_ROOTS) and c.sources and (
            is_conditioned(c.trigger, lex)
            or (reporter is not None and any(s.actor.id == reporter.actor.id for s in c.sources))):
        return replace(c, cameo=intent_code(c.cameo, lex))
    if c.modality == "hypothetical" and c.cameo.startswith(THREAT_ROOTS) and reporter is not None \
            and reporter.actor.country and reporter.actor.sector in ("GOV", "MIL") \
            and any(s.actor.country == reporter.actor.country and s.actor.kind == "country" for s in c.sources):
        # "Russia could strike the bridges, the Russian defence minister warned": his state's threat, made by him
        return replace(c, cameo=intent_code(c.cameo, lex), sources=[reporter], modality="asserted")
    return c


def specific_speech_act(c: Candidate, candidates: list[Candidate], lex: Lexicon) -> Candidate:
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
        if e is not c and is_noun_clause(e.trigger) and e.trigger.head.head.i == c.trigger.i:
            # "repeated its demand that Serbia lift its ban": made of Serbia
            code = most_specific(e.cameo, getattr(lex, kind))
            if refines(code) or (code is not None and code.startswith(c.cameo[:2])):
                return replace(c, cameo=code if refines(code) else c.cameo, targets=e.sources or c.targets)
        if e is c or e.trigger.head.i != c.trigger.i or not is_complement(e.trigger):
            continue
        if is_consequence(e.trigger, lex) and e.cameo.startswith("13"):
            # "vowed that Russia would pay for the drone strikes": a threat against Russia
            return replace(c, cameo=e.cameo, targets=e.sources or c.targets)
        code = e.cameo if e.cameo.startswith(c.cameo[:2]) else most_specific(e.cameo, getattr(lex, kind))
        if refines(code):
            return replace(c, cameo=code)
    # "asked France for military assistance", "pressed Canada to dispatch peacekeeping troops"
    embedded = [e for e in c.trigger.children if is_complement(e) and e.pos_ in ("VERB", "AUX")]
    for noun in complement_nouns(c.trigger) + [n for e in embedded for n in complement_nouns(e)]:
        p = noun_pattern(noun, lex)
        code = most_specific(p.cameo, getattr(lex, kind)) if p is not None else None
        if refines(code):
            return replace(c, cameo=code)
    return c


def forewarnings(candidates: list[Candidate]) -> list[Candidate]:
    """"Modi warned that Pakistan may target India" is his pessimistic
    comment (012) about Pakistan, who is the one that may attack; only a warning
    of the warner's own act ("warned it would retaliate") is a threat."""
    out = []
    for c in candidates:
        act = _warned_act(c, candidates) if c.cameo.startswith(THREAT_ROOT) and \
            c.trigger.lemma_.lower() in words("warning_verb") else None
        if act is not None and act.sources and not {s.actor.id for s in act.sources} & {s.actor.id for s in c.sources}:
            c = replace(c, cameo="012", targets=act.sources)
        out.append(c)
    return out


def _warned_act(c: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The event in a warning's that-clause, with a subject of its own (not an
    infinitive: "warned Iran not to attack" is addressed to Iran). The small
    parser may hang the warning under the act ("Modi warned X may target Y")."""
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


def reporter_of(trigger: Token, candidates: list[Candidate]) -> Found | None:
    """The speaker of a statement verb that governs this trigger, if any."""
    chain = head_chain(trigger)
    for c in candidates:
        if c.trigger.i in chain and c.cameo.startswith(STATEMENT_ROOT) and c.sources:
            return c.sources[0]
    return None


def governs_event(statement: Token, candidates: list[Candidate]) -> bool:
    return any(c.trigger.i != statement.i and statement.i in head_chain(c.trigger) for c in candidates)
