"""The knowledge base: countries, organizations, armed groups, ethnic groups,
people and role words, loaded once from data/actors/*.tsv (see its README).

It does no matching in text; `detect` looks its surface forms up token by token.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..data import read_tsv
from ..model import Actor

MAX_ALIAS_TOKENS = 8
_KIND_RANK = {"person": 0, "group": 1, "organization": 1, "country": 2}


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def actor_code(country: str | None, sector: str | None, base: str | None = None) -> str:
    if base:
        return base
    return f"{country or ''}{sector or ''}" or "UNK"


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str
    sector: str
    kind: str  # person | group
    role: str


@dataclass(frozen=True, slots=True)
class Entry:
    """A knowledge-base entry reachable by one surface form."""

    actor: Actor
    form: str  # name | demonym | capital | alias
    valid: tuple[int | None, int | None] = (None, None)


def valid_at(entry: Entry, year: int | None) -> bool:
    """The entry holds in `year` (with no year: it still holds today)."""
    lo, hi = entry.valid
    if year is None:
        return hi is None
    return (lo is None or lo <= year) and (hi is None or year <= hi)


def kind_rank(actor: Actor) -> int:
    """People first, then organizations and groups, then countries."""
    return _KIND_RANK.get(actor.kind, 3)


@dataclass
class KnowledgeBase:
    surface: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    roles: dict[tuple[str, ...], Role] = field(default_factory=dict)
    people_by_role: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    countries: dict[str, Actor] = field(default_factory=dict)
    spellings: dict[str, Actor] = field(default_factory=dict)  # one-word country names and demonyms
    ambiguous: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # place -> countries, default first
    max_role_tokens: int = 1
    _near: dict[str, set[str]] | None = None

    def misspelled_country(self, word: str) -> Actor | None:
        """The country a proper noun is a one-letter misspelling of, by a letter
        left out or one too many ("Ethopia", "Quatar", "Phillippines"); never a
        changed letter, which makes other real words ("Sedan")."""
        if len(word) < 5 or not word[:1].isupper() or word in self.spellings:
            return None
        # Inside the word only: a letter added or lost at either end makes other
        # words and names too often ("Brazile", "Burman").
        if self._near is None:  # every spelling with one inner letter dropped -> the spellings
            self._near = {}
            for form in self.spellings:
                for i in range(1, len(form) - 1):
                    self._near.setdefault(form[:i] + form[i + 1:], set()).add(form)
        hits = set(self._near.get(word, ()))  # the word lacks a letter
        hits |= {word[:i] + word[i + 1:] for i in range(1, len(word) - 1)} & self.spellings.keys()  # one too many
        hits |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 2)} \
            & self.spellings.keys()  # two inner letters swapped ("Isreal")
        actors = {self.spellings[h].id: self.spellings[h] for h in hits}
        return next(iter(actors.values())) if len(actors) == 1 else None

    def add(self, tokens: tuple[str, ...], entry: Entry) -> None:
        if tokens and len(tokens) <= MAX_ALIAS_TOKENS:
            self.surface.setdefault(tokens, []).append(entry)


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


def _year(value: str) -> int | None:
    return int(value) if value.strip().isdigit() else None


@cache
def knowledge_base() -> KnowledgeBase:
    """Load the actor data once. Tokenizes aliases with spaCy's tokenizer so they
    match the parsed text token for token."""
    from ..nlp.parse import nlp

    tokenizer = nlp().tokenizer
    kb = KnowledgeBase()

    def toks(s: str) -> tuple[str, ...]:
        return tuple(t.text for t in tokenizer(s))

    _load_countries(kb, toks)
    _load_groups(kb, toks)
    _load_people(kb, toks)
    for r in read_tsv("actors/roles.tsv"):
        phrase = toks(r["phrase"].lower())  # "peace-keeping force" -> peace - keeping force
        kb.roles[phrase] = Role(r["phrase"], r["sector"], r["kind"] or "person", r["role"] or r["phrase"])
        kb.max_role_tokens = max(kb.max_role_tokens, len(phrase))
    # Organizations and people outrank a country that shares a surface form.
    for entries in kb.surface.values():
        entries.sort(key=lambda e: kind_rank(e.actor))
    return kb


def _load_countries(kb: KnowledgeBase, toks) -> None:
    for r in read_tsv("actors/countries.tsv"):
        actor = Actor(f"country/{r['code']}", r["name"], r["code"], r["code"], None, "country")
        kb.countries[r["code"]] = actor
        kb.add(toks(r["name"]), Entry(actor, "name"))
        for a in split_aliases(r["aliases"]):
            kb.add(toks(a), Entry(actor, "alias"))
        for a in split_aliases(r["capitals"]):
            kb.add(toks(a), Entry(actor, "capital"))
        for a in split_aliases(r.get("places") or ""):
            kb.add(toks(a), Entry(actor, "place"))
        for a in [r["name"], *split_aliases(r["aliases"])]:
            if " " not in a and len(a) >= 5 and a[:1].isupper():
                kb.spellings[a] = actor
    for r in read_tsv("actors/ambiguous_places.tsv"):
        codes = [c for c in split_aliases(r["countries"]) if c in kb.countries]
        name = toks(r["name"])
        kb.ambiguous[name] = codes
        if not any(e.actor.kind == "country" for e in kb.surface.get(name, [])):
            kb.add(name, Entry(kb.countries[codes[0]], "place"))


def _load_groups(kb: KnowledgeBase, toks) -> None:
    for r in read_tsv("actors/ethnic_groups.tsv"):
        home = r["country"] or None
        actor = Actor(r["id"], r["name"], r.get("code") or actor_code(home, None), home, None, "group", "ethnic")
        for a in [r["name"], *split_aliases(r["aliases"])]:
            kb.add(toks(a), Entry(actor, "ethnic"))
    for r in read_tsv("actors/organizations.tsv"):
        actor = Actor(r["id"], r["name"], r["code"] or actor_code(r["country"], r["sector"]),
                      r["country"] or None, r["sector"] or None, r["kind"] or "organization")
        for a in [r["name"], *split_aliases(r["aliases"])]:
            kb.add(toks(a), Entry(actor, "alias"))


def _load_people(kb: KnowledgeBase, toks) -> None:
    for r in read_tsv("actors/people.tsv"):
        actor = Actor(r["id"], r["name"], actor_code(r["country"] or None, r["sector"] or None, r.get("code")),
                      r["country"] or None, r["sector"] or None, "person", r["role"] or None)
        entry_valid = (_year(r.get("from", "")), _year(r.get("to", "")))
        for a in [r["name"], *split_aliases(r["aliases"])]:
            kb.add(toks(a), Entry(actor, "alias", entry_valid))
        if r["role"] and r["country"]:
            kb.people_by_role.setdefault((r["country"], r["role"]), []).append(Entry(actor, "role", entry_valid))


@cache
def international_codes() -> frozenset[str]:
    """CAMEO actor types that stand in place of a country and carry none (IGO,
    NGO, IMG, MNC: data/actors/sectors.tsv, level `international`)."""
    return frozenset(r["code"] for r in read_tsv("actors/sectors.tsv") if r["level"] == "international")


@cache
def first_name_genders() -> dict[str, str]:
    return {r["name"]: r["gender"] for r in read_tsv("actors/first_names.tsv")}


def unknown_actor(words: str, head) -> Actor:
    """An actor for a phrase that resolves to nothing known ("a source involved in
    the talks"): named by its own words, with no country or sector to claim."""
    kind = "organization" if head.ent_type_ in ("ORG", "NORP") else "person"
    name = words.strip()
    return Actor(f"{kind}/{slug(name)[:60] or 'unknown'}", name, "UNK", None, None, kind)
