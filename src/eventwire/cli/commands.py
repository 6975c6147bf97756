"""The `eventwire` command: a thin layer over the Python API.

Every message goes to stderr as one line starting `eventwire:`; an error is
`eventwire: error: ...`. A usage error (a bad option value, a missing folder for
an export) exits 2, an input or a store that cannot be used exits 1, and no
traceback is ever shown for either.
"""
from __future__ import annotations

import json
import sys
import warnings

import click

from .. import __version__
from ..io.text import InputWarning
from ..model import InputError
from .options import progress_option, published_option
from .output import RECORD_FORMATS, Writer

PREFIX = "eventwire: "


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


class EventwireGroup(click.Group):
    """click's group, with every error shown as one line under one prefix."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as e:
            where = f" (see `{e.ctx.command_path} --help`)" if e.ctx is not None else ""
            click.echo(f"{PREFIX}error: {_one_line(e.format_message())}{where}", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"{PREFIX}error: {_one_line(e.format_message())}", err=True)
            sys.exit(e.exit_code)
        except click.Abort:
            click.echo(f"{PREFIX}stopped", err=True)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


def _show_warning(message, category, filename, lineno, file=None, line=None):
    if issubclass(category, InputWarning):
        click.echo(f"{PREFIX}warning: {message}", err=True)
    else:
        _default_showwarning(message, category, filename, lineno, file, line)


_default_showwarning = warnings.showwarning


@click.group(cls=EventwireGroup)
@click.version_option(__version__, prog_name="eventwire")
def main():
    """eventwire: political event data (CAMEO / PLOVER) from English news."""
    warnings.simplefilter("always", InputWarning)
    warnings.showwarning = _show_warning


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@published_option
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="jsonl", show_default=True,
              help="jsonl/json: the records of SPEC.md; csv: one row per event; table: for reading.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Keep events whose calibrated confidence is at least this (0-1); by default the coder "
                   "drops the candidates it ranks weakest, and 0 keeps every candidate.")
@progress_option
def code(inputs, published, fmt, min_confidence, progress):
    """Code articles (.txt, .json, .jsonl, .html, RSS/Atom .xml, URLs, folders, or - for stdin) and print records."""
    from ..coder import code_inputs
    from ..io.files import count_articles

    if published is None and any(not i.endswith((".json", ".jsonl", ".ndjson")) for i in inputs):
        click.echo(f"{PREFIX}no --published date given; text inputs get no dates "
                   "(relative dates and inferred dates stay null)", err=True)
    show = sys.stderr.isatty() if progress is None else progress
    bar = _bar(count_articles(inputs) if show else None, show)
    writer = Writer(sys.stdout, fmt)
    failed = 0
    for item in code_inputs(inputs, published, min_confidence):
        if isinstance(item, InputError):
            failed += 1
            bar.clear()
            click.echo(f"{PREFIX}error: {item}", err=True)
        else:
            writer.write(item)
        bar.update(1)
    bar.close()
    writer.close()
    sys.exit(1 if failed else 0)


def _bar(total: int | None, show: bool):
    """A bar with a total and an ETA on stderr, for more than one article (or an unknown number)."""
    from tqdm import tqdm

    return tqdm(total=total, unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                disable=not show or total == 1)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def eval_(gold, as_json):
    """Score the coder against a gold JSONL file."""
    from ..evaluation.score import evaluate, format_report

    metrics = evaluate(gold)
    click.echo(json.dumps(metrics, indent=2) if as_json else format_report(metrics))


def _add_corpus_commands() -> None:
    """ingest / query / export live in cli/corpus.py beside the store."""
    from . import corpus as cli_corpus

    for command in cli_corpus.COMMANDS:
        main.add_command(command)


_add_corpus_commands()

if __name__ == "__main__":
    main()
