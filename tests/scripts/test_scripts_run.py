"""Every script under scripts/ still imports and answers --help (a move of a
helper it imports must not break it silently), and --help does nothing else:
no data file is rebuilt, no gold file read."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = sorted((ROOT / "scripts").glob("*.py"))


def test_there_are_scripts():
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_script_answers_help(script):
    data = ROOT / "src" / "eventwire" / "data"
    before = {p: p.stat().st_mtime_ns for p in data.rglob("*") if p.is_file()}
    res = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, cwd=ROOT)
    assert res.returncode == 0, res.stderr[-2000:]
    assert res.stdout.startswith("usage:"), res.stdout[:500]
    assert before == {p: p.stat().st_mtime_ns for p in data.rglob("*") if p.is_file()}
