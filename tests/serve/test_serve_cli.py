"""`eventwire serve` as a user runs it: a real process, a real port, one-line errors."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
from click.testing import CliRunner

from eventwire.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"


def test_serve_answers_on_loopback_and_refuses_foreign_host_names(store_path):
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "serve", "--db", str(store_path), "--port", "0"],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert "preparing the dashboard" in proc.stderr.readline()
        line = proc.stderr.readline()
        m = re.search(r"read-only at (http://127\.0\.0\.1:\d+)/", line)
        assert m, line
        with urllib.request.urlopen(m.group(1) + "/", timeout=30) as r:
            assert r.status == 200 and "Most active dyads" in r.read().decode()
        # a page elsewhere whose DNS name was rebound to 127.0.0.1 sends its own Host: refused
        req = urllib.request.Request(m.group(1) + "/", headers={"Host": "attacker.example"})
        try:
            urllib.request.urlopen(req, timeout=30)
            raise AssertionError("a foreign Host header was served")
        except urllib.error.HTTPError as e:
            assert e.code == 400
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def test_serve_errors_are_one_line(tmp_path):
    run = CliRunner().invoke
    res = run(main, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 1 and "missing.duckdb: no such store" in res.output and "Traceback" not in res.output
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    res = run(main, ["serve", "--db", str(other)])
    assert res.exit_code == 1 and "not an eventwire store" in res.output
    res = run(main, ["serve", "--parquet", str(tmp_path)])
    assert res.exit_code == 1 and "not an `eventwire batch` output" in res.output
    res = run(main, ["serve", "--db", str(other), "--parquet", str(tmp_path)])
    assert res.exit_code == 2 and "not both" in res.output


def test_serve_says_when_the_port_is_taken(store_path):
    import socket

    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    try:
        res = CliRunner().invoke(main, ["serve", "--db", str(store_path), "--port", str(busy.getsockname()[1])])
        assert res.exit_code == 1 and "cannot listen on 127.0.0.1:" in res.output
    finally:
        busy.close()


def test_every_template_and_static_file_is_package_data():
    """A `pip install .` (not editable) must carry the pages, scripts and licences."""
    import fnmatch
    import tomllib

    root = Path(__file__).resolve().parents[2]
    globs = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["eventwire"]
    package = root / "src" / "eventwire"
    files = [p.relative_to(package).as_posix() for d in ("serve/templates", "serve/static")
             for p in (package / d).rglob("*") if p.is_file()]
    assert any(f.endswith("vega.min.js") for f in files) and any("LICENSE" in f for f in files)
    for f in files:
        assert any(fnmatch.fnmatch(f, g) and f.count("/") == g.count("/") for g in globs), f
