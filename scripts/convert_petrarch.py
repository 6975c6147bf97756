"""Convert the PETRARCH2 dictionaries (Open Event Data Alliance, MIT licence)
into eventwire's data tables.

Sources (the directory given by --source, default ../shared/dictionaries/petrarch2):
- Phoenix.Countries.actors.txt: country names, cities and regions (to their
  country), national institutions, and people with dated posts;
- Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt: IGOs, NGOs,
  companies, media, armed groups and parties (some people too);
- Phoenix.agents.txt: role nouns with sector codes;
- CAMEO.2.0.txt: verb synonym blocks, patterns and &SET synsets;
- Phoenix.discards.txt: phrases that mark sport, entertainment and other
  non-political sentences or stories.

Outputs (under src/eventwire/data/, each directory with a README and the MIT
LICENSE of the source):
- actors/petrarch/country_names.tsv  `phrase country tokens`  (a name, city or region -> ISO alpha-3)
- actors/petrarch/actors.tsv  `id name aliases kind code from to file tokens`  one row per
  dated code of a person or organization; `from`/`to` are ISO dates (empty: open);
  a row with both empty is the default code, used when no dated row holds
- actors/petrarch/roles.tsv  `phrase sector code placement kind human tokens`  agents with plurals expanded
- events/petrarch/verbs.tsv  in the format of event_verbs.tsv
- events/petrarch/unmapped.tsv  `verb pattern code reason`: patterns that do not map
- events/petrarch/discards.tsv  `phrase scope kind`  (scope: sentence | story)

Every record that is left out is counted by reason and the counts are printed
(and written to conversion_report.txt beside the tables): nothing is dropped
silently.

Usage: python scripts/convert_petrarch.py [--source DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import shutil
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "dictionaries" / "petrarch2"
DEFAULT_OUT = ROOT / "src" / "eventwire" / "data"

# CAMEO-era country codes that are not ISO 3166-1 alpha-3, mapped the way
# eventwire's own tables code those states (the USSR as Russia, Yugoslavia and
# Serbia and Montenegro as Serbia, East Germany as Germany).
OLD_COUNTRY_CODES = {
    "USR": "RUS", "SUN": "RUS", "DDR": "DEU", "GDR": "DEU", "FRG": "DEU", "YUG": "SRB", "FRY": "SRB",
    "SCG": "SRB", "CSK": "CZE", "TMP": "TLS", "KSV": "XKX", "KOS": "XKX", "ROM": "ROU", "ZAR": "COD",
    "BUR": "MMR", "YMD": "YEM", "YAR": "YEM", "ANG": "AGO", "SRP": "BIH", "IMY": "IMN",
    # and two the dictionaries use once: French territories (Wallis and Futuna)
    # and the Serbian Krajina, a breakaway state of 1991-95 inside Croatia
    "FRN": "FRA", "KRJ": "HRV",
}
# Codes that are not a country and stand at the start of a CAMEO actor code:
# international and transnational actors, regions, religions, sectors alone.
NON_COUNTRY_PREFIXES = {
    "IGO", "NGO", "IMG", "MNC", "INT", "ELI", "MED", "HIN", "BUD", "MOS", "CHR", "JEW", "MUS", "REB",
    "GOV", "MIL", "OPP", "BUS", "UAF", "NGM", "AFR", "ASA", "CAS", "EAF", "EEU", "EUR", "LAM", "MEA",
    "NAF", "SAF", "SAM", "SAS", "SEA", "WAF", "WEU", "CFR", "BAH", "KKL", "EIN", "NMR", "KNT", "MDS",
    "NMR", "PGS", "SCN", "CRB", "NAM", "WST", "CAU", "BLK", "BAL", "AME", "MAF",
}
# A pattern holds for the verb its comment names ("# RUSH"), where it was found
# in TABARI's dictionaries, not for every synonym of its block: "set a deadline"
# (139) does not make "arrange a deadline" a threat.
ONLY_ORIGIN_VERB = True
PARTICLES = {"off", "up", "out", "down", "in", "on", "back", "away", "over", "through", "along", "around",
             "forward", "apart", "aside", "about", "together", "ahead"}
PREPOSITIONS = {"about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at",
                "before", "behind", "below", "beside", "between", "beyond", "by", "despite", "during", "for",
                "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside",
                "over", "per", "since", "than", "through", "throughout", "to", "toward", "towards", "under",
                "until", "upon", "with", "within", "without", "via"}
# Words in a name that make it an organization, not a person.
ORG_WORDS = {"ARMY", "FRONT", "PARTY", "BRIGADE", "BRIGADES", "ORGANIZATION", "ORGANISATION", "MOVEMENT",
             "COUNCIL", "COMMITTEE", "UNION", "GROUP", "FORCES", "FORCE", "LEAGUE", "ASSOCIATION", "BANK",
             "AGENCY", "FUND", "COMMISSION", "NATIONS", "INSTITUTE", "FOUNDATION", "COMPANY", "CORPORATION",
             "MINISTRY", "OFFICE", "COURT", "TRIBUNAL", "PROGRAM", "PROGRAMME", "NEWS", "TIMES", "POST",
             "PRESS", "CELLS", "NUCLEI", "FACTION", "ACTION", "STRUGGLE", "CORPS", "GUARD", "POLICE",
             "CENTER", "CENTRE", "MISSION", "NETWORK", "SOCIETY", "FEDERATION", "ALLIANCE", "CONGRESS",
             "ASSEMBLY", "PARLIAMENT", "SERVICE", "AUTHORITY", "BUREAU", "DEPARTMENT", "INC", "LTD",
             "CORP", "CO", "REPUBLIC", "AIRLINES", "AIRWAYS", "GROUP", "JOURNAL", "TELEVISION", "RADIO", "AGENCY"}


def ascii_upper(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().upper()


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0]


def phrase_text(raw: str) -> str:
    """A dictionary phrase ("MAZAR-I-SHARIF_", "CARLOS SANTOS_CRUZ_") as words
    separated by single spaces, in the dictionary's upper case."""
    s = raw.strip().replace("_", " ")
    return re.sub(r"\s+", " ", s).strip()


def display(phrase: str) -> str:
    """A readable name: title case, except a one-word name of up to four
    letters or a word with dots or without vowels, which are acronyms (NATO,
    U.N., ANSF)."""
    words = phrase.split()

    def one(w: str) -> str:
        letters = re.sub(r"[^A-Za-z]", "", w)
        if "." in w or (letters and not re.search(r"[AEIOUY]", letters.upper())) or \
                (len(words) == 1 and len(letters) <= 4):
            return w
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))

    return " ".join(one(w) for w in words)


# -- dates and codes --------------------------------------------------------
def parse_date(s: str) -> dt.date | None:
    """YYYYMMDD or YYMMDD (YY below 30 is 20YY, as PETRARCH reads it)."""
    s = s.strip()
    try:
        if len(s) == 8:
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
        if len(s) == 6:
            yy = int(s[:2])
            return dt.date((2000 if yy < 30 else 1900) + yy, int(s[2:4]), int(s[4:6]))
    except ValueError:
        return None
    return None


@dataclass
class DatedCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None


def parse_code(text: str) -> DatedCode | str:
    """'[USAGOV 090120-170120]', '[IGOUNO >070201]', '[AFGELI]' -> DatedCode,
    or a reason string when it cannot be read."""
    parts = text.strip().strip("[]").split()
    if not parts:
        return "empty code"
    code = parts[0]
    if not re.fullmatch(r"[A-Z0-9]+|---", code):
        return "malformed code"
    if code == "---":
        return "null code"
    if len(parts) == 1:
        return DatedCode(code)
    rest = "".join(parts[1:])
    if rest.startswith(">"):
        d = parse_date(rest[1:])
        return DatedCode(code, d, None) if d else "malformed date"
    if rest.startswith("<"):
        d = parse_date(rest[1:])
        return DatedCode(code, None, d) if d else "malformed date"
    m = re.fullmatch(r"(\d+)-(\d+)", rest)
    if m:
        a, b = parse_date(m.group(1)), parse_date(m.group(2))
        return DatedCode(code, a, b) if a and b else "malformed date"
    return "malformed date"


def country_of(code: str, iso: set[str]) -> tuple[str | None, str, str | None]:
    """(country, code with the country part mapped to ISO, problem) of a CAMEO actor code."""
    head = code[:3]
    if head in iso:
        return head, code, None
    if head in OLD_COUNTRY_CODES:
        c = OLD_COUNTRY_CODES[head]
        return c, c + code[3:], None
    if head in NON_COUNTRY_PREFIXES or len(code) <= 3 and code in NON_COUNTRY_PREFIXES:
        return None, code, None
    return None, code, f"unknown country code {head}"


# -- actor dictionaries ------------------------------------------------------
@dataclass
class Record:
    names: list[str]
    codes: list[DatedCode] = field(default_factory=list)
    comment: str = ""
    file: str = ""
    line: int = 0


def read_actor_file(path: Path, stats: Counter) -> list[Record]:
    """Records: a primary phrase, its '+' synonyms and its code lines. A
    primary line with neither code nor synonyms nor code lines takes the
    codes of the record just before it (TABARI listed spelling variants that
    way: "UN_ [IGOUNO]" then "U.N._")."""
    records: list[Record] = []
    cur: Record | None = None

    def codes_in(text: str, rec: Record) -> None:
        for m in re.finditer(r"\[[^\]]*\]", text):
            c = parse_code(m.group(0))
            if isinstance(c, DatedCode):
                rec.codes.append(c)
            else:
                stats[f"actor code skipped: {c}"] += 1

    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = strip_comment(raw)
        if not line.strip():
            continue
        if line[0] in "\t " or line.lstrip().startswith("["):
            if cur is None:
                stats["actor code line before any name"] += 1
                continue
            codes_in(line, cur)
            continue
        if line.startswith("+"):
            if cur is None:
                stats["actor synonym before any name"] += 1
                continue
            name = line[1:]
            codes_in(name, cur)
            name = re.sub(r"\[[^\]]*\]", "", name)
            if phrase_text(name):
                cur.names.append(phrase_text(name))
            continue
        name = re.sub(r"\[[^\]]*\]", "", line)
        cur = Record([phrase_text(name)] if phrase_text(name) else [], comment=comment, file=path.name, line=n)
        codes_in(line, cur)
        records.append(cur)
    # codeless primaries take the codes of the record before them
    out: list[Record] = []
    for i, r in enumerate(records):
        if not r.names:
            stats["actor record without a name"] += 1
            continue
        if not r.codes and len(r.names) == 1 and i > 0 and records[i - 1].codes:
            r.codes = list(records[i - 1].codes)
            stats["actor record taking the codes of the one before"] += 1
        if not r.codes:
            stats["actor record dropped: no code"] += 1
            continue
        out.append(r)
    return out


def is_person(rec: Record, first_names: set[str]) -> bool:
    words = set(rec.names[0].replace("-", " ").split())
    if words & ORG_WORDS or rec.names[0].startswith("THE "):  # "THE ISLAMIC STATE" has dated codes too
        return False
    if any(c.start or c.end for c in rec.codes) or "CountryInfo" in rec.comment or "rulers" in rec.comment:
        return True
    toks = rec.names[0].split()
    return 2 <= len(toks) <= 4 and toks[0].title() in first_names


def sector_of(code: str, country: str | None) -> str | None:
    rest = code[3:] if country or code[:3] in NON_COUNTRY_PREFIXES else code
    if code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        return code[:3]
    return rest[:3] or None


def convert_actors(src: Path, iso: set[str], first_names: set[str], stats: Counter):
    """(country_names rows, actors rows)."""
    country_rows: dict[str, str] = {}
    actor_rows: list[list[str]] = []
    seen_ids: Counter = Counter()
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):
        for rec in read_actor_file(src / fname, stats):
            mapped: list[tuple[DatedCode, str | None, str]] = []
            for c in rec.codes:
                country, code, problem = country_of(c.code, iso)
                if problem:
                    stats[f"actor code kept without a country: {problem}"] += 1
                mapped.append((c, country, code))
            # A record whose current code is a bare country is a name of the
            # country: its name, synonyms, cities and regions.
            # The code that holds today: the open dated code that started last,
            # else the default ("[USRTKM >911016]", "[TKM >911221]": Turkmenistan).
            open_ = [m for m in mapped if m[0].start and m[0].end is None]
            current = [max(open_, key=lambda m: m[0].start)] if open_ else \
                [m for m in mapped if not (m[0].start or m[0].end)]
            if current and all(m[2] == m[1] and m[1] for m in current):
                country = current[-1][1]
                for name in rec.names:
                    country_rows.setdefault(name, country)
                stats[f"country-name records ({fname})"] += 1
                stats["country names, cities and regions"] += len(rec.names)
                continue
            if all(m[2] == m[1] and m[1] for m in mapped):
                stats["actor record dropped: historical name of a country only"] += 1
                continue
            kind = "person" if is_person(rec, first_names) else "organization"
            name = display(rec.names[0])
            base = f"{kind}/{slug(name)}"
            seen_ids[base] += 1
            ident = base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}"
            aliases = "|".join(display(a) for a in rec.names[1:])
            for c, country, code in mapped:
                actor_rows.append([ident, name, aliases, kind, code,
                                   c.start.isoformat() if c.start else "", c.end.isoformat() if c.end else "",
                                   fname])
            stats[f"{kind}s ({fname})"] += 1
            stats["actor names and aliases"] += len(rec.names)
    return country_rows, actor_rows


# -- agents -----------------------------------------------------------------
def plural(word: str) -> str:
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X", "Z")):
        return word + "ES"
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    return word + "S"


PERSON_ENDINGS = ("ER", "OR", "IST", "MAN", "WOMAN", "PERSON", "ANT", "ENT", "IAN", "EE", "ARY", "IER",
                  "CHIEF", "HEAD", "LEADER", "OFFICIAL", "OFFICER", "AIDE", "ENVOY", "DELEGATE", "PRESIDENT",
                  "GENERAL", "COLONEL", "CAPTAIN", "MAJOR", "SPOKESPERSON", "MINISTER", "MONK", "PRIEST",
                  "CLERIC", "IMAM", "RABBI", "BISHOP", "CARDINAL", "POPE", "JUDGE", "MP", "SENATOR", "MAYOR",
                  "GOVERNOR", "KING", "QUEEN", "PRINCE", "SHEIKH", "EMIR", "SULTAN", "CONSUL", "AMBASSADOR",
                  "STUDENT", "REBEL", "SOLDIER", "TERRORIST", "MILITANT", "JOURNALIST", "ACTIVIST")


def convert_agents(path: Path, stats: Counter) -> list[list[str]]:
    subs: dict[str, list[str]] = {}
    rows: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = strip_comment(raw).strip()
        if not line or line.startswith("<!"):
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.*)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)[\]}]\s*", line)
        if not m:
            stats["agent dropped: no code"] += 1
            continue
        phrase, plural_spec, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        if code.startswith("~"):
            agent, placement = code[1:], "after"
        elif code.endswith("~"):
            agent, placement = code[:-1], "before"
        else:
            stats["agent dropped: code without ~"] += 1
            continue
        if not re.fullmatch(r"[A-Z]{3,}", agent):
            stats["agent dropped: malformed code"] += 1
            continue
        forms: list[tuple[str, str]] = []  # (phrase, number)
        marker = re.search(r"![A-Z]+!", phrase)
        if marker:
            if marker.group(0) not in subs:
                stats["agent dropped: unknown substitution set"] += 1
                continue
            for w in subs[marker.group(0)]:
                number = "plural" if w in ("MEN", "WOMEN", "MINISTERS", "MINISTRIES") else "singular"
                forms.append((phrase.replace(marker.group(0), w), number))
        else:
            forms.append((phrase, "singular"))
            if plural_spec is None:
                words = phrase.rstrip("_").split("_")
                if not phrase.endswith("_"):
                    forms.append(("_".join(words[:-1] + [plural(words[-1])]), "plural"))
            else:
                for p in plural_spec.strip("{}").split():
                    forms.append((p, "plural"))
        for form, number in forms:
            text = phrase_text(form).lower()
            if not text:
                continue
            # a word for people ("farmer", "farmers", "ferrymen"), not an institution or trade ("prison", "airline")
            head = phrase_text(forms[0][0]).split()[-1].upper() if forms else ""
            human = (head.endswith(PERSON_ENDINGS) and not head.endswith("MENT")) or head.endswith(("MEN", "PEOPLE", "PERSONS"))
            kind = "person" if number == "singular" and human else "group"
            sector = agent[:3]
            if text in rows:
                stats["agent form repeated (first kept)"] += 1
                continue
            rows[text] = [text, sector, agent, placement, kind, "yes" if human else "no"]
        stats["agent entries"] += 1
    return list(rows.values())


# -- verbs ------------------------------------------------------------------
@dataclass
class Verb:
    lemma: str
    particle: str = ""
    prep: str = ""
    code: str = ""  # its own code, if any
    word: str = ""  # as the dictionary writes it (RUSH, HAND_OVER), which pattern comments name


class Lemmas:
    """Noun and verb lemmas as eventwire's parser produces them (spaCy's
    English lemmatizer), so that a pattern's object matches the parsed text."""

    def __init__(self):
        from eventwire.nlp.parse import nlp

        self.nlp = nlp()
        self.lemmatizer = self.nlp.get_pipe("lemmatizer")
        self.cache: dict[tuple[str, str], str] = {}
        self.verb_bases = frozenset(self.lemmatizer.lookups.get_table("lemma_index")["verb"])

    def __call__(self, word: str, pos: str = "NOUN") -> str:
        key = (word.lower(), pos)
        if key not in self.cache:
            from spacy.tokens import Doc

            doc = Doc(self.nlp.vocab, words=[word.lower()])
            doc[0].pos_ = pos
            doc[0].tag_ = "NNS" if pos == "NOUN" else "VB"
            self.cache[key] = self.lemmatizer.rule_lemmatize(doc[0])[0].lower()
        return self.cache[key]


def verb_lemma(word: str, lemma: Lemmas) -> str:
    """The lemma of a verb the dictionary lists (mostly base forms). The
    lemmatizer, given the word alone, applies its suffix rules to base forms
    too ("dismiss" -> "dismis", "need" -> "nee", "ring" -> "re"), lemmas the
    parser never gives; so a word spaCy knows as a base form stays as it is,
    an irregular form goes to its lemma ("saw" -> "see") and only an unknown
    word goes through the rules ("worried" -> "worry")."""
    w = word.lower()
    if w in lemma.verb_bases:
        return w
    return lemma(w, "VERB")


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = strip_comment(raw).strip()
        if line.startswith("---"):
            break
        if line.startswith("&"):
            name = line.rstrip("_")
            sets[name] = []
        elif line.startswith("+") and name:
            sets[name].append(line[1:].strip())
        elif not line:
            continue
    return sets


def pattern_elements(text: str) -> list[str]:
    return re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", text)


def convert_verbs(path: Path, cameo_codes: set[str], lemma: Lemmas, stats: Counter):
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = parse_synsets(lines)
    rows: list[list[str]] = []
    unmapped: list[list[str]] = []
    keys: dict[tuple, str] = {}

    def head_lemmas(el: str) -> tuple[list[str], str | None]:
        """Lemmas an object element allows ("A/B" alternatives, a synset's
        words, a braced phrase's head), and a note when a modifier was left out."""
        if el.startswith("{"):
            words = el.strip("{}").split()
            inner, why = head_lemmas(words[-1])
            return inner, why or ("modifier left out" if len(words) > 1 else None)
        out: list[str] = []
        for alt in el.split("/"):
            if alt.startswith("&"):
                members = synsets.get(alt.rstrip("_"))
                if members is None:
                    return [], "undefined synset"
                words = [m.strip("_").split("_")[-1] for m in members]
            else:
                words = [alt.strip("_").split("_")[-1]]
            for w in words:
                if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9'.-]*", w):
                    if alt.startswith("&"):
                        continue  # a synset member that is not a word: the others still count
                    return [], "not a word"
                for form in (lemma(w), w.lower()):  # the lemmatizer guesses at unknown words ("securenes")
                    if form not in out:
                        out.append(form)
        return out, None

    def map_pattern(post: str, other_codes) -> tuple[list[str], list[str], str, str | None]:
        """(complement lemmas, prepositions, note, reason it does not map)."""
        comp: list[str] = []
        preps: list[str] = []
        note = ""
        nouns = 0

        def noun(el: str) -> str | None:
            nonlocal comp, note, nouns
            nouns += 1
            c, why = head_lemmas(el)
            if why == "modifier left out":
                if other_codes(el.strip("{}").split()[-1]):
                    return "a modifier tells it from another pattern with another code"
                note = f"from {el}"
            elif why:
                return why
            comp = c
            return None

        for el in pattern_elements(post):
            if re.fullmatch(r"[$+%^]+", el):
                continue  # actor slots: the coder finds source and target itself
            if el.startswith("("):
                inner = el.strip("()").split(None, 1)
                if preps:
                    return [], [], "", "two prepositional phrases"
                preps = [p.lower() for p in inner[0].split("/")]
                if any(p not in PREPOSITIONS for p in preps):
                    return [], [], "", "not a preposition in a prepositional phrase"
                obj = inner[1].strip() if len(inner) > 1 else ""
                if obj and not re.fullmatch(r"[$+%^]+", obj):
                    if len(pattern_elements(obj)) > 1:
                        return [], [], "", "more than one word in a prepositional phrase"
                    why = noun(obj)
                    if why:
                        return [], [], "", why
                continue
            if el.lower() in PREPOSITIONS and not preps:
                preps = [el.lower()]  # a bare preposition ("&MEDIATION BETWEEN")
                continue
            if el.upper().endswith("LY") and not el.startswith(("{", "&")):
                return [], [], "", "adverb (not a complement the coder reads)"
            why = noun(el)
            if why:
                return [], [], "", why
        if nouns > 1:
            return [], [], "", "two object nouns (the coder reads one)"
        if not comp and not preps:
            return [], [], "", "no constraint after the verb (same as the verb alone)"
        return comp, preps, note, None

    def add(verb: Verb, comp: list[str], prep: str, code: str, note: str, source: str) -> bool:
        particle = verb.particle
        prep = prep or verb.prep
        key = (verb.lemma, particle, "|".join(comp), prep)
        if key in keys:
            if keys[key] != code:
                stats["pattern row left out: same verb and constraints as an earlier row with another code"] += 1
            return False
        keys[key] = code
        rows.append([verb.lemma, particle, "|".join(comp), prep, code, note])
        return True

    block_code = ""
    verbs: list[Verb] = []
    in_block = False
    block_patterns: list[tuple[str, str, str]] = []

    def flush() -> None:
        parsed = []
        head_codes: dict[str, set[str]] = {}
        for pat, code, comment in block_patterns:
            pre, _, post = pat.partition("*")
            # the verb(s) the pattern was found under, named in its comment (TABARI's origin)
            named = set(re.findall(r"[A-Z][A-Z_'-]+", comment.upper()))
            parsed.append((pre.strip(), post.strip(), code, [v for v in verbs if v.word in named] or verbs))
            for el in pattern_elements(post):
                if el.startswith("("):
                    el = el.strip("()").split(None, 1)[-1]
                head = el.strip("{}").split()[-1] if el.strip("{}").split() else el
                head_codes.setdefault(head, set()).add(code)
        stats["patterns read"] += len(parsed)
        for pre, post, code, origin in parsed:
            code1 = code.split(":")[0].rstrip("!")
            comp: list[str] = []
            preps: list[str] = []
            note = ""
            if pre:
                reason = "words before the verb (a subject constraint the coder does not have)"
            elif not code1:
                reason = "code only for the reverse direction"
            elif code1 != "---" and code1 not in cameo_codes:
                reason = "code not in cameo.tsv"
            else:
                comp, preps, note, reason = map_pattern(post, lambda h: len(head_codes.get(h, set()) - {code}) > 0)
            if reason:
                stats[f"pattern not mapped: {reason}"] += 1
                for v in verbs[:1]:
                    unmapped.append([v.lemma, f"- {pre} * {post}".replace("-  *", "- *"), code, reason])
                continue
            cameo = "-" if code1 == "---" else code1
            added = 0
            for v in (origin if ONLY_ORIGIN_VERB else verbs):
                for p in preps or [""]:
                    added += add(v, comp, p, cameo, note or "CAMEO.2.0", v.lemma)
            stats["patterns mapped"] += 1
            stats["pattern rows (pattern x the verb its comment names, or every verb of its block)"] += added
        for v in verbs:
            code = (v.code or block_code).split(":")[0]
            if code and code != "---" and code in cameo_codes:
                if add(v, [], "", code, "CAMEO.2.0 verb alone", v.lemma):
                    stats["verb rows (the verb alone, block code)"] += 1
            elif code and code != "---":
                unmapped.append([v.lemma, "(verb alone)", code, "code not in cameo.tsv"])
                stats["verb alone not mapped: code not in cameo.tsv"] += 1

    def read_verb(line: str) -> Verb | None:
        own = re.search(r"\[([^\]]*)\]", line)
        line_nc = re.sub(r"\[[^\]]*\]", "", line)
        line_nc = re.sub(r"\{[^}]*\}", "", line_nc).strip()
        if not line_nc:
            return None
        word = line_nc.split()[0]
        code = own.group(1).strip() if own else ""
        parts = word.split("_")
        if word.startswith("+") or "+" in word:
            idx = next(i for i, p in enumerate(parts) if p.startswith("+"))
            if idx > 0:
                stats["verb dropped: words before the verb (compound)"] += 1
                unmapped.append([word.lower(), "(verb)", code, "words before the verb"])
                return None
            parts[0] = parts[0][1:]
        base = verb_lemma(parts[0], lemma)
        written = "_".join(parts).upper()
        if len(parts) == 1:
            return Verb(base, code=code, word=written)
        if len(parts) == 2 and parts[1].lower() in PARTICLES:
            return Verb(base, particle=parts[1].lower(), code=code, word=written)
        if len(parts) == 2 and parts[1].lower() in PREPOSITIONS:
            return Verb(base, prep=parts[1].lower(), code=code, word=written)
        stats["verb dropped: multi-word form the coder cannot read"] += 1
        unmapped.append([word.lower(), "(verb)", code, "multi-word form the coder cannot read"])
        return None

    for raw in lines:
        line = strip_comment(raw).rstrip()
        stripped = line.strip()
        if stripped.startswith("---"):
            if in_block:
                flush()
            m = re.search(r"\[([^\]]*)\]", stripped)
            block_code = m.group(1).strip() if m else ""
            verbs, block_patterns, in_block = [], [], True
            stats["verb blocks"] += 1
            continue
        if not in_block or not stripped:
            continue
        if stripped.startswith("~"):
            unmapped.append(["", stripped, "", "transformation (verb on verb)"])
            stats["pattern dropped: transformation (verb on verb)"] += 1
            continue
        if stripped.startswith("-"):
            m = re.search(r"\[([^\]]*)\]\s*$", stripped)
            if not m:
                stats["pattern dropped: no code"] += 1
                unmapped.append(["", stripped, "", "no code"])
                continue
            pat = stripped[1:m.start()].strip()
            block_patterns.append((pat, m.group(1).strip(), raw.split("#", 1)[1] if "#" in raw else ""))
            continue
        v = read_verb(stripped)
        if v is not None:
            verbs.append(v)
            stats["verbs read"] += 1
    if in_block:
        flush()
    return rows, unmapped


# -- discards ---------------------------------------------------------------
STAMP = re.compile(r"^[A-Za-z]{2,4} \d{1,2}[ -/][A-Za-z0-9]{2,3}[ -/]\d{2,4}\s*$")


def convert_discards(path: Path, stats: Counter) -> list[list[str]]:
    rows: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith((" ", "\t")) or not raw.strip() or raw.startswith("#"):
            if raw.strip() and not raw.startswith("#"):
                stats["discard line dropped: stray comment continuation"] += 1
            continue
        line = strip_comment(raw).strip()
        if not line or STAMP.match(line):
            if line:
                stats["discard line dropped: stray annotator date stamp"] += 1
            continue
        scope = "sentence"
        if line.startswith("+"):
            scope, line = "story", line[1:].strip()
        phrase = re.sub(r"\s+", " ", line.replace("_", " ")).strip().lower()
        if not phrase:
            continue
        if re.fullmatch(r"\d{4}", phrase):
            kind = "year"
        elif re.search(r"\b(ago|later)$", phrase):
            kind = "time"
        else:
            kind = "topic"
        whole = "word" if line.endswith("_") else "stem"
        rows.setdefault(phrase, [phrase, scope, kind, whole])
        stats[f"discards ({kind})"] += 1
    return list(rows.values())


# -- output -----------------------------------------------------------------
def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(header)
        for r in rows:
            w.writerow([str(v).replace("\t", " ") for v in r])


README_ACTORS = """# Actors from the PETRARCH2 dictionaries

**Generated** by `scripts/convert_petrarch.py` (`make dictionaries`); do not edit
by hand. Source: the Phoenix actor dictionaries of PETRARCH2
(`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`,
`Phoenix.MilNonState.actors.txt`), Open Event Data Alliance, MIT licence
(see `LICENSE` in this directory), via https://github.com/openeventdata/petrarch2.

| file | one row is |
| --- | --- |
| `country_names.tsv` | a name, demonym, city or region of a country: `phrase country tokens` (ISO 3166-1 alpha-3; CAMEO-era codes such as USR, YUG, TMP, KSV mapped) |
| `actors.tsv` | one dated code of a person or organization: `id name aliases kind code from to file tokens`; `from`/`to` are ISO dates, empty for open; a row with both empty is the default code, used when no dated row holds |
| `roles.tsv` | an agent (role noun) with plurals expanded: `phrase sector code placement kind human tokens` from `Phoenix.agents.txt` (`placement`: the agent code goes after the actor's, or before it for NGO~/IGO~; `human`: the head word names people, as `farmer`, not an institution, as `prison`) |
| `conversion_report.txt` | what came in and what was left out, by reason |

`tokens` is each form (the name, then the aliases, `|`-separated) as the
lowercased tokens of eventwire's tokenizer, separated by spaces, so loading
needs no tokenizer. Names are in the dictionaries' spelling (upper case turned to title case);
eventwire matches them case-insensitively but only on capitalised words of
the article, so an all-caps entry such as US does not match "let us".
"""

README_EVENTS = """# Verb patterns and discards from the PETRARCH2 dictionaries

**Generated** by `scripts/convert_petrarch.py` (`make dictionaries`); do not edit
by hand. Source: `CAMEO.2.0.txt` and `Phoenix.discards.txt` of PETRARCH2, Open
Event Data Alliance, MIT licence (see `LICENSE` in this directory), via
https://github.com/openeventdata/petrarch2.

| file | one row is |
| --- | --- |
| `verbs.tsv` | a verb pattern in the format of `event_verbs.tsv` (see `EVENT_LEXICON.md`): every verb of a synonym block with the block's patterns; an object in braces keeps its head word, a synset becomes a `\\|`-list of its words' lemmas; `[---]` becomes `-` (not an event) |
| `unmapped.tsv` | a pattern that does not map onto what the coder reads, with the reason (words before the verb, two objects, two prepositional phrases, a modifier that tells two patterns apart, ...) |
| `discards.tsv` | a phrase that marks a sentence (`sentence`) or a whole story (`story`) as not political: `phrase scope kind match`; `kind` is `topic` (sport, entertainment, disease, ...), `year` or `time` ("years ago") |
| `conversion_report.txt` | what came in and what was left out, by reason |
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    src, out = args.source, args.out
    if not src.is_dir():
        ap.error(f"{src}: no such directory (the PETRARCH2 dictionaries)")
    data = ROOT / "src" / "eventwire" / "data"
    iso = {r["code"] for r in csv.DictReader((data / "actors" / "countries.tsv").open(encoding="utf-8"),
                                              delimiter="\t")}
    first_names = {r["name"] for r in csv.DictReader((data / "actors" / "first_names.tsv").open(encoding="utf-8"),
                                                      delimiter="\t")}
    cameo = {r["code"] for r in csv.DictReader((data / "cameo.tsv").open(encoding="utf-8"), delimiter="\t")}
    stats: Counter = Counter()
    actors_dir, events_dir = out / "actors" / "petrarch", out / "events" / "petrarch"

    country_rows, actor_rows = convert_actors(src, iso, first_names, stats)
    lemma = Lemmas()
    # Every form also as the lowercased tokens of eventwire's tokenizer, so
    # that loading needs no tokenizer (and adds no words to its vocabulary).
    forms = [display(p) for p in country_rows] + [f for r in actor_rows for f in [r[1], *filter(None, r[2].split("|"))]]
    tokens = {f: " ".join(t.lower_ for t in doc)
              for f, doc in zip(forms, lemma.nlp.tokenizer.pipe(forms, batch_size=1000))}
    write_tsv(actors_dir / "country_names.tsv", ["phrase", "country", "tokens"],
              [[display(p), c, tokens[display(p)]] for p, c in country_rows.items()])
    write_tsv(actors_dir / "actors.tsv", ["id", "name", "aliases", "kind", "code", "from", "to", "file", "tokens"],
              [r + ["|".join(tokens[f] for f in [r[1], *filter(None, r[2].split("|"))])] for r in actor_rows])
    roles = convert_agents(src / "Phoenix.agents.txt", stats)
    phrases = [r[0] for r in roles]
    role_tokens = [" ".join(t.lower_ for t in doc) for doc in lemma.nlp.tokenizer.pipe(phrases, batch_size=1000)]
    write_tsv(actors_dir / "roles.tsv", ["phrase", "sector", "code", "placement", "kind", "human", "tokens"],
              [r + [t] for r, t in zip(roles, role_tokens)])
    verbs, unmapped = convert_verbs(src / "CAMEO.2.0.txt", cameo, lemma, stats)
    write_tsv(events_dir / "verbs.tsv", ["lemma", "particle", "complement", "prep", "cameo", "note"], verbs)
    write_tsv(events_dir / "unmapped.tsv", ["verb", "pattern", "code", "reason"], unmapped)
    write_tsv(events_dir / "discards.tsv", ["phrase", "scope", "kind", "match"],
              convert_discards(src / "Phoenix.discards.txt", stats))

    report = "\n".join(f"{n:7d}  {k}" for k, n in sorted(stats.items()))
    for d, readme in ((actors_dir, README_ACTORS), (events_dir, README_EVENTS)):
        (d / "README.md").write_text(readme, encoding="utf-8")
        if (src / "LICENSE").exists():
            shutil.copyfile(src / "LICENSE", d / "LICENSE")
        (d / "conversion_report.txt").write_text(report + "\n", encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
