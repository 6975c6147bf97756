"""The `eventwire` command: a thin layer over the Python API."""
from __future__ import annotations

import json
import sys

import click

from .. import __version__
from ..model import InputError
from .output import FORMATS, Writer
from ..io.files import parse_date


def _date_option(ctx, param, value):
    if value is None:
        return None
    d = parse_date(value)
    if d is None:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)")
    return d


@click.group()
@click.version_option(__version__, prog_name="eventwire")
def main():
    """eventwire: political event data (CAMEO / PLOVER) from English news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=_date_option, help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Keep events whose calibrated confidence is at least this; by default the coder "
                   "drops the candidates it ranks weakest, and 0 keeps every candidate.")
def code(inputs, published, fmt, min_confidence):
    """Code articles (.txt, .json, .jsonl, .html, RSS/Atom .xml, URLs, folders, or - for stdin) and print records."""
    from ..coder import code_inputs

    if published is None and any(not i.endswith((".json", ".jsonl", ".ndjson")) for i in inputs):
        click.echo("eventwire: no --published date given; text inputs get no dates "
                   "(relative dates and inferred dates stay null)", err=True)
    writer = Writer(sys.stdout, fmt)
    failed = 0
    for item in code_inputs(inputs, published, min_confidence):
        if isinstance(item, InputError):
            failed += 1
            click.echo(f"eventwire: error: {item}", err=True)
        else:
            writer.write(item)
    writer.close()
    sys.exit(1 if failed else 0)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def eval_(gold, as_json):
    """Score the coder against a gold JSONL file."""
    from ..evaluation.score import evaluate, format_report

    metrics = evaluate(gold)
    click.echo(json.dumps(metrics, indent=2) if as_json else format_report(metrics))


def _add_corpus_commands() -> None:
    """ingest / query / export / serve live in cli/corpus.py beside the store."""
    from . import corpus as cli_corpus

    for command in cli_corpus.COMMANDS:
        main.add_command(command)


_add_corpus_commands()

if __name__ == "__main__":
    main()
