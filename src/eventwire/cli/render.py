"""The one table renderer: rows as an aligned table (rich), as CSV or as JSON.

Columns that hold codes (CAMEO, actor codes) are never cut or wrapped: the code
is what a coder reads. Long text (sentences, quotes, names) wraps on a terminal.
A table written to a file or a pipe wraps nothing: one row is one line, as wide as
it needs, so `grep`, `sort` and `less -S` see whole rows.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

from rich import box
from rich.measure import Measurement
from rich.console import Console
from rich.table import Table

UNLIMITED = 1_000_000  # columns: more than any table needs, so measuring cuts nothing
CODE_COLUMNS = {"code", "cameo", "root", "quad_class", "date", "published", "period", "modality", "kind",
                "confidence", "goldstein", "num_articles", "num_sources", "events", "articles", "mentions"}


def _is_code(col: str) -> bool:
    return col in CODE_COLUMNS or col.endswith(("_code", "_id")) or col == "event_id"


def _cell(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\n", " ")


def console(out: TextIO | None = None, width: int | None = None) -> Console:
    """A console on `out`; `width` None: the terminal's width."""
    return Console(file=out or sys.stdout, width=width, highlight=False, emoji=False, markup=False,
                   soft_wrap=False)


def table(cols: list[str], rows: list[tuple], title: str | None = None, wrap: bool = True) -> Table:
    """`wrap`: long text wraps within its column (codes never do); else no cell wraps."""
    t = Table(*[], title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    for c in cols:
        if _is_code(c) or not wrap:
            t.add_column(c, no_wrap=True, overflow="ignore", min_width=len(c))
        else:
            t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(_cell(v) for v in r))
    return t


def print_table(cols: list[str], rows: list[tuple], out: TextIO | None = None, title: str | None = None,
                footer: str | None = None) -> None:
    """Rows as an aligned table on `out` (default stdout): wrapped to the width of a
    terminal, or one line a row when `out` is a file or a pipe."""
    out = out or sys.stdout
    if hasattr(out, "isatty") and out.isatty():
        c = console(out)
        c.print(table(cols, rows, title))
        if footer:
            c.print(footer)
        return
    t = table(cols, rows, wrap=False)  # the title on a line of its own: rich wraps it to the table's width
    c = console(out, width=UNLIMITED)
    c.width = max(Measurement.get(c, c.options, t).maximum, 1)  # as wide as its widest row
    with c.capture() as captured:  # no padding at the ends of lines
        c.print(t)
    if title:
        c.file.write(title + "\n")
    c.file.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    if footer:
        c.file.write(footer + "\n")


def print_rows(cols: list[str], rows: list[tuple], fmt: str, out: TextIO | None = None) -> None:
    """Query results in `fmt`: table, csv or json."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump([dict(zip(cols, r)) for r in rows], out, default=str, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(cols)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        print_table(cols, rows, out, footer=f"({len(rows)} rows)")
