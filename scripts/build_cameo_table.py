"""Rebuild src/eventwire/data/cameo.tsv, the CAMEO ontology eventwire codes with.

Sources (both in ../shared/eval, neither shipped whole):
- cameo_codes.tsv: CAMEO manual 1.1b3 (Schrodt et al. 2012, CC BY-NC-SA 3.0),
  Goldstein weights as published with GDELT. We keep code, name, Goldstein
  weight and quad class; the long descriptions stay out of the package.
- CAMEO2PLOVER-2021.txt: the official CAMEO -> PLOVER table (PLOVER manual
  draft 0.8, CC BY-SA 4.0).

The source table merges code 106 into 1056's name and lacks 1213, 1214 and
176 (cyber attack, from later CAMEO revisions); scripts/cameo_supplement.tsv
adds them, each with the reason and where its weight comes from.

One code (183) has no Goldstein weight in the source table; it takes the
median weight of its sub-codes (1831-1833: -9.5, -9.0, -9.0 give -9.0).

The PLOVER table has no rows for roots 01 (statements) and 02 (appeals).
PLOVER folds appeals into REQUEST, so 02x map to REQUEST; plain statements have
no PLOVER type and stay empty.

Usage: python scripts/build_cameo_table.py [../shared/eval]
"""
from __future__ import annotations

import argparse
import csv
import re
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "cameo.tsv"


def read_plover(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def plover_for(code: str, table: dict[str, str]) -> str:
    for prefix in (code, code[:3], code[:2]):
        if prefix in table:
            return table[prefix]
    if code.startswith("02"):
        return "REQUEST"
    return ""


# "Demand de-escalation of military engagement106:[-5.0] Demand withdrawal"
MERGED_CODE = re.compile(r"\d{3,4}:\[-?\d+(?:\.\d+)?\].*$")


def main(eval_dir: Path) -> None:
    plover = read_plover(eval_dir / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(eval_dir / "cameo_codes.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            code = row["code"].strip()
            name = MERGED_CODE.sub("", row["name"]).strip()
            rows.append([code, name, row["goldstein"].strip(), row["quad_class"].strip(), plover_for(code, plover)])
    with open(Path(__file__).with_name("cameo_supplement.tsv"), encoding="utf-8") as f:
        known = {r[0] for r in rows}
        for row in csv.DictReader(f, delimiter="\t"):
            if row["code"] not in known:
                rows.append([row["code"], row["name"], row["goldstein"], row["quad_class"], plover_for(row["code"], plover)])
    rows.sort(key=lambda r: (r[0][:2], r[0]))
    for row in rows:
        if not row[2]:
            children = [float(r[2]) for r in rows if r[0].startswith(row[0]) and r[0] != row[0] and r[2]]
            if not children:
                raise SystemExit(f"code {row[0]} has no Goldstein weight and no sub-codes to take one from")
            row[2] = str(statistics.median(children))
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "goldstein", "quad_class", "plover"])
        w.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eval_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "eval",
                    help="folder holding cameo_codes.tsv and CAMEO2PLOVER-2021.txt (default ../shared/eval)")
    main(ap.parse_args().eval_dir)
