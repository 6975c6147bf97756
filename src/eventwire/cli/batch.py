"""`eventwire batch`: a thin command over corpus.batch.run_batch."""
from __future__ import annotations

import sys

import click

from .options import progress_option, published_option


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR",
              help="Folder for the Parquet output (new, or an earlier batch's to resume).")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Worker processes of a local Dask cluster (one thread each)  [default: 2].")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Use this running Dask scheduler instead of a local cluster; its workers must import "
                   "eventwire and see the --out folder.")
@published_option
@click.option("--shard-size", type=click.IntRange(1, 100_000), default=100, show_default=True,
              help="Input articles per shard: the unit of work, of output files and of resuming.")
@progress_option
def batch(inputs, out, workers, scheduler, published, shard_size, progress):
    """Code a corpus on a Dask cluster into Parquet partitioned by month; rerun to resume."""
    from ..corpus.batch import run_batch
    from ..corpus.batch.layout import LayoutError

    try:
        import distributed  # noqa: F401
    except ImportError:
        raise click.ClickException("`eventwire batch` needs Dask: pip install 'eventwire[batch]'") from None

    if workers is not None and scheduler:
        raise click.UsageError("--workers and --scheduler exclude each other "
                               "(the scheduler's cluster has its own workers)")
    if scheduler and not scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        raise click.BadParameter(f"{scheduler!r} is not a scheduler address (tcp://HOST:PORT)",
                                 param_hint="--scheduler")

    def on_error(name, reason):
        click.echo(f"eventwire: error: {name}: {reason}", err=True)

    try:
        report = run_batch(inputs, out, workers=workers or 2, scheduler=scheduler, published=published,
                           shard_size=shard_size, progress=progress, on_error=on_error)
    except LayoutError as e:
        raise click.UsageError(str(e)) from None
    except OSError as e:  # no scheduler at that address, or a folder we cannot write
        raise click.ClickException(f"{scheduler or out}: {e}") from None
    if report.interrupted:
        click.echo(f"eventwire: stopped early; {report.read} articles read, {report.coded} coded "
                   f"({report.events} events) and kept in {out}; run the same command again to go on", err=True)
        sys.exit(128 + report.interrupted)
    click.echo(f"eventwire: {report.read} articles read, {report.coded} coded ({report.events} events), "
               f"{report.copies_skipped} exact copies, {report.near_duplicates} near-duplicates, "
               f"{len(report.errors)} errors; {report.shards} shards ({report.reused_shards} from an earlier run) "
               f"-> {out}", err=True)
    sys.exit(1 if report.errors else 0)
