"""Actors: find who is mentioned in an article and resolve each mention.

The knowledge base is data (data/actors/*.tsv, see its README): countries with
names, former names, demonyms and capitals; organizations and armed groups;
people with country, sector and role; and role words that give a CAMEO sector
from context. Resolution links full names, surnames, title-only mentions
("the spokesperson", "Iran's top diplomat"), appositions and he/she pronouns to
one actor per article.

It does not trust spaCy's entity labels for names the knowledge base knows (the
small model tags "Araqchi" as a place); labels are used only for names it does
not know.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from ..data import read_tsv
from ..model import Actor, ActorEntry, Mention

MAX_ALIAS_TOKENS = 8
PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_COLLECTIVE = {"it", "its", "they", "them", "their"}
NP_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "case", "nummod", "quantmod"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}


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
    for r in read_tsv("actors/people.tsv"):
        actor = Actor(r["id"], r["name"], actor_code(r["country"] or None, r["sector"] or None, r.get("code")),
                      r["country"] or None, r["sector"] or None, "person", r["role"] or None)
        entry_valid = (_year(r.get("from", "")), _year(r.get("to", "")))
        for a in [r["name"], *split_aliases(r["aliases"])]:
            kb.add(toks(a), Entry(actor, "alias", entry_valid))
        if r["role"] and r["country"]:
            kb.people_by_role.setdefault((r["country"], r["role"]), []).append(Entry(actor, "role", entry_valid))
    for r in read_tsv("actors/roles.tsv"):
        phrase = toks(r["phrase"].lower())  # "peace-keeping force" -> peace - keeping force
        kb.roles[phrase] = Role(r["phrase"], r["sector"], r["kind"] or "person", r["role"] or r["phrase"])
        kb.max_role_tokens = max(kb.max_role_tokens, len(phrase))
    # Organizations and people outrank a country that shares a surface form.
    for entries in kb.surface.values():
        entries.sort(key=lambda e: _KIND_RANK.get(e.actor.kind, 3))
    return kb


@dataclass
class Found:
    """A mention with its token range, as resolution works on tokens."""

    actor: Actor
    start: int  # token index
    end: int  # token index, exclusive
    form: str
    role: Role | None = None

    def mention(self, doc) -> Mention:
        span = doc[self.start:self.end]
        return Mention(self.actor, span.text, (span.start_char, span.end_char))


QUANTITY_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                  "group", "member", "members", "number", "crowd", "delegation", "team", "band", "unit",
                  "some", "many", "most", "all", "several", "few", "one", "two", "three", "part", "majority",
                  "deployment", "contingent", "batch", "patch", "convoy", "detachment", "column", "battalion",
                  "squad", "wave", "handful", "couple", "score", "scores", "flotilla", "fleet", "party", "body",
                  "force", "units", "minority", "faction", "wing", "bloc", "delegations"}
NON_STATE_ORGS = {"IGO", "NGO", "IMG", "MNC"}
# Words in the name of an unknown organization with no country that make it a
# non-governmental one (CAMEO NGO); IGO-like words (Union, Council, Organization)
# are left out, as they name intergovernmental bodies as often.
NGO_NAME_WORDS = {"Association", "Foundation", "Watch", "Institute", "Society", "Federation", "Network",
                  "Center", "Centre", "Forum", "Trust", "Campaign", "Charity", "Relief", "Aid", "Rights",
                  "Amnesty", "Jurists", "Lawyers", "Doctors", "Physicians", "Reporters"}
STANCE_PREFIXES = {"anti", "pro", "non"}
# "Polish Americans", "Iraqi Canadians": the second demonym is where they live.
IMMIGRANT_NATIONS = {"USA", "CAN", "AUS", "NZL", "GBR"}
# A city named before one of these names a document or a forum, not its country.
DOCUMENT_NOUNS = {"accord", "accords", "agreement", "agreements", "convention", "conventions", "protocol",
                  "protocols", "process", "declaration", "treaty", "format", "framework", "initiative", "peace",
                  "summit", "conference", "consensus", "document", "memorandum", "statute"}
PLACED_VERBS = {"base", "based", "station", "stationed", "operate", "operating", "deploy", "deployed", "live",
                "living", "locate", "located"}
_KIND_RANK = {"person": 0, "group": 1, "organization": 1, "country": 2}


def _valid_at(entry: Entry, year: int | None) -> bool:
    lo, hi = entry.valid
    if year is None:
        return hi is None
    return (lo is None or lo <= year) and (hi is None or year <= hi)


def absolute_subject(verb):
    """"with Tehran backing the regime and Türkiye siding with the opposition":
    the small parser makes "Türkiye" a second object of "backing" and hangs
    "siding" under it; the noun just before the participle is its subject."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ == "conj" and noun.pos_ in ("PROPN", "NOUN") and noun.head.dep_ == "dobj" \
            and noun.head.head.i == verb.head.i:
        return noun
    return None


def is_absolute_subject(noun) -> bool:
    """The noun is the subject of the participle after it, not a conjunct."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    subject = absolute_subject(nxt) if nxt is not None else None
    return subject is not None and subject.i == noun.i


SPEAKER_PLURALS = {"we", "our", "us", "ours"}
PRONOUN_GENDER = {"she": "f", "her": "f", "hers": "f", "herself": "f",
                  "he": "m", "him": "m", "his": "m", "himself": "m"}


@cache
def first_name_genders() -> dict[str, str]:
    return {r["name"]: r["gender"] for r in read_tsv("actors/first_names.tsv")}


def contradicts(pronoun: str | None, actor: Actor) -> bool:
    """"she" cannot be Brian Fallon: a common first name (first_names.tsv)
    that says the other gender. Unknown names contradict nothing."""
    want = PRONOUN_GENDER.get((pronoun or "").lower())
    words = actor.name.split()
    have = first_name_genders().get(words[0]) if want and len(words) > 1 else None
    return have is not None and have != want


PLACE_PREPS = ("in", "at", "near", "outside", "inside")


class ArticleActors:
    """Every actor mention of one parsed article, resolved."""

    def __init__(self, doc, published: dt.date | None = None):
        self.doc = doc
        self.kb = knowledge_base()
        self.year = published.year if published else None
        self.by_token: dict[int, Found] = {}
        self.found: list[Found] = []
        self.extra: dict[int, list[Found]] = {}  # head token -> further coordinated actors
        self._find_named()
        self._find_roles()
        self._find_pronouns()

    # -- detection ---------------------------------------------------------
    def _add(self, f: Found) -> None:
        self.found.append(f)
        for i in range(f.start, f.end):
            self.by_token[i] = f

    def _find_named(self) -> None:
        doc, kb = self.doc, self.kb
        i, n = 0, len(doc)
        words = [t.text for t in doc]
        skipped: set[int] = set()
        while i < n:
            match = None
            for length in range(min(MAX_ALIAS_TOKENS, n - i), 0, -1):
                entries = kb.surface.get(tuple(words[i:i + length]))
                if entries:
                    match = (length, entries)
                    break
            if match and self._stance_prefix(i) and all(e.actor.kind == "country" for e in match[1]):
                skipped.update(range(i, i + match[0]))
                i += match[0]  # "an anti-Syria journalist", "pro-American protesters": a stance, not an actor
                continue
            if match and i + match[0] < n and doc[i + match[0]].lower_ in DOCUMENT_NOUNS and \
                    all(e.form in ("capital", "place") for e in match[1]):
                skipped.update(range(i, i + match[0]))
                i += match[0]  # "the Geneva Conventions", "the Oslo accords", "the Minsk agreements": no actor
                continue
            if match:
                length, entries = match
                valid = [e for e in entries if _valid_at(e, self.year)] or entries
                # the person's latest office held that year (Rutte in late 2024: NATO, not the Netherlands)
                e = max(valid, key=lambda e: (-_KIND_RANK.get(e.actor.kind, 3), e.valid[0] or 0))
                self._add(Found(e.actor, i, i + length, e.form))
                i += length
            else:
                actor = self._misspelled(i)
                if actor is not None:
                    self._add(Found(actor, i, i + 1, "misspelling"))
                i += 1
        self._find_peoples()
        self._disambiguate_places()
        for f in self.found:
            if f.actor.kind == "person" and f.role is None:
                f.role = self._np_context(doc[f.end - 1])[0]
        known_people = {f.actor.id: f.actor for f in self.found if f.actor.kind == "person"}
        for ent in doc.ents:
            if ent.label_ not in NAME_LABELS or any(i in self.by_token or i in skipped for i in range(ent.start, ent.end)):
                continue
            if self._inside_title(ent):
                continue  # "Defence" of "Defence Minister", "State" of "Secretary of State"
            self._add_unknown_entity(ent, known_people)
        self._find_bare_surnames()

    def _find_bare_surnames(self) -> None:
        """A surname standing alone after the full name, that the entity
        recognizer missed ("Fallon fired back" after "Brian Fallon"): the
        person of that name named last."""
        def full_name(f: Found) -> bool:
            return f.actor.kind == "person" and len(f.actor.name.split()) >= 2 and f.end - f.start >= 2

        surnames = {f.actor.name.split()[-1] for f in self.found if full_name(f)}
        doc = self.doc
        for t in doc:
            if t.text not in surnames or t.i in self.by_token or t.pos_ != "PROPN":
                continue
            if any(n.pos_ == "PROPN" for n in (doc[t.i - 1:t.i] if t.i > 0 else [])) or \
                    (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
                continue  # part of another name
            last = self.named_last_before(t.i, lambda f: full_name(f) and f.actor.name.split()[-1] == t.text)
            if last is not None:
                self._add(Found(last.actor, t.i, t.i + 1, "surname"))

    def _disambiguate_places(self) -> None:
        """A place name that several countries have (Tripoli: Libya's capital and
        a Lebanese port) is the other country's when its sentence names that
        country and not the usual one."""
        doc = self.doc
        for f in list(self.found):
            alternatives = self.kb.ambiguous.get(tuple(t.text for t in doc[f.start:f.end]))
            if not alternatives or f.actor.kind != "country":
                continue
            sent = doc[f.start].sent
            named = {g.actor.country for g in self.found if g is not f and g.actor.kind == "country"
                     and sent.start <= g.start < sent.end}
            others = [c for c in alternatives[1:] if c in named]
            if alternatives[0] not in named and len(others) == 1:
                self.found.remove(f)
                self._add(Found(self.kb.countries[others[0]], f.start, f.end, f.form))

    def _stance_prefix(self, i: int) -> bool:
        doc = self.doc
        return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES

    def _find_peoples(self) -> None:
        """A people named by a demonym or an ethnic name is coded by where it
        lives when the text says so: "Bosnian Serbs" and "Iraqi Kurds" (a
        demonym before it), "Albanians of southern Serbia" (of/in a country),
        "ethnic Albanians ... in Serbia" (a minority: the one other country of
        its sentence). "Serbs" alone stays Serbia, "Kurds" alone stays without
        a country for the event coder to place."""
        doc = self.doc
        for f in list(self.found):
            a = f.actor
            if not (a.kind == "country" and f.form == "alias" or a.role == "ethnic"):
                continue
            head = doc[f.end - 1]
            if head.dep_ in ("amod", "compound", "nmod", "poss") and head.head.i not in self.by_token:
                continue  # a modifier ("Serb forces", "Kurdish refugees"): the phrase's head decides
            country = None
            for c in head.children:
                g = self.by_token.get(c.i)
                if c.i < f.start and c.dep_ in ("amod", "compound", "nmod") and g is not None \
                        and g.actor.kind == "country" and g.actor.country != a.country \
                        and a.country not in IMMIGRANT_NATIONS:
                    country = g.actor.country  # "Bosnian Serbs" (but "Polish Americans" are American)
            homed = a.kind != "country" and a.country is not None  # "Jewish settlers in the West Bank" stay Israel's
            if country is None and not homed:
                country = self._prep_country(head)[0]
            if country is None and not homed and self._is_ethnic(head):
                country = self._other_country(head.sent, a.country)
            if country is None or country == a.country:
                continue
            words = doc[min([f.start] + [c.i for c in head.children if c.i < f.start and c.dep_ in ("amod", "compound")]):f.end]
            name = f"{self.kb.countries[country].name} {words.text}" if country in self.kb.countries else words.text
            people = Actor(f"group/{slug(name)}", name, actor_code(country, None), country, None, "group", "ethnic")
            self.found.remove(f)
            self._add(Found(people, f.start, f.end, "ethnic"))

    @staticmethod
    def _is_ethnic(head) -> bool:
        """ "ethnic Albanians", "ethnic Serb civilians": a minority."""
        return any(c.lower_ == "ethnic" for c in head.children) or \
            any(c.lower_ == "ethnic" for h in [head.head] if head.dep_ in ("amod", "compound") for c in h.children)

    def _other_country(self, sent, own: str | None) -> str | None:
        """The country other than `own` named most often in the sentence, when
        one is named more often than any other ("ethnic Albanians ... near
        Macedonia's border with Bulgaria, Macedonian officials said")."""
        counts: dict[str, int] = {}
        for f in self.found:
            if f.actor.kind == "country" and sent.start <= f.start < sent.end and f.actor.country != own:
                counts[f.actor.country] = counts.get(f.actor.country, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def _prep_country(self, head, preps=("in", "of", "from", "inside")) -> tuple[str | None, Actor | None]:
        """The country (or organization) a noun phrase is placed in by a
        prepositional phrase: "security forces in Guinea", "leaders of Romania's
        new government", "the government of President Prosper Avril", "a group
        based in Trinidad"."""
        objects = [g for p in head.children if p.dep_ == "prep" and p.lower_ in preps
                   for g in p.children if g.dep_ == "pobj"]
        for v in head.children:  # "based in", "stationed in", "operating in"
            if v.dep_ == "acl" and v.lemma_.lower() in PLACED_VERBS:
                objects += [g for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "inside")
                            for g in p.children if g.dep_ == "pobj"]
        for g in objects:
            f = self.by_token.get(g.i)
            if f is not None and f.actor.role != "ethnic":
                if f.actor.country:
                    return f.actor.country, None
                if f.actor.kind == "organization":
                    return None, f.actor
            _, country, org = self._np_context(g)
            if country or org:
                return country, org
        return None, None

    def _inside_title(self, ent) -> bool:
        """An entity that is only part of a title: the portfolio of a minister."""
        for j in range(ent.end - 1, min(ent.end + 2, len(self.doc))):
            hit = self._role_at(j)
            if hit and hit[1] <= ent.start and hit[0].kind == "person":
                return True
        return False

    def _misspelled(self, i: int) -> Actor | None:
        """A country name or demonym with a letter missing or doubled, on a
        proper noun standing alone (not part of a name: "Frances Townsend")."""
        doc = self.doc
        t = doc[i]
        if t.pos_ != "PROPN" or t.ent_type_ == "PERSON":
            return None
        if any(n.pos_ == "PROPN" or n.is_title for n in (doc[i - 1:i] if i > 0 else []) if not n.is_sent_start) \
                or (i + 1 < len(doc) and (doc[i + 1].pos_ == "PROPN" or doc[i + 1].is_title)):
            return None
        return self.kb.misspelled_country(t.text)

    def _trim(self, ent):
        """The name inside an entity span: without leading titles ("Spokesperson
        Esmaeil Baghaei") and a trailing possessive ("Assad’s")."""
        start, end = ent.start, ent.end
        while end - start > 1 and self.doc[end - 1].dep_ == "case":
            end -= 1
        while end - start > 1 and (self._role_at(start) or self.doc[start].is_lower or self.doc[start].is_punct):
            start += 1
        return self.doc[start:end]

    def _add_unknown_entity(self, ent, known_people) -> None:
        ent = self._trim(ent)
        text = ent.text.strip()
        if not any(ch.isalpha() for ch in text):
            return
        # Surname of a person named earlier in the article ("Baghaei" after "Esmaeil Baghaei").
        namesakes = {a.id for a in known_people.values() if a.name.split() and a.name.split()[-1] == text}
        if namesakes:
            # "Clinton" after Bill and Hillary Clinton: the one named last
            last = self.named_last_before(ent.start, lambda f: f.actor.id in namesakes)
            actor = last.actor if last is not None else known_people[min(namesakes)]
            self._add(Found(actor, ent.start, ent.end, "surname"))
            return
        role, country, org = self._np_context(ent.root)
        label = ent.root.ent_type_ or ent.label_
        words = text.split()
        looks_person = label == "PERSON" or (role is not None and role.kind == "person") or (
            # "Carly Fiorina" tagged an organization: a common first name and a surname
            len(words) in (2, 3) and words[0] in first_name_genders() and all(w[:1].isupper() for w in words))
        if label in ("GPE", "LOC", "FAC", "NORP") and not looks_person:
            return  # places are the place stage's business; unknown demonyms give no country
        if looks_person:
            sector = org.sector if org is not None and org.sector else (role.sector if role else None)
            actor = Actor(f"person/{slug(text)}", text, actor_code(country, sector), country, sector,
                          "person", role.role if role else None)
            known_people[actor.id] = actor
        else:
            sector = role.sector if role else None
            if sector is None and country is None and org is None and label == "ORG" and \
                    any(w in NGO_NAME_WORDS for w in text.split()):
                sector = "NGO"  # "the Association of African Jurists", "the Third World Water Forum"
            actor = Actor(f"organization/{slug(text)}", text, actor_code(country, sector), country,
                          sector, "organization")
        self._add(Found(actor, ent.start, ent.end, "entity", role))

    def _role_at(self, i: int) -> tuple[Role, int] | None:
        """The longest role phrase ending at token i (lowercased lemmas or texts)."""
        doc, kb = self.doc, self.kb
        for length in range(min(kb.max_role_tokens, i + 1), 0, -1):
            span = doc[i - length + 1:i + 1]
            for key in (tuple(t.lower_ for t in span), tuple(t.lemma_.lower() for t in span)):
                if key in kb.roles:
                    return kb.roles[key], i - length + 1
        return None

    def _np_context(self, head) -> tuple[Role | None, str | None, Actor | None]:
        """Role, country and organization from the modifiers of a noun phrase's
        head: "Iranian Foreign Ministry Spokesperson Esmaeil Baghaei" gives
        spokesperson and IRN; "Hamas chief Ismail Haniyeh" gives leader, PSE and
        Hamas, whose sector the person takes."""
        role = country = org = None
        tokens = [head] + [t for t in head.subtree if t.i < head.i and t.dep_ in NP_MODIFIER_DEPS | {"appos"}]
        appos = [c for c in head.children if c.dep_ == "appos"]
        # "Salaheddine Sidhoum, Algeria's leading human rights activist": the apposition's modifiers too
        tokens += appos + [t for a in appos for t in a.children if t.i < a.i and t.dep_ in ("poss", "amod", "compound")]
        # "Vietnamese-led forces": the leader of a coalition names it
        tokens += [g for c in head.children if c.dep_ == "amod" and c.lower_ == "led"
                   for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i in self.by_token]
        for t in sorted(tokens, key=lambda t: -t.i):
            if role is None:
                hit = self._role_at(t.i)
                if hit:
                    role = hit[0]
            f = self.by_token.get(t.i)
            if f is None or t.i == head.i:
                continue
            if org is None and f.actor.kind in ("organization", "group") and f.actor.role != "ethnic":
                org = f.actor
            # the leftmost country wins: "Bosnian Serb leader", "Iraqi Kurdish refugees" live where the first says,
            # but not before a demonym of a nation of immigrants: "Polish American voters" are American
            if f.actor.country and not (country in IMMIGRANT_NATIONS and f.actor.kind == "country"
                                        and country != f.actor.country):
                country = f.actor.country
        return role, country, org

    def _find_roles(self) -> None:
        """Title-only mentions: 'the spokesperson', 'Iran's top diplomat', 'Turkish officials'."""
        doc = self.doc
        for tok in doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.by_token:
                continue
            # Only the head of its noun phrase: "Foreign Ministry Spokesperson Esmaeil Baghaei"
            # gives the name its role, it is not a mention of its own.
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                continue
            hit = self._role_at(tok.i)
            if not hit:
                continue
            role, start = hit
            appos = [c for c in tok.children if c.dep_ == "appos" and c.i in self.by_token]
            _, country, org = self._np_context(tok)
            placed: list[str] = []
            if country is None and org is None and role.sector != "IGO":  # "a peacekeeping force in Liberia" is no Liberian
                preps = ("of", "from") if role.kind == "person" else ("in", "of", "from", "inside")
                country, org = self._prep_country(tok, preps)
                if country:  # "the presidents of Iraq and Egypt": one actor per country
                    placed = self._prep_conjunct_countries(tok, preps, country)
            elif org is None and self._is_ethnic(tok):  # "ethnic Albanian guerrillas" in Macedonia
                country = self._prep_country(tok)[0] or self._other_country(tok.sent, country) or country
            left = min([start] + [t.i for t in tok.subtree if t.i < start and t.dep_ in NP_MODIFIER_DEPS])
            end = tok.i + 1
            if appos:
                named = self.by_token[appos[0].i]
                if named.actor.kind == "person":
                    end = named.end
                    actor = self._with_role(named.actor, role, country)
                    self._add(Found(actor, left, end, "role", role))
                    continue
            actor = self._resolve_role(role, country, tok.i, org)
            more = self._country_modifier_conjuncts(tok)[1:] + placed
            self._add(Found(actor, left, end, "role", role))
            # "Iranian and Turkish officials": one actor per coordinated country.
            for c in more:
                self.extra.setdefault(tok.i, []).append(
                    Found(self._resolve_role(role, c, tok.i, org), left, end, "role", role))

    def _prep_conjunct_countries(self, head, preps, first: str) -> list[str]:
        """The further countries coordinated with the first in the head's
        prepositional phrase ("of Iraq and Egypt")."""
        out: list[str] = []
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in preps:
                for g in p.children:
                    if g.dep_ != "pobj":
                        continue
                    for c in g.conjuncts:
                        f = self.by_token.get(c.i)
                        if f is not None and f.actor.kind == "country" and f.actor.country not in (first, *out):
                            out.append(f.actor.country)
        return out

    def _country_modifier_conjuncts(self, head) -> list[str]:
        for c in head.children:
            f = self.by_token.get(c.i)
            if c.dep_ in ("amod", "compound", "nmod", "poss") and f is not None and f.actor.kind == "country":
                out = [f.actor.country]
                for cc in c.conjuncts:
                    g = self.by_token.get(cc.i)
                    if g is not None and g.actor.kind == "country" and g.actor.country not in out:
                        out.append(g.actor.country)
                return out
        return []

    def _with_role(self, actor: Actor, role: Role, country: str | None) -> Actor:
        if actor.sector and actor.country:
            return actor
        c = actor.country or country
        s = actor.sector or role.sector
        return Actor(actor.id, actor.name, actor_code(c, s), c, s, actor.kind, actor.role or role.role)

    def _resolve_role(self, role: Role, country: str | None, before: int, org: Actor | None = None) -> Actor:
        if org is not None:  # "Hamas chief", "the UN spokesperson": the organization's people
            country = org.country
            role = Role(role.phrase, org.sector or role.sector, role.kind, role.role)
        if role.kind == "person":
            # An earlier person of the article with this role (and country, when given).
            for f in reversed(self.found):
                if f.start >= before or f.actor.kind != "person":
                    continue
                r = f.role.role if f.role else f.actor.role
                if r == role.role and (country is None or f.actor.country == country):
                    return f.actor
            if country:
                for e in self.kb.people_by_role.get((country, role.role), []):
                    if _valid_at(e, self.year):
                        return e.actor
        name = f"{self.kb.countries[country].name} {role.role}" if country in self.kb.countries else role.role
        kind = "person" if role.kind == "person" else "group"
        # the people of an international body carry its code: "NATO troops" IGOWSTNAT, "UN officials" IGOUNO
        base = org.code if org is not None and org.country is None and org.sector in NON_STATE_ORGS else None
        if base:
            name = f"{org.name} {role.role}"
        return Actor(f"{kind}/{slug(name)}", name, actor_code(country, role.sector, base), country,
                     role.sector, kind, role.role)

    def _find_pronouns(self) -> None:
        """he/she/his/her: the nearest person before it in this or the two
        previous sentences, preferring one that is a clause's subject.
        it/its/they/their: the nearest country, organization or group that is a
        clause's subject in this or the previous sentence ("Syria says it is
        willing to withdraw its troops")."""
        doc = self.doc
        sents = list(doc.sents)
        found = sorted(self.found, key=lambda f: f.start)
        for si, sent in enumerate(sents):
            for tok in sent:
                low = tok.lower_
                if tok.i in self.by_token or tok.pos_ != "PRON":
                    continue
                if low in PRONOUNS_PERSON:
                    window, kinds, subjects_only = sents[max(0, si - 2)].start, ("person",), False
                elif low in PRONOUNS_COLLECTIVE:
                    if low == "it" and tok.dep_ not in ("nsubj", "nsubjpass"):
                        continue  # "it" as object is rarely an actor
                    window, kinds, subjects_only = sents[max(0, si - 1)].start, ("country", "organization", "group"), True
                else:
                    continue
                before = [f for f in found if window <= f.start < tok.i and f.actor.kind in kinds
                          and not contradicts(low, f.actor)]
                subjects = [f for f in before if self._is_subject(f)]
                if subjects_only and not subjects:
                    continue
                if not before:
                    continue
                best = (subjects or before)[-1]
                f = Found(best.actor, tok.i, tok.i + 1, "pronoun", best.role)
                self._add(f)
                found.append(f)
                found.sort(key=lambda f: f.start)

    def _is_subject(self, f: Found) -> bool:
        toks = self.doc[f.start:f.end]
        return any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ in ("compound", "appos") and t.head.dep_ in ("nsubj", "nsubjpass")) for t in toks)

    # -- lookup ------------------------------------------------------------
    def sentence_country(self, found: Found | None, sent) -> Found | None:
        """A role-only or unknown actor with no country takes the country of its
        sentence when exactly one is named there ("Rebels in the Ivory Coast
        attacked...", "Police in Abidjan arrested...")."""
        a = found.actor if found else None
        if a is None or a.country or a.kind not in ("group", "person") or \
                a.sector in NON_STATE_ORGS and not (a.kind == "person" and a.sector == "NGO"):
            return found  # an activist is of his country; the UN and "a rights group" are of none
        countries = {f.actor.country for f in self.found
                     if f.actor.kind == "country" and sent.start <= f.start < sent.end}
        c = next(iter(countries)) if len(countries) == 1 else self._act_place(found) or \
            self._opposed_government(a, sent)
        if c is None:
            return found
        name = f"{self.kb.countries[c].name} {a.name}" if a.sector and c in self.kb.countries else a.name
        actor = Actor(a.id if a.kind == "person" else f"group/{slug(name)}", name if a.kind != "person" else a.name,
                      actor_code(c, a.sector), c, a.sector, a.kind, a.role)
        return Found(actor, found.start, found.end, found.form, found.role)

    def _opposed_government(self, a: Actor, sent) -> str | None:
        """An opposition stands against a government: "Tehran backing the Assad
        regime and Türkiye siding with the opposition" is Syria's opposition,
        when the sentence names one country's government. Not rebels or
        militants: "Baghaei said ... empowering terrorist groups" are not Iran's."""
        if a.sector != "OPP":
            return None
        governments = {f.actor.country for f in self.found if sent.start <= f.start < sent.end
                       and f.actor.sector == "GOV" and f.actor.kind != "country" and f.actor.country}
        return next(iter(governments)) if len(governments) == 1 else None

    def _act_place(self, found: Found) -> str | None:
        """The country where the clause of a subject or object happens, when
        the sentence names several: "people blocked streets in Hong Kong in
        defiance of Chinese authorities" are Hong Kong's."""
        tok = self.doc[found.end - 1]
        while tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                (tok.head.head.lemma_.lower() in QUANTITY_HEADS or tok.head.head.like_num):
            tok = tok.head.head  # "thousands of people"
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return None
        verb = tok.head
        places = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        for h in places:
            c = self._located_in(h, ("in", "inside", "at"), 2)
            if c:
                return c
        return None

    def unidentified_attackers(self, verb) -> Found | None:
        """"Three civilians were killed in a car bombing in Baghdad": no one
        is named, so the attackers are unidentified armed forces (UAF) of the
        country it happened in, as event datasets code them."""
        country = self._located_in(verb, PLACE_PREPS, 3)
        if country is None:
            return None
        name = f"{self.kb.countries[country].name} unidentified attackers" if country in self.kb.countries else \
            "unidentified attackers"
        actor = Actor(f"group/{slug(name)}", name, actor_code(country, "UAF"), country, "UAF", "group", None)
        return Found(actor, verb.i, verb.i + 1, "inferred")

    def _located_in(self, h, preps, depth: int) -> str | None:
        """The country of an in/at phrase on h, following nested places: "rioted
        at a jail in East Timor's capital Dili"."""
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            # "outside of the city of Basra": the place hangs on a second preposition
            objects = [g for g in prep.children if g.dep_ == "pobj"] or \
                [g for q in prep.children if q.dep_ == "prep" and q.lower_ == "of" for g in q.children if g.dep_ == "pobj"]
            for g in objects:
                f = self.by_token.get(g.i)
                if f is not None and f.actor.kind == "country":
                    return f.actor.country
                if f is None:
                    country = self._np_context(g)[1]
                    if country:
                        return country
                if depth > 1:
                    c = self._located_in(g, ("in", "inside", "of"), depth - 1)
                    if c:
                        return c
        return None

    def named_last_before(self, i: int, keep) -> Found | None:
        """The mention that `keep` accepts named last before token i."""
        return max((f for f in self.found if f.start < i and keep(f)), key=lambda f: f.start, default=None)

    def last_person_before(self, i: int, pronoun: str | None = None) -> Actor | None:
        """The person mentioned last before token i; for "she" or "he", the
        last one whose first name does not say otherwise."""
        best = self.named_last_before(i, lambda f: f.actor.kind == "person" and not contradicts(pronoun, f.actor))
        return best.actor if best else None

    def at(self, token) -> Found | None:
        return self.by_token.get(token.i)

    def add_speaker_pronouns(self, quoted: list[tuple[tuple[int, int], Actor]]) -> None:
        """"Our talks with Hamas have shown...", said Iran's spokesperson: a
        first-person plural inside a direct quote is the speaker's side, unless
        the quote names countries before it in its sentence ("Türkiye and Iran
        agree we must help"). Each (char span, speaker) is a quotation and who
        said it."""
        for (start, end), speaker in quoted:
            if not speaker.country and speaker.kind not in ("organization", "group"):
                continue
            span = self.doc.char_span(start, end, alignment_mode="expand")
            for tok in span if span is not None else ():
                if tok.lower_ not in SPEAKER_PLURALS or tok.i in self.by_token:
                    continue
                if not any(f.actor.kind == "country" and max(span.start, tok.sent.start) <= f.start < tok.i
                           for f in self.found):
                    f = Found(speaker, tok.i, tok.i + 1, "pronoun")
                    self.by_token[tok.i] = f
                    self.found.append(f)

    def for_phrase(self, head) -> list[Found]:
        """The actors a noun phrase headed by `head` denotes: coordinated members
        each ("Iran and Türkiye"), a name before a role word, the role before a
        bare country."""
        members = [head] + [c for c in head.conjuncts if c.i > head.i and not is_absolute_subject(c)]
        out: list[Found] = []
        for m in members:
            f = self._phrase_actor(m)
            more = self.extra.get(m.i, [])
            if f is not None and f.actor.kind == "country" and not (f.start <= m.i < f.end) and not more:
                # "the Turkish and Greek sides": each coordinated country modifier
                for c in m.children:
                    if c.dep_ in ("amod", "compound", "nmod") and self.by_token.get(c.i) is f:
                        more = [self.by_token[cc.i] for cc in c.conjuncts if cc.i in self.by_token
                                and self.by_token[cc.i].actor.kind == "country"]
            for g in ([f] if f is not None else []) + more:
                if all(g.actor.id != o.actor.id for o in out):
                    out.append(g)
        return out

    def _phrase_actor(self, head) -> Found | None:
        f = self.by_token.get(head.i)
        if f is not None:
            return f
        for c in head.children:
            if c.dep_ == "appos" and c.i in self.by_token:
                return self.by_token[c.i]
        # "Iranian officials", "U.N. helicopters", "Reagan's statement": an actor modifier
        inner_found = None
        # a named modifier before a possessive pronoun: "its European Community partners" are the EC
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in self.by_token]
        named = [c for c in modifiers if c.pos_ != "PRON"]
        countries = [self.by_token[c.i] for c in named if self.by_token[c.i].actor.kind == "country"]
        if countries:  # the leftmost, unless the last is a nation of immigrants ("Lithuanian American voters")
            return countries[-1] if countries[-1].actor.country in IMMIGRANT_NATIONS else countries[0]
        for c in named:
            inner = self.by_token[c.i]
            if inner.actor.kind in ("group", "organization") or c.dep_ == "poss":
                inner_found = inner_found or inner
        if inner_found is not None:
            return inner_found
        pronouns = [self.by_token[c.i] for c in modifiers if c.pos_ == "PRON" and c.dep_ == "poss"]
        if pronouns and pronouns[0].actor.kind == "country":  # "its partners": the country it stands for
            return pronouns[0]
        # "The Red Cross operating in Iraq said": a participle misparsed as the subject, its own subject the actor
        if head.pos_ == "VERB" and head.dep_ in ("nsubj", "nsubjpass"):
            for c in head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i and c.i in self.by_token:
                    return self.by_token[c.i]
        # "thousands of Iraqi Kurds", "a group of Moroccan diplomats": the people counted
        if head.lemma_.lower() in QUANTITY_HEADS or head.like_num:
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for g in p.children:
                        if g.dep_ == "pobj":
                            return self._phrase_actor(g)
        return None

    def entries(self) -> list[ActorEntry]:
        grouped: dict[str, ActorEntry] = {}
        coordinated = [f for fs in self.extra.values() for f in fs]  # "Iranian and Turkish officials": both
        for f in sorted(self.found + coordinated, key=lambda f: f.start):
            f = self.sentence_country(f, self.doc[f.start].sent)  # "the opposition" as Syria's
            span = self.doc[f.start:f.end]
            e = grouped.setdefault(f.actor.id, ActorEntry(f.actor))
            e.mentions.append((span.start_char, span.end_char))
        return list(grouped.values())


def unknown_actor(words: str, head) -> Actor:
    """An actor for a phrase that resolves to nothing known ("a source involved in
    the talks"): named by its own words, with no country or sector to claim."""
    kind = "organization" if head.ent_type_ in ("ORG", "NORP") else "person"
    name = words.strip()
    return Actor(f"{kind}/{slug(name)[:60] or 'unknown'}", name, "UNK", None, None, kind)
