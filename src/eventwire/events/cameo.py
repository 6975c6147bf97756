"""The CAMEO ontology as data: every code's name, Goldstein weight, quad class
and PLOVER type, loaded once from data/cameo.tsv (built by
scripts/build_cameo_table.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..data import read_tsv


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


# Roots the coder names
PROTEST_ROOT = "14"
CONSULT_ROOT = "04"
STATEMENT_ROOT = "01"
THREAT_ROOT = "13"
YIELD_ROOT = "08"
