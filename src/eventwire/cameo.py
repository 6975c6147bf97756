"""The CAMEO ontology as data: every code's name, Goldstein weight, quad class
and PLOVER type, loaded once from data/cameo.tsv (built by
scripts/build_cameo_table.py)."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


def data_path(name: str):
    return resources.files("eventwire") / "data" / name


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file under eventwire/data, header as keys."""
    with data_path(name).open(encoding="utf-8") as f:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


@cache
def codes() -> dict[str, Code]:
    return {
        r["code"]: Code(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]), r["plover"] or None)
        for r in read_tsv("cameo.tsv")
    }


def lookup(code: str) -> Code:
    """The Code for a CAMEO code string; KeyError names codes we do not know."""
    try:
        return codes()[code]
    except KeyError:
        raise KeyError(f"unknown CAMEO code {code!r}") from None
