"""`eventwire ingest | query | export`: thin commands over ingest.py, query.py, export.py."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys

import click

from ..corpus.store import DEFAULT_DB, Store, StoreError

TABLE_FORMATS = ("table", "csv", "json")


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _open(db: str, parquet: str | None = None) -> Store:
    from click.core import ParameterSource

    from ..corpus.batch.store import open_store

    if parquet and click.get_current_context().get_parameter_source("db") == ParameterSource.COMMANDLINE:
        raise click.UsageError("give --db or --parquet, not both")
    try:
        return open_store(None if parquet else db, parquet)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


def print_rows(cols: list[str], rows: list[tuple], fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump([dict(zip(cols, r)) for r in rows], out, default=str, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(cols)
        w.writerows([["" if v is None else v for v in r] for r in rows])
    else:
        widths = [min(40, max([len(c)] + [len(_show(r[i])) for r in rows])) for i, c in enumerate(cols)]
        out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in rows:
            cells = [_show(v) for v in r]
            out.write("  ".join((c if len(c) <= w else c[:w - 1] + "…").ljust(w)
                                for c, w in zip(cells, widths)).rstrip() + "\n")
        out.write(f"({len(rows)} rows)\n")


def _show(v) -> str:
    return "-" if v is None else str(v).replace("\n", " ")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into.")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--workers", type=click.IntRange(1, 64), default=min(2, os.cpu_count() or 1), show_default=True,
              help="Processes that code articles.")
@click.option("--batch-size", type=click.IntRange(1, 1000), default=8, show_default=True)
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal only).")
def ingest(inputs, db, published, workers, batch_size, progress):
    """Code articles and store them in a DuckDB file; already stored articles are skipped."""
    from ..corpus.ingest import ingest as run

    def on_error(e):
        click.echo(f"eventwire: error: {e}", err=True)

    try:
        report = run(inputs, db=db, published=published, workers=workers, batch_size=batch_size,
                     progress=progress, on_error=on_error)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"eventwire: {report.read} articles read, {report.stored} coded and stored "
               f"({report.events} events), {report.skipped} already stored, "
               f"{report.near_duplicates} near-duplicates, {len(report.errors)} errors -> {db}", err=True)
    sys.exit(1 if report.errors else 0)


_parquet_option = click.option("--parquet", metavar="DIR",
                               help="Read the Parquet folder of `eventwire batch` instead of --db.")


@click.group()
def query():
    """Ask a store for events, quotes, actors or a dyad time series."""


def _event_filter_options(f):
    opts = [
        click.option("--actor", help="Either side: code (IRN, TURGOV), id, name or country name."),
        click.option("--source"), click.option("--target"),
        click.option("--dyad", nargs=2, help="Two actors, both directions."),
        click.option("--code", help="CAMEO code or prefix (04, 042)."),
        click.option("--root", help="CAMEO root (01-20)."),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4), help="Quad class 1-4."),
        click.option("--modality", multiple=True,
                     type=click.Choice(["asserted", "intended", "hypothetical", "negated", "past background"])),
        click.option("--since", callback=_date), click.option("--until", callback=_date),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filter(kw):
    from ..corpus.query import EventFilter

    return EventFilter(actor=kw["actor"], source=kw["source"], target=kw["target"],
                       dyad=tuple(kw["dyad"]) if kw.get("dyad") else None, code=kw["code"], root=kw["root"],
                       quad_class=kw["quad_class"], modality=list(kw["modality"]) or None,
                       since=kw["since"], until=kw["until"])


@query.command("events")
@_event_filter_options
@click.option("--distinct", is_flag=True, help="One row per event however many articles report it.")
@click.option("--limit", type=int, default=100, show_default=True, help="0 for all.")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@_parquet_option
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def query_events(distinct, limit, db, parquet, fmt, **kw):
    """Events, newest first, with the sentence they come from."""
    from ..corpus import query as q

    with _open(db, parquet) as store:
        cols, rows = q.events(store, _filter(kw), limit=limit or None, distinct=distinct)
    print_rows(cols, rows, fmt)


@query.command("quotes")
@click.option("--speaker", help="Code, id, name or country of the speaker.")
@click.option("--kind", type=click.Choice(["direct", "mixed", "indirect"]))
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@_parquet_option
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def query_quotes(speaker, kind, limit, db, parquet, fmt):
    """Quotes, by speaker."""
    from ..corpus import query as q

    with _open(db, parquet) as store:
        cols, rows = q.quotes(store, speaker, kind, limit=limit or None)
    print_rows(cols, rows, fmt)


@query.command("actors")
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@_parquet_option
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def query_actors(limit, db, parquet, fmt):
    """Actors by the number of articles that mention them."""
    from ..corpus import query as q

    with _open(db, parquet) as store:
        cols, rows = q.actors(store, limit=limit or None)
    print_rows(cols, rows, fmt)


@query.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True)
@click.option("--code")
@click.option("--root")
@click.option("--modality", multiple=True,
              type=click.Choice(["asserted", "intended", "hypothetical", "negated", "past background"]))
@click.option("--since", callback=_date)
@click.option("--until", callback=_date)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@_parquet_option
@click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True)
def query_dyad(a, b, by, code, root, modality, since, until, db, parquet, fmt):
    """Time series of events between A and B (both directions): counts and Goldstein sums."""
    from ..corpus import query as q

    f = q.EventFilter(code=code, root=root, modality=list(modality) or None, since=since, until=until)
    with _open(db, parquet) as store:
        cols, rows = q.dyad_series(store, a, b, by=by, f=f)
    print_rows(cols, rows, fmt)


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@_parquet_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "gdelt", "records"]),
              default="csv", show_default=True,
              help="csv/jsonl: one row per event; records: the article records of SPEC.md; "
                   "parquet: a folder partitioned by month; gdelt: GDELT 2.0 event columns (TSV).")
@click.option("--output", "-o", help="File (folder for parquet); default stdout, or ./eventwire-parquet.")
def export(db, parquet, fmt, output):
    """Write a store out."""
    from ..corpus.export import export as run

    with _open(db, parquet) as store:
        where = run(store, fmt, output)
    if where != "-":
        click.echo(f"eventwire: wrote {where}", err=True)


from .batch import batch  # noqa: E402

COMMANDS = [ingest, query, export, batch]
