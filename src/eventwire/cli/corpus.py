"""`eventwire ingest | query | export`: thin commands over corpus/ingest.py, query.py, export.py."""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from ..corpus import DEFAULT_DB
from ..corpus.export import EXPORT_FORMATS
from ..corpus.query import PERIODS
from ..model import QUOTE_KINDS
from .options import (db_option, limit_option, modality_option, parquet_option, progress_option, published_option,
                      since_until, table_format_option)

if TYPE_CHECKING:
    from ..corpus.store import Store


def _open(db: str | None, parquet: str | None = None) -> Store:
    """The store to read: the DuckDB file `db`, or the Parquet folder of `eventwire batch`."""
    from click.core import ParameterSource

    from ..corpus.batch.store import open_store
    from ..corpus.store import StoreError

    if parquet and click.get_current_context().get_parameter_source("db") == ParameterSource.COMMANDLINE:
        raise click.UsageError("give --db or --parquet, not both")
    try:
        return open_store(None if parquet else db, parquet)
    except StoreError as e:
        raise click.ClickException(str(e)) from None


def note(message: str) -> None:
    click.echo(f"eventwire: {message}", err=True)


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option(writing=True)
@published_option
@click.option("--workers", type=click.IntRange(1, 64), default=min(2, os.cpu_count() or 1), show_default=True,
              help="Processes that code articles (each holds the models, 300-500 MB).")
@click.option("--batch-size", type=click.IntRange(1, 1000), default=8, show_default=True,
              help="Articles a worker codes at a time; each batch is stored in one transaction.")
@progress_option
def ingest(inputs, db, published, workers, batch_size, progress):
    """Code articles and store them in a DuckDB file. An input that cannot be read or
    coded (empty, binary, not English, over 1,000,000 characters) is named on stderr and
    the others are stored (exit 1); already stored texts are skipped; Ctrl-C keeps what
    is stored."""
    from ..corpus.ingest import ingest as run
    from ..corpus.store import StoreError

    def on_error(e):
        click.echo(f"eventwire: error: {e}", err=True)

    try:
        report = run(inputs, db=db, published=published, workers=workers, batch_size=batch_size,
                     progress=progress, on_error=on_error)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    stopped = "stopped early; " if report.interrupted else ""
    note(f"{stopped}{report.read} articles read, {report.stored} coded and stored "
         f"({report.events} events), {report.skipped} already stored, "
         f"{report.near_duplicates} near-duplicates, {len(report.errors)} errors -> {db}")
    if report.interrupted:
        note("what was stored is kept; run the same command again to go on")
        sys.exit(128 + report.interrupted)
    sys.exit(1 if report.errors else 0)


@click.group()
def query():
    """Ask a store for events, quotes, actors or a dyad time series."""


def _event_filter_options(f):
    opts = [
        click.option("--actor", help="Either side: a code (IRN, TURGOV), an id, a name, a surname (Trump) "
                                     "or a country name (Turkey)."),
        click.option("--source", help="The actor who acts (as --actor)."),
        click.option("--target", help="The actor acted on (as --actor)."),
        click.option("--dyad", nargs=2, metavar="A B", help="Two actors, both directions."),
        click.option("--code", help="CAMEO code or prefix (04, 042)."),
        click.option("--root", help="CAMEO root (01-20)."),
        click.option("--quad", "quad_class", type=click.IntRange(1, 4),
                     help="Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                          "4 material conflict."),
        modality_option,
        since_until("events dated"),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filter(kw):
    from ..corpus.query import EventFilter

    return EventFilter(actor=kw["actor"], source=kw["source"], target=kw["target"],
                       dyad=tuple(kw["dyad"]) if kw.get("dyad") else None, code=kw["code"], root=kw["root"],
                       quad_class=kw["quad_class"], modality=kw["modality"],
                       since=kw["since"], until=kw["until"])


def _ambiguous(store: Store, *terms: str | None) -> None:
    from ..corpus.query import ambiguity

    for term in terms:
        if term and (message := ambiguity(store, term)):
            note(message)


@query.command("events")
@_event_filter_options
@click.option("--distinct", is_flag=True, help="One row per event however many articles report it.")
@limit_option
@db_option()
@parquet_option
@table_format_option
def query_events(distinct, limit, db, parquet, fmt, **kw):
    """Events, newest first, with the sentence they come from (asserted ones unless --modality)."""
    from ..corpus import query as q
    from .render import print_rows

    with _open(db, parquet) as store:
        _ambiguous(store, kw["actor"], kw["source"], kw["target"], *(kw["dyad"] or ()))
        cols, rows = q.events(store, _filter(kw), limit=limit or None, distinct=distinct)
    print_rows(cols, rows, fmt)


@query.command("quotes")
@click.option("--speaker", help="Code, id, name, surname or country of the speaker.")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Kind of quote.")
@since_until("quotes of articles published")
@limit_option
@db_option()
@parquet_option
@table_format_option
def query_quotes(speaker, kind, since, until, limit, db, parquet, fmt):
    """Quotes, by speaker, newest article first."""
    from ..corpus import query as q
    from .render import print_rows

    with _open(db, parquet) as store:
        _ambiguous(store, speaker)
        cols, rows = q.quotes(store, speaker, kind, limit=limit or None, since=since, until=until)
    print_rows(cols, rows, fmt)


@query.command("actors")
@since_until("articles published")
@limit_option
@db_option()
@parquet_option
@table_format_option
def query_actors(since, until, limit, db, parquet, fmt):
    """Actors by the number of articles that mention them."""
    from ..corpus import query as q
    from .render import print_rows

    with _open(db, parquet) as store:
        cols, rows = q.actors(store, limit=limit or None, since=since, until=until)
    print_rows(cols, rows, fmt)


@query.command("dyad")
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True,
              help="Length of a period of the series.")
@click.option("--code", help="CAMEO code or prefix (04, 042).")
@click.option("--root", help="CAMEO root (01-20).")
@modality_option
@since_until("events dated")
@db_option()
@parquet_option
@table_format_option
def query_dyad(a, b, by, code, root, modality, since, until, db, parquet, fmt):
    """Time series of events between A and B (both directions): counts and Goldstein
    sums, one row per period and modality."""
    from ..corpus import query as q
    from .render import print_rows

    f = q.EventFilter(code=code, root=root, modality=modality, since=since, until=until)
    with _open(db, parquet) as store:
        _ambiguous(store, a, b)
        cols, rows = q.dyad_series(store, a, b, by=by, f=f)
    print_rows(cols, rows, fmt)


@click.command()
@db_option()
@parquet_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              default="csv", show_default=True,
              help="csv/jsonl: one row per event; records: the article records of SPEC.md; "
                   "parquet: a folder of tables (events, quotes, actors, mentions, copies, articles) "
                   "partitioned by month; gdelt: GDELT 2.0 event columns (TSV).")
@modality_option
@click.option("--output", "-o", metavar="PATH",
              help="File to write (a folder for parquet); default stdout, or ./eventwire-parquet.")
def export(db, parquet, fmt, modality, output):
    """Write a store out. Events are asserted ones unless --modality says otherwise."""
    from ..corpus.export import ExportError, check_target, export as run

    try:
        check_target(fmt, output or ("eventwire-parquet" if fmt == "parquet" else None))
    except ExportError as e:
        raise click.BadParameter(str(e), param_hint="'--output'") from None
    with _open(db, parquet) as store:
        where = run(store, fmt, output, modality=modality)
    if fmt != "records":
        note("asserted events only (--modality all for every event)" if modality == ("asserted",)
             else f"events of modality {', '.join(modality) if modality else 'any'}")
    if where != "-":
        note(f"wrote {where}")


@click.command()
@click.option("--db", default=None, help=f"DuckDB store to show (default {DEFAULT_DB}).")
@click.option("--parquet", type=click.Path(file_okay=False),
              help="Folder written by `eventwire batch` to show instead.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback lets other machines read the store.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
def serve(db, parquet, host, port):
    """A local web dashboard over a store (read-only): dyads, actors, network, events with their sentences."""
    from ..serve.server import app_for, is_loopback, listen, run
    from ..serve.queries import NotAStore

    if db and parquet:
        raise click.UsageError("give --db or --parquet, not both")
    store = _open(None if parquet else db or DEFAULT_DB, parquet)
    db = parquet or db or DEFAULT_DB  # the name shown
    click.echo(f"eventwire: preparing the dashboard over {db} (a few seconds per million events)", err=True)
    try:
        app = app_for(store, name=db, host=host)
    except NotAStore as e:
        store.close()
        raise click.ClickException(f"{db}: {e}") from None
    try:
        sock = listen(host, port)
    except OSError as e:
        store.close()
        raise click.ClickException(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
    if not is_loopback(host):
        click.echo(f"eventwire: warning: listening on {host}: anyone who can reach this machine can read the store",
                   err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"eventwire: serving {db} read-only at http://{shown}:{sock.getsockname()[1]}/ (Ctrl-C to stop)",
               err=True)
    try:
        run(app, sock)
    finally:
        store.close()


from .batch import batch  # noqa: E402

COMMANDS = [ingest, query, export, serve, batch]
