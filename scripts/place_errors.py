"""Breakdown of place errors on a `toponyms` gold file (issue 16).

Usage: python scripts/place_errors.py GOLD.jsonl [--examples N]

Counts, by the kind of the gold place (the gazetteer's feature for its
GeoNames id: country, division, city, or not in the gazetteer), the toponyms
that were not found, found far (>161 km) with the right GeoNames id (bad
coordinates), found far with another id (wrong sense), and found within
161 km; and the predicted places that overlap no gold toponym. Prints counts
only, and with --examples the names of the most frequent misses (on the
terminal, never into the repository).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eventwire.coder import code_articles
from eventwire.model import Article, Record
from eventwire.place.gazetteer import FEATURES, distance_km, gazetteer

KIND = {"PCLI": "country", "CONT": "continent", "ADM1": "division", "ADM2": "county", "PPL": "city", "PPLC": "city"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="a JSONL gold file of toponyms")
    ap.add_argument("--examples", type=int, default=0, metavar="N", help="also name the N most frequent misses")
    args = ap.parse_args()
    path, examples = args.gold, args.examples
    items = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").split("\n") if x.strip()]
    g = gazetteer()
    kind_of = {g.gid[i]: KIND[FEATURES[g.feature[i]]] for i in range(len(g))}
    arts = [Article(id=str(it["id"]), text=it["text"]) for it in items]
    table: Counter = Counter()
    names: dict[str, Counter] = {}
    for it, rec in zip(items, code_articles(arts)):
        places = rec.places if isinstance(rec, Record) else []
        corpus = str(it["id"]).split("-")[0]
        for t in it.get("toponyms") or []:
            kind = kind_of.get(int(t.get("geonameid") or 0), "absent")
            hits = [p for p in places if min(p.span[1], t["span"][1]) > max(p.span[0], t["span"][0])]
            if not hits:
                out = "not found"
            elif t.get("lat") is None or any(p.lat is not None and distance_km(p.lat, p.lon, t["lat"], t["lon"]) <= 161
                                             for p in hits):
                out = "within"
            elif any(p.geonameid == int(t.get("geonameid") or -1) for p in hits):
                out = "bad coordinates"
            else:
                out = "wrong sense"
            table[(corpus, kind, out)] += 1
            names.setdefault(f"{kind}/{out}", Counter())[t["text"]] += 1
        for p in places:
            if not any(min(p.span[1], t["span"][1]) > max(p.span[0], t["span"][0]) for t in it.get("toponyms") or []):
                table[(corpus, KIND.get(p.feature, p.feature), "spurious")] += 1
                names.setdefault(f"{KIND.get(p.feature)}/spurious", Counter())[p.text] += 1
    outs = ("within", "bad coordinates", "wrong sense", "not found", "spurious")
    for corpus in sorted({k[0] for k in table}):
        print(f"== {corpus}")
        print(f"{'kind':10}" + "".join(f"{o:>17}" for o in outs))
        for kind in sorted({k[1] for k in table if k[0] == corpus}):
            print(f"{kind:10}" + "".join(f"{table[(corpus, kind, o)]:>17}" for o in outs))
    if examples:
        for key, c in sorted(names.items()):
            if not key.endswith("within"):
                print(key, c.most_common(examples))


if __name__ == "__main__":
    main()
