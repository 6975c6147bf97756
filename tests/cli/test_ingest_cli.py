"""`eventwire ingest` run as a user runs it: a real process on real files, a real DuckDB file."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

ENGLISH = [
    "Kenya's president met the leader of Tanzania in Nairobi on Thursday to discuss a new railway. "
    "The two leaders agreed to share the cost, a statement from the Kenyan presidency said.",
    "Police in Lima arrested twelve protesters on Saturday after clashes near the Congress building, "
    "Peru's interior ministry said. The ministry accused the organisers of inciting violence.",
    "Germany pledged new humanitarian aid to Sudan on Monday. The German foreign minister said Berlin "
    "would send food and medicine to refugees in Chad.",
    "India and Bangladesh signed an agreement on Tuesday to share river water during the dry season, "
    "officials in Dhaka said.",
    "Brazil's foreign ministry condemned an attack on its embassy in Caracas on Wednesday and demanded "
    "that Venezuela protect its diplomats.",
]
FRENCH = ("Le président de la République a reçu mardi à l'Élysée le Premier ministre, avec qui il a "
          "évoqué la réforme des retraites et le budget de l'année prochaine. Selon son entourage, le chef "
          "de l'État souhaite que les discussions avec les syndicats reprennent dans les prochains jours, "
          "mais plusieurs ministres restent opposés à un nouveau report de la réforme.")


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env=_env(), **kw)


def _env() -> dict:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def news_folder(path: Path, texts: list[str] = ENGLISH) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (path / f"article-{i}.txt").write_text(text, encoding="utf-8")
    return path


def count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_a_french_article_among_english_ones_is_named_and_the_rest_stored_with_workers(tmp_path):
    folder = news_folder(tmp_path / "news")
    (folder / "article-fr.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    res = run_cli("ingest", str(folder), "--db", str(db), "--published", "2024-05-02",
                  "--workers", "2", "--batch-size", "1", "--no-progress")
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    [line] = [ln for ln in res.stderr.splitlines() if "article-fr.txt" in ln]
    assert "English" in line
    assert count(db, "articles") == len(ENGLISH)
