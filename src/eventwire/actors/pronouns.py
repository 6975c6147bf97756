"""Pronouns: he/she to the person named last who fits, it/they to the country
or group that is a clause's subject, and "we"/"our" inside a quote to the
quote's speaker. First names (data/actors/first_names.tsv) rule out a gender.
"""
from __future__ import annotations

from ..model import Actor
from .constants import actor_words, pronoun_gender
from .context import resolve_role
from .index import Found, Mentions
from .knowledge import first_name_genders


def contradicts(pronoun: str | None, actor: Actor) -> bool:
    """"she" cannot be Mark Ellison: a common first name (first_names.tsv)
    that says the other gender. Unknown names contradict nothing."""
    want = pronoun_gender().get((pronoun or "").lower())
    words = actor.name.split()
    have = first_name_genders().get(words[0]) if want and len(words) > 1 else None
    return have is not None and have != want


def find_pronouns(m: Mentions) -> None:
    """he/she/his/her: the nearest person before it in this or the two
    previous sentences, preferring one that is a clause's subject.
    it/its/they/their: the nearest country, organization or group that is a
    clause's subject in this or the previous sentence ("Chile says it is
    ready to reopen its border")."""
    doc = m.doc
    sents = list(doc.sents)
    found = sorted(m.found, key=lambda f: f.start)
    quoted = quotation_ids(doc)
    for si, sent in enumerate(sents):
        for tok in sent:
            low = tok.lower_
            if tok.pos_ != "PRON":
                continue
            # "its army", "their police": a title the pronoun's antecedent owns
            owned = m.by_token.get(tok.i)
            if owned is not None and not (owned.form == "role" and owned.start == tok.i and tok.dep_ == "poss"
                                          and owned.role is not None and not owned.actor.country):
                continue
            if low in actor_words("person_pronoun"):
                window, kinds, subjects_only = sents[max(0, si - 2)].start, ("person",), False
            elif low in actor_words("collective_pronoun"):
                if low == "it" and tok.dep_ not in ("nsubj", "nsubjpass"):
                    continue  # "it" as object is rarely an actor
                window, kinds, subjects_only = sents[max(0, si - 1)].start, ("country", "organization", "group"), True
            else:
                continue
            # not a name inside a quotation the pronoun is not in: the speaker's words are another voice
            before = [f for f in found if window <= f.start < tok.i and f.actor.kind in kinds
                      and not contradicts(low, f.actor) and quoted[f.start] in (None, quoted[tok.i])
                      and not _plural_for_singular(m, low, f)]
            subjects = [f for f in before if _is_subject(m, f)]
            best = (subjects or ([] if subjects_only else before) or [None])[-1]
            if low in actor_words("object_plural_pronoun"):
                # "warned the Taliban, urging them to ...": the nearest actor of the sentence
                # that is not the subject of the pronoun's own clause
                own = _clause_subject_tokens(tok)
                near = [f for f in before if f.start >= sent.start and f.start not in own]
                best = near[-1] if near else best
            group = _plural_antecedent(m, tok, found, best) if low in actor_words("plural_pronoun") else None
            if group:
                best = group[0]
            if best is None:
                continue
            if owned is not None:
                if best.actor.country and not group:
                    owned.actor = resolve_role(m, owned.role, best.actor.country, owned.start)
                continue
            f = Found(best.actor, tok.i, tok.i + 1, "pronoun", best.role)
            m.add(f)
            found.append(f)
            for g in (group or [])[1:]:
                m.extra.setdefault(tok.i, []).append(Found(g.actor, tok.i, tok.i + 1, "pronoun", g.role))
            found.sort(key=lambda f: f.start)


OPENING_QUOTES = {"“", "«", "‘"}
CLOSING_QUOTES = {"”", "»", "’"}


def quotation_ids(doc) -> list[int | None]:
    """For each token, the number of the quotation it stands in (between
    quotation marks, within one paragraph), or None outside quotations."""
    out: list[int | None] = []
    current, n = None, 0
    for t in doc:
        if "\n" in t.text or "\n" in t.whitespace_:
            out.append(current if current is not None and not t.is_space else None)
            current = None  # a quotation that runs on opens again in the next paragraph
            continue
        if t.text in OPENING_QUOTES or t.text == '"' and current is None:
            n += 1
            current = n
            out.append(None)
        elif t.text in CLOSING_QUOTES and t.text != "’" or t.text == '"' and current is not None:
            current = None
            out.append(None)
        else:
            out.append(current)
    return out


def _clause_subject_tokens(tok) -> set[int]:
    """The tokens of the subjects of the clauses a word stands in, up to the
    sentence's root ("Asif warned the Taliban, urging them": Asif's)."""
    out: set[int] = set()
    node = tok
    while True:
        for c in node.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out |= {t.i for t in c.subtree}
        if node.head.i == node.i:
            return out
        node = node.head


def _members(m: Mentions, f: Found) -> list[Found]:
    """The actors of a mention that names several: coordinated ones ("Chile
    and Peru", "the Thai and Cambodian leaders") and pairs ("both leaders")."""
    out = [f] + [g for i in range(f.start, f.end) for g in m.extra.get(i, [])]
    head = m.doc[f.end - 1]
    out += [m.by_token[c.i] for c in head.conjuncts if c.i > head.i and c.i in m.by_token]
    members: list[Found] = []
    for g in out:
        if all(g.actor.id != h.actor.id for h in members):
            members.append(g)
    return members


def _plural_antecedent(m: Mentions, tok, found: list[Found], best: Found | None) -> list[Found] | None:
    """"they", "them", "their" stand for all of a plural antecedent: the
    coordinated subject chosen ("Chile and Peru said they ..."), or a pair
    or coordination named later in the pronoun's own sentence ("Trump called
    both leaders, urging them to ...")."""
    sent = tok.sent
    for f in reversed(found):
        if f.start >= tok.i or f.start < max(sent.start, best.start if best else 0) or f.form == "pronoun" or \
                f.actor.kind not in ("country", "organization", "group", "person"):
            continue
        if any(g is not f and g.start <= f.start and f.end <= g.end and g.end - g.start > f.end - f.start
               for g in found if g.form != "pronoun"):
            continue  # "Hungarian" inside "Hungarian and Romanian officials": the whole phrase
        members = _members(m, f)
        if len(members) > 1 and not any(tok.i < g.end and g.start <= tok.i for g in members):
            return members
    members = _members(m, best) if best is not None else []
    return members if len(members) > 1 else None


def _plural_for_singular(m: Mentions, pronoun: str, f: Found) -> bool:
    """"it" is no plural noun: "the charity reported that pupils were hurt ... it added" is the charity."""
    return pronoun in ("it", "its") and f.form == "role" and m.doc[f.end - 1].tag_ in ("NNS", "NNPS")


def _is_subject(m: Mentions, f: Found) -> bool:
    toks = m.doc[f.start:f.end]
    return any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ in ("compound", "appos") and t.head.dep_ in ("nsubj", "nsubjpass")) for t in toks)


def last_person_before(m: Mentions, i: int, pronoun: str | None = None) -> Actor | None:
    """The person mentioned last before token i; for "she" or "he", the
    last one whose first name does not say otherwise."""
    best = m.named_last_before(i, lambda f: f.actor.kind == "person" and not contradicts(pronoun, f.actor))
    return best.actor if best else None


def add_speaker_pronouns(m: Mentions, quoted: list[tuple[tuple[int, int], Actor]]) -> None:
    """"Our talks with Hamas have shown...", said Iran's spokesperson: a
    first-person plural inside a direct quote is the speaker's side, unless
    the quote names countries before it in its sentence ("Chile and Peru
    agree we must act"). Each (char span, speaker) is a quotation and who
    said it."""
    for (start, end), speaker in quoted:
        if not speaker.country and speaker.kind not in ("organization", "group"):
            continue
        span = m.doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.lower_ not in actor_words("speaker_plural") or tok.i in m.by_token:
                continue
            if not any(f.actor.kind == "country" and max(span.start, tok.sent.start) <= f.start < tok.i
                       for f in m.found):
                f = Found(speaker, tok.i, tok.i + 1, "pronoun")
                m.by_token[tok.i] = f
                m.found.append(f)
