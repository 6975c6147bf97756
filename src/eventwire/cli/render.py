"""The one table renderer: rows as an aligned table (rich), as CSV or as JSON.

Columns that hold codes (CAMEO, actor codes) are never cut or wrapped: the code
is what a coder reads. Long text (sentences, quotes, names) wraps instead.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table

PIPE_WIDTH = 160  # columns of a table written to a file or a pipe
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


def console(out: TextIO | None = None) -> Console:
    out = out or sys.stdout
    tty = hasattr(out, "isatty") and out.isatty()
    return Console(file=out, width=None if tty else PIPE_WIDTH, highlight=False, emoji=False,
                   markup=False, soft_wrap=False)


def table(cols: list[str], rows: list[tuple], title: str | None = None) -> Table:
    t = Table(*[], title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    for c in cols:
        if _is_code(c):
            t.add_column(c, no_wrap=True, overflow="ignore", min_width=len(c))
        else:
            t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(_cell(v) for v in r))
    return t


def print_table(cols: list[str], rows: list[tuple], out: TextIO | None = None, title: str | None = None,
                footer: str | None = None) -> None:
    c = console(out)
    if c.is_terminal:
        c.print(table(cols, rows, title))
        if footer:
            c.print(footer)
        return
    with c.capture() as captured:  # a file or a pipe: no padding at the ends of lines
        c.print(table(cols, rows, title))
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
