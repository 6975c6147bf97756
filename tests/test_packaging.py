"""A new user's install, without make: a fresh Python 3.11 venv, its own pip (not
upgraded), `pip install .` from a clean copy of the tracked files, then every input
kind coded by the installed command. This is how issue 19's lxml_html_clean break
went unseen: make upgraded pip first.

It downloads from PyPI (or pip's cache) and takes minutes, so it runs under CI=true
or EVENTWIRE_INSTALL_TEST=1 and is skipped otherwise."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
RUN = os.environ.get("CI") == "true" or os.environ.get("EVENTWIRE_INSTALL_TEST") == "1"

pytestmark = pytest.mark.skipif(not RUN, reason="slow: set EVENTWIRE_INSTALL_TEST=1 (CI=true runs it)")

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ghana and Togo agree border patrols</title>
<meta property="article:published_time" content="2025-02-11T08:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ghana and Togo agree border patrols</h1>
<p>Ghana's defence minister met his Togolese counterpart in Accra on Monday and the two governments
agreed to run joint patrols along their shared border, the ministry said in a statement.</p>
<p>Togo's army accused armed groups of attacking two police posts in the north of the country last week.</p>
</article><footer>All rights reserved.</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
<item><title>Chile recalls ambassador</title><link>https://wire.example.org/1</link>
<pubDate>Wed, 12 Feb 2025 10:00:00 GMT</pubDate>
<description>Chile recalled its ambassador to Venezuela on Wednesday after the Venezuelan government
expelled two Chilean diplomats from Caracas, the foreign ministry in Santiago said.</description></item>
</channel></rss>"""


def _tracked_copy(dest: Path) -> Path:
    """The tracked files only, as a clean clone would have them (no venv, no build dirs)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True).stdout
    for name in filter(None, files.decode().split("\0")):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("install")
    project = _tracked_copy(root / "project")
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)  # the pip that ships with this Python, not upgraded
    pip = [str(env_dir / "bin" / "python"), "-m", "pip"]
    done = subprocess.run([*pip, "install", "--quiet", str(project)], capture_output=True, text=True, env=CLEAN_ENV)
    assert done.returncode == 0, done.stderr[-3000:]
    return env_dir / "bin"


def test_pip_check_passes(installed):
    done = subprocess.run([str(installed / "python"), "-m", "pip", "check"], capture_output=True, text=True,
                          env=CLEAN_ENV)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name,content", [("page.html", PAGE), ("wire.xml", FEED),
                                          ("note.txt", "Japan's prime minister visited Vietnam on Friday."),
                                          ("lines.jsonl", json.dumps({"id": "x1", "published": "2025-01-03",
                                                                      "text": "Kenya's police arrested forty protesters in Nairobi on Thursday."}))])
def test_installed_command_codes_every_input_kind(installed, tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    done = subprocess.run([str(installed / "eventwire"), "code", str(path), "--published", "2025-02-12",
                           "--format", "jsonl"], capture_output=True, text=True, cwd=tmp_path, env=CLEAN_ENV)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and all(r["events"] for r in records), done.stdout
    assert "Traceback" not in done.stderr
