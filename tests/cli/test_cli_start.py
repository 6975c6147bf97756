"""What the command line loads before it runs a command: `eventwire --help` and
every command's option parsing must not pay for the coder's modules."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _loaded_after_import(module: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    out = subprocess.run([sys.executable, "-c", f"import sys, {module}; print('\\n'.join(sys.modules))"],
                         capture_output=True, text=True, env=env, check=True).stdout
    return set(out.split())


def test_the_command_line_loads_no_actor_tables_at_start():
    loaded = _loaded_after_import("eventwire.cli")
    assert "eventwire.cli.corpus" in loaded  # the export command is defined
    assert not {m for m in loaded if m.startswith(("eventwire.actors", "eventwire.events", "spacy"))}


def test_the_command_line_loads_no_store_and_no_table_renderer_at_start():
    """DuckDB, Arrow, NumPy and rich cost ~250 ms of CPU: only the commands that
    open a store or print a table import them."""
    loaded = _loaded_after_import("eventwire.cli")
    assert {"eventwire.cli.corpus", "eventwire.corpus.query", "eventwire.corpus.export"} <= loaded
    assert not {m.split(".")[0] for m in loaded} & {"duckdb", "pyarrow", "numpy", "rich"}
