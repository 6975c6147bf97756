"""Breakdown of place errors on a `toponyms` gold file (issue 16).

Usage: python scripts/place_errors.py GOLD.jsonl [--examples N] [--docs CACHE.spacy]

Counts, by the kind of the gold place (the gazetteer's feature for its
GeoNames id: country, division, city, or not in the gazetteer), the toponyms
that were not found, found far (>161 km) with the right GeoNames id (bad
coordinates), found far with another id (wrong sense), and found within
161 km; and the predicted places that overlap no gold toponym. Prints counts,
the gold toponyms whose span does not hold their text (labels shifted in the
gold file), and the found / within 161 km / precision figures of `eventwire eval`, and
with --examples the names of the most frequent misses (on the terminal,
never into the repository).

--docs keeps the parsed articles in a spaCy DocBin file (outside the
repository): the first run writes it, later runs read it and only geoparse,
so a change to place/ is measured in seconds instead of minutes.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eventwire.model import Article, Record
from eventwire.place.gazetteer import FEATURES, distance_km, gazetteer

KIND = {"PCLI": "country", "CONT": "continent", "ADM1": "division", "ADM2": "county", "PPL": "city", "PPLC": "city"}


def _places(items: list[dict], cache: str | None) -> list[list]:
    """Each item's places: from the full coder, or from cached parses."""
    if cache is None:
        from eventwire.coder import code_articles

        arts = [Article(id=str(it["id"]), text=it["text"]) for it in items]
        return [rec.places if isinstance(rec, Record) else [] for rec in code_articles(arts)]
    from spacy.tokens import DocBin

    from eventwire.nlp.parse import nlp, parse_many
    from eventwire.place.geoparse import article_places

    path = Path(cache)
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp().vocab))
    else:
        docs = list(parse_many(it["text"] for it in items))
        DocBin(store_user_data=True, docs=docs).to_disk(path)
    return [article_places(doc) for doc in docs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", help="a JSONL gold file of toponyms")
    ap.add_argument("--examples", type=int, default=0, metavar="N", help="also name the N most frequent misses")
    ap.add_argument("--docs", metavar="CACHE.spacy", help="keep the parsed articles in this DocBin file "
                    "(outside the repository) and only geoparse on later runs")
    args = ap.parse_args()
    path, examples, cache = args.gold, args.examples, args.docs
    items = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").split("\n") if x.strip()]
    g = gazetteer()
    kind_of = {g.gid[i]: KIND[FEATURES[g.feature[i]]] for i in range(len(g))}
    table: Counter = Counter()
    names: dict[str, Counter] = {}
    gold = within_all = found_all = pred = pred_hit = 0
    shifted: Counter = Counter()  # gold toponyms whose span does not hold their text
    for it, places in zip(items, _places(items, cache)):
        corpus = str(it["id"]).split("-")[0]
        pred += len(places)
        for t in it.get("toponyms") or []:
            gold += 1
            if it["text"][t["span"][0]:t["span"][1]] != t["text"]:
                shifted[corpus] += 1
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
            found_all += out != "not found"
            within_all += out == "within"
            table[(corpus, kind, out)] += 1
            names.setdefault(f"{kind}/{out}", Counter())[t["text"]] += 1
        for p in places:
            if not any(min(p.span[1], t["span"][1]) > max(p.span[0], t["span"][0]) for t in it.get("toponyms") or []):
                table[(corpus, KIND.get(p.feature, p.feature), "spurious")] += 1
                names.setdefault(f"{KIND.get(p.feature)}/spurious", Counter())[p.text] += 1
            else:
                pred_hit += 1
    outs = ("within", "bad coordinates", "wrong sense", "not found", "spurious")
    for corpus in sorted({k[0] for k in table}):
        print(f"== {corpus}")
        print(f"{'kind':10}" + "".join(f"{o:>17}" for o in outs))
        for kind in sorted({k[1] for k in table if k[0] == corpus}):
            print(f"{kind:10}" + "".join(f"{table[(corpus, kind, o)]:>17}" for o in outs))
    print(f"found {found_all / gold:.3f}  within 161 km {within_all / gold:.3f}  precision {pred_hit / max(pred, 1):.3f}"
          f"  ({gold} gold, {pred} predicted)")
    if shifted:
        print("gold spans that do not hold their toponym's text (a shifted label counts as missed): "
              + ", ".join(f"{c} {n}" for c, n in sorted(shifted.items())))
    if examples:
        for key, c in sorted(names.items()):
            if not key.endswith("within"):
                print(key, c.most_common(examples))


if __name__ == "__main__":
    main()
