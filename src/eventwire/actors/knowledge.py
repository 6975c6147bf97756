"""The knowledge base: countries, organizations, armed groups, ethnic groups,
people and role words, loaded once from data/actors/*.tsv (see its README).

Beside the curated tables it loads the actors, country names and roles
converted from the PETRARCH2 dictionaries (data/actors/petrarch/, MIT; see
scripts/convert_petrarch.py). Curated surface forms match the text exactly;
imported ones match case-insensitively, on capitalised words only (see
`cased_as_name`). Where a form is both curated and imported, the curated entry
is the only one used; an imported person the curated tables also have (same
id) is the curated person, reachable by the imported aliases too.

`names_in` finds every surface form in a text in one pass of an Aho-Corasick
automaton over lowercased tokens (pyahocorasick), not by looping over names.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..data import read_tsv
from ..model import Actor

MAX_ALIAS_TOKENS = 8
# Sectors of the PETRARCH2 agents that are taken as roles, when they name
# people (not "prison"): the state, armed and political actors events are
# about (business, farming, health, education and other social agents are too
# often just words in a news sentence).
IMPORTED_ROLE_SECTORS = {"GOV", "MIL", "REB", "OPP", "COP", "JUD", "LEG", "SPY", "UAF", "IGO", "NGO", "PTY", "ELI"}
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
    # curated rows hold years in office, imported rows exact dates (PETRARCH's dated codes)
    valid: tuple[int | dt.date | None, int | dt.date | None] = (None, None)


def valid_at(entry: Entry, year: int | None, published: dt.date | None = None) -> bool:
    """The entry holds in `year`, or on the `published` date for an entry with
    exact dates (with neither: it still holds today)."""
    lo, hi = entry.valid
    if year is None and published is None:
        return hi is None

    def after(bound) -> bool:  # the article is on or after `bound`
        if isinstance(bound, dt.date):
            return published >= bound if published else year >= bound.year
        return (published.year if published else year) >= bound

    def before(bound) -> bool:
        if isinstance(bound, dt.date):
            return published <= bound if published else year <= bound.year
        return (published.year if published else year) <= bound

    return (lo is None or after(lo)) and (hi is None or before(hi))


def start_key(entry: Entry) -> int:
    """When the entry's validity starts, as a sortable number (0: always)."""
    lo = entry.valid[0]
    if lo is None:
        return 0
    if isinstance(lo, dt.date):
        return lo.year * 10000 + lo.month * 100 + lo.day
    return lo * 10000 + 101


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
    role_ends: set[str] = field(default_factory=set)  # the last word of every role phrase
    # imported (PETRARCH2) entries by lowercased tokens; they match only capitalised text
    imported: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    matcher: object | None = None  # Aho-Corasick automaton over every surface form, lowercased
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
    _load_imported(kb)
    for r in read_tsv("actors/petrarch/roles.tsv"):  # PETRARCH2 agents the curated roles lack
        phrase = tuple(r["tokens"].split(" "))
        if phrase not in kb.roles and r["sector"] in IMPORTED_ROLE_SECTORS and r["human"] == "yes":
            kb.roles[phrase] = Role(r["phrase"], r["sector"], r["kind"] or "person", r["phrase"])
            kb.max_role_tokens = max(kb.max_role_tokens, len(phrase))
    # Organizations and people outrank a country that shares a surface form.
    for entries in [*kb.surface.values(), *kb.imported.values()]:
        entries.sort(key=lambda e: kind_rank(e.actor))
    kb.role_ends = {phrase[-1] for phrase in kb.roles}
    _build_matcher(kb)
    return kb


def _code_parts(code: str, countries: dict[str, Actor]) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: USAGOV -> (USA, GOV), IGOUNOKID -> (None, IGO)."""
    if code[:3] in countries:
        return code[:3], code[3:6] or None
    return None, code[:3] or None


def _imported_date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _load_imported(kb: KnowledgeBase) -> None:
    """The PETRARCH2 tables: country names, cities and regions; people and
    organizations with dated codes. A lowercased form the curated tables
    already have stays curated. Forms come tokenized (the `tokens` column)."""
    curated = {tuple(w.lower() for w in key) for key in kb.surface}
    curated_ids: dict[str, list[Entry]] = {}
    for entries in kb.surface.values():
        for e in entries:
            if e.actor.kind in ("person", "organization", "group") and e not in curated_ids.get(e.actor.id, ()):
                curated_ids.setdefault(e.actor.id, []).append(e)

    def add(tokens: str, entry: Entry) -> None:
        key = tuple(tokens.split(" "))
        if tokens and key not in curated and len(key) <= MAX_ALIAS_TOKENS:
            entries = kb.imported.setdefault(key, [])
            if entry not in entries:
                entries.append(entry)

    for r in read_tsv("actors/petrarch/country_names.tsv"):
        country = kb.countries.get(r["country"])
        if country is not None:
            add(r["tokens"], Entry(country, "name" if r["phrase"] == country.name else "place"))
    made: dict[tuple[str, str], Actor] = {}
    for r in read_tsv("actors/petrarch/actors.tsv"):
        forms = split_aliases(r["tokens"])
        if r["id"] in curated_ids:  # the curated person or organization, reachable by these forms too
            for f in forms:
                for e in curated_ids[r["id"]]:
                    add(f, e)
            continue
        actor = made.get((r["id"], r["code"]))
        if actor is None:
            country, sector = _code_parts(r["code"], kb.countries)
            actor = made[(r["id"], r["code"])] = Actor(r["id"], r["name"], r["code"], country, sector, r["kind"])
        entry = Entry(actor, "alias", (_imported_date(r["from"]), _imported_date(r["to"])))
        for f in forms:
            if r["kind"] == "person" and " " not in f:
                continue  # a lone given name or surname ("Abdullah", "Hussein") names too many people
            add(f, entry)


SEP = "\x1f"  # joins lowercased tokens for the automaton; no token contains it


def _build_matcher(kb: KnowledgeBase) -> None:
    """An Aho-Corasick automaton over every surface form (curated and
    imported), as lowercased tokens joined by SEP: `names_in` finds all of
    them in one pass over an article."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    keys = {tuple(w.lower() for w in key) for key in kb.surface} | kb.imported.keys()
    for key in keys:
        automaton.add_word(SEP + SEP.join(key) + SEP, len(key))
    automaton.make_automaton()
    kb.matcher = automaton


def names_in(kb: KnowledgeBase, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) token ranges of every known surface form in the lowercased
    `words` of a text, overlapping ones included."""
    text = SEP + SEP.join(words) + SEP
    token_at_sep: dict[int, int] = {}
    pos = 0
    for j, w in enumerate(words):
        pos += 1 + len(w)
        token_at_sep[pos] = j  # the separator after token j
    out = []
    for end_char, n in kb.matcher.iter(text):
        j = token_at_sep.get(end_char)
        if j is not None:
            out.append((j - n + 1, j + 1))
    return out


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
    for r in read_tsv("actors/country_abbreviations.tsv"):  # "PNG", "KSA": short names no package lists
        if r["code"] in kb.countries:
            kb.add(toks(r["abbreviation"]), Entry(kb.countries[r["code"]], "alias"))
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
