"""Loading the data tables under eventwire/data (lexicons, actor lists, code
tables); every stage reads its tables through here so a table is found the same
way from a checkout, a wheel or a zip."""
from __future__ import annotations

import csv
from importlib import resources


def data_path(name: str):
    return resources.files("eventwire") / "data" / name


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file under eventwire/data, header as keys."""
    with data_path(name).open(encoding="utf-8") as f:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]
