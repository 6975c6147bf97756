"""The event lexicons, loaded once from the data tables: verbs and nouns that
trigger events (event_verbs.tsv, event_nouns.tsv, event_adjectives.tsv),
modality words (modality.tsv), the speech-act codes of each act
(intent_codes.tsv), political goals, weapons and the closed word lists the
rules name (event_words.tsv)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..data import read_tsv
from .cameo import lookup


# a lexicon row with this code says the use is not an event ("defend itself")
NOT_AN_EVENT = "-"


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


def most_specific(cameo: str, table: dict[str, str]) -> str | None:
    for n in (4, 3, 2):
        if len(cameo) >= n and cameo[:n] in table:
            return table[cameo[:n]]
    return None


def demand_code(cameo: str, lex: Lexicon) -> str | None:
    """What someone says another must do is a demand: "Israel must withdraw",
    said by Egypt, is Egypt's 106 on Israel. None for acts no one demands."""
    return most_specific(cameo, lex.demand)


def intent_code(cameo: str, lex: Lexicon) -> str:
    """CAMEO codes what is promised or threatened as the promise or threat:
    "will provide food aid" is 0333, "will impose sanctions" 1312."""
    code = most_specific(cameo, lex.intent)
    if code is not None:
        return code
    return cameo


@cache
def political_goals() -> list[tuple[str, frozenset[str]]]:
    return [(r["digit"], _set(r["lemmas"])) for r in read_tsv("political_goals.tsv")]


@cache
def weapons() -> list[tuple[str, frozenset[str]]]:
    return [(r["cameo"], _set(r["lemmas"])) for r in read_tsv("weapons.tsv")]


@cache
def event_adjectives() -> dict[str, tuple[str, str]]:
    return {r["lemma"]: (r["prep"], r["cameo"]) for r in read_tsv("event_adjectives.tsv")}


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    return {r["role"]: _set(r["words"]) for r in read_tsv("event_words.tsv")}


def words(role: str) -> frozenset[str]:
    """The lowercased words of one role in event_words.tsv ("target_prep",
    "statement_noun", ...); KeyError names a role the table lacks."""
    try:
        return _word_lists()[role]
    except KeyError:
        raise KeyError(f"event_words.tsv has no role {role!r}") from None
