"""`eventwire ingest` run as a user runs it: a real process on real files, a real DuckDB file."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

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


def _start_ingest(folder: Path, db: Path, workers: int = 2) -> tuple[subprocess.Popen, list[str]]:
    """An ingest, its stderr collected by a thread as it comes."""
    import threading

    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", "ingest", str(folder), "--db", str(db),
                             "--published", "2024-05-02", "--workers", str(workers), "--batch-size", "1",
                             "--progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=_env())
    err: list[str] = []
    threading.Thread(target=lambda: err.extend(iter(lambda: proc.stderr.read(1), "")), daemon=True).start()
    return proc, err


def _workers(proc: subprocess.Popen, n: int = 2, timeout: float = 300, poll: float = 0.2) -> list:
    """Every process under `proc` once `n` worker processes have been started."""
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = psutil.Process(proc.pid).children(recursive=True)
        if len([c for c in children if "spawn_main" in " ".join(c.cmdline())]) >= n:
            return children
        assert proc.poll() is None, "the command ended before its workers started"
        time.sleep(poll)
    raise AssertionError("no workers started")


def _assert_all_end(children: list) -> None:
    """The processes end by themselves within 20 s (the ones that do not are killed)."""
    import psutil

    gone, alive = psutil.wait_procs(children, timeout=20)
    survivors = [p.cmdline() for p in alive]
    for p in alive:
        p.kill()
    assert not survivors


def test_workers_end_when_the_ingest_is_killed(tmp_path):
    folder = news_folder(tmp_path / "news", ENGLISH * 3)
    for i in range(len(ENGLISH), len(ENGLISH) * 3):  # distinct texts, or they are skipped as copies
        p = folder / f"article-{i}.txt"
        p.write_text(p.read_text(encoding="utf-8") + f" It was report number {i}.", encoding="utf-8")
    proc, _ = _start_ingest(folder, tmp_path / "c.duckdb")
    children = _workers(proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _assert_all_end(children)


@pytest.mark.parametrize("workers, sig", [(2, signal.SIGTERM), (1, signal.SIGINT)])
def test_a_stop_signal_ends_cleanly_and_keeps_finished_batches(tmp_path, workers, sig):
    texts = [t + f" It was report number {i}." for i in range(4) for t in ENGLISH]
    folder = news_folder(tmp_path / "news", texts)
    db = tmp_path / "c.duckdb"
    proc, err = _start_ingest(folder, db, workers)
    children = _workers(proc) if workers > 1 else []
    deadline = time.monotonic() + 300
    while not re.search(r"\b[1-9]\d*/\d+ \[", "".join(err)):  # the bar: a first batch is stored
        assert time.monotonic() < deadline and proc.poll() is None, "".join(err)
        time.sleep(0.1)
    proc.send_signal(sig)
    rc = proc.wait(timeout=120)
    time.sleep(0.5)
    stderr = "".join(err)
    assert rc == 128 + sig, stderr
    assert "stopped early" in stderr and "Traceback" not in stderr
    stored = int(re.search(r"(\d+) coded and stored", stderr)[1])
    assert 1 <= stored < len(texts)
    assert count(db, "articles") == stored
    _assert_all_end(children)
    # a rerun codes only what is missing
    res = run_cli("ingest", str(folder), "--db", str(db), "--published", "2024-05-02", "--workers", "1",
                  "--no-progress")
    assert res.returncode == 0, res.stderr
    assert count(db, "articles") == len(texts)


@pytest.mark.parametrize("command", ["ingest", "batch"])
def test_ctrl_c_while_the_workers_start_shows_no_worker_traceback(tmp_path, command):
    """Ctrl-C reaches the whole process group: a worker still importing Python must
    not print a KeyboardInterrupt traceback of its own, nor count as a failed batch;
    the command says it stopped early, in one message."""
    import psutil

    folder = news_folder(tmp_path / "news")
    where = ["--db", str(tmp_path / "c.duckdb")] if command == "ingest" else ["--out", str(tmp_path / "out")]
    proc = subprocess.Popen([sys.executable, "-m", "eventwire.cli", command, str(folder), *where,
                             "--published", "2024-05-02", "--workers", "2", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=_env(), start_new_session=True)  # a group of its own, as a shell's job
    _workers(proc, 1, poll=0.005)
    time.sleep(0.1)  # the worker is importing multiprocessing, long before it loads a model
    children = psutil.Process(proc.pid).children(recursive=True)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGINT, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "stopped early" in stderr and "error" not in stderr.replace(" 0 errors", "")
    _assert_all_end(children)


def test_a_database_that_is_not_a_store_is_refused_and_left_as_it_was(tmp_path):
    import hashlib

    db = tmp_path / "shop.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada')")
    con.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    article = news_folder(tmp_path / "news", ENGLISH[:1])
    for args in (["ingest", str(article), "--db", str(db), "--workers", "1", "--published", "2024-05-02"],
                 ["query", "events", "--db", str(db)], ["export", "--db", str(db)]):
        res = run_cli(*args)
        assert res.returncode == 1, (args, res.stderr)
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and "not an eventwire store" in lines[0] and str(db) in lines[0], res.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("customers",)]
    con.close()


def test_a_file_that_is_not_duckdb_is_refused_in_one_line(tmp_path):
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes", encoding="utf-8")
    res = run_cli("ingest", str(news_folder(tmp_path / "news", ENGLISH[:1])), "--db", str(db), "--workers", "1")
    assert res.returncode == 1 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "not an eventwire store" in res.stderr and db.read_text(encoding="utf-8") == "my notes"


def test_a_store_held_by_another_process_says_so(tmp_path):
    db = tmp_path / "c.duckdb"
    res = run_cli("ingest", str(news_folder(tmp_path / "news", ENGLISH[:1])), "--db", str(db), "--workers", "1",
                  "--published", "2024-05-02")
    assert res.returncode == 0, res.stderr
    holder = duckdb.connect(str(db))  # this process holds the store for writing
    try:
        res = run_cli("query", "events", "--db", str(db))
    finally:
        holder.close()
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [res.stderr.strip()]
    assert "another eventwire process holds the store" in res.stderr


def test_a_rerun_from_another_folder_changes_no_count(tmp_path):
    news_folder(tmp_path / "news")
    jl = tmp_path / "news" / "wire.jsonl"
    jl.write_text("".join(json.dumps({"text": t + " Officials confirmed it.", "source": src}) + "\n"
                          for t, src in zip(ENGLISH[:2], ("Wire A", "Wire B"))), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    db = tmp_path / "c.duckdb"

    def snapshot():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return (con.execute("SELECT count(*) FROM copies").fetchone(),
                    con.execute("SELECT sum(num_articles), sum(num_sources) FROM event_reports").fetchone())
        finally:
            con.close()

    args = ["--db", str(db), "--published", "2024-05-02", "--workers", "1", "--no-progress"]
    assert run_cli("ingest", "news", *args, cwd=tmp_path).returncode == 0
    first = snapshot()
    assert first[0][0] == len(ENGLISH) + 2
    res = run_cli("ingest", "../news", *args, cwd=tmp_path / "elsewhere")
    assert res.returncode == 0, res.stderr
    assert f"{len(ENGLISH) + 2} already stored" in res.stderr
    assert snapshot() == first
