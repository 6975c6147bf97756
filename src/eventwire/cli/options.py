"""Options every command shares, defined once: the date type, --db, --format,
--limit, --modality, --since/--until, --progress. One parser for dates
(io.text.parse_date, the one the readers use for "published"), one message."""
from __future__ import annotations

import click

from ..corpus import DEFAULT_DB
from ..corpus.query import DEFAULT_MODALITIES
from ..io.text import parse_date
from ..model import MODALITIES

TABLE_FORMATS = ("table", "csv", "json")


class DateType(click.ParamType):
    """A calendar date, YYYY-MM-DD (an ISO timestamp is read as its date)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        d = parse_date(value)
        if d is None:
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)
        return d


DATE = DateType()


def published_option(f):
    return click.option("--published", type=DATE,
                        help="Publication date (YYYY-MM-DD) for inputs that carry none; relative dates "
                             "('on Monday') count from it.")(f)


def db_option(writing: bool = False):
    what = "DuckDB file to store into (made if missing)" if writing else "DuckDB store to read (made by ingest)"
    return click.option("--db", default=DEFAULT_DB, show_default=True, metavar="PATH", help=what + ".")


def parquet_option(f):
    return click.option("--parquet", metavar="DIR",
                        help="Read the Parquet folder written by `eventwire batch` instead of --db.")(f)


def since_until(what: str):
    def deco(f):
        f = click.option("--until", type=DATE, help=f"Only {what} on or before this date (YYYY-MM-DD).")(f)
        return click.option("--since", type=DATE, help=f"Only {what} on or after this date (YYYY-MM-DD).")(f)
    return deco


def limit_option(f):
    return click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
                        help="Most rows to show; 0 for all.")(f)


def table_format_option(f):
    return click.option("--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table", show_default=True,
                        help="table: aligned columns for reading; csv or json for programs.")(f)


def modality_option(f):
    return click.option(
        "--modality", multiple=True, type=click.Choice([*MODALITIES, "all"]), default=DEFAULT_MODALITIES,
        show_default=True, callback=_modalities,
        help="Events of this modality (repeat for several; 'all' for every one). By default only asserted "
             "events count: negated, hypothetical, intended and past-background ones are not acts.")(f)


def _modalities(ctx, param, value):
    values = tuple(value) or DEFAULT_MODALITIES
    return None if "all" in values else values


def progress_option(f):
    return click.option("--progress/--no-progress", default=None,
                        help="A progress bar on stderr with a total and an ETA (default: on a terminal only).")(f)
