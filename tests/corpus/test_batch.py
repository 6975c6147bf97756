"""`eventwire batch` on real Dask clusters started here: a LocalCluster of two
worker processes, a run killed with SIGKILL and resumed, and an external
`dask scheduler` / `dask worker` pair on loopback. Every run codes the same small
corpus (texts written for these tests) and must give the same tables."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.corpus.batch import open_store
from eventwire.corpus.batch.layout import Layout
from eventwire.corpus.ingest import ingest

SRC = str(Path(__file__).resolve().parents[2] / "src")
ENV = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
SHARD_SIZE = 2

COUNTRIES = [("Egypt", "Egyptian", "Cairo"), ("Japan", "Japanese", "Tokyo"), ("Brazil", "Brazilian", "Brasilia"),
             ("Kenya", "Kenyan", "Nairobi"), ("India", "Indian", "New Delhi"), ("Turkey", "Turkish", "Ankara"),
             ("Germany", "German", "Berlin"), ("Mexico", "Mexican", "Mexico City")]
TEMPLATES = [
    "{a}'s foreign minister met his {b2} counterpart in {city} on Tuesday to discuss trade and border security. "
    "The two ministers agreed to expand cooperation in {n} fields, a statement from the {a2} foreign ministry said.",
    "The army of {a} accused {b} of shelling villages near the border on Sunday, killing at least {n} civilians. "
    "{a2} officials vowed to retaliate and recalled their ambassador from {b}.",
    "The president of {a} condemned {b} for the arrest of {n} journalists and demanded their release. "
    "\"This is an attack on a free press,\" the president told reporters in {city}.",
]
FRENCH = ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au parlement "
          "la semaine prochaine. Les syndicats ont appelé à une grève nationale pour protester contre ce projet.")


def corpus() -> list[dict]:
    """About thirty articles over two months: distinct stories, two exact copies
    from other outlets, one near-duplicate (a paragraph added) and one French text."""
    articles = []
    for i in range(26):
        a, a2, city = COUNTRIES[i % len(COUNTRIES)]
        b, b2, _ = COUNTRIES[(i * 3 + 1) % len(COUNTRIES)]
        if a == b:
            b, b2, _ = COUNTRIES[(i + 2) % len(COUNTRIES)]
        text = TEMPLATES[i % len(TEMPLATES)].format(a=a, a2=a2, b=b, b2=b2, city=city, n=4 + i)
        articles.append({"id": f"story-{i:02d}", "text": text, "published": f"2024-{3 + i % 2:02d}-{1 + i:02d}",
                         "source": f"Outlet {i % 4}", "title": f"Story {i}"})
    articles.insert(9, {**articles[2], "id": "copy-of-2", "source": "Wire Service"})
    articles.insert(20, {**articles[5], "id": "copy-of-5", "source": "Outlet 9"})
    articles.insert(14, {**articles[7], "id": "near-7", "source": "Outlet 8",
                         "text": articles[7]["text"] + " No talks are planned."})
    articles.insert(17, {"id": "french", "text": FRENCH, "published": "2024-03-20"})
    return articles


def write_corpus(folder: Path) -> Path:
    path = folder / "corpus.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in corpus()), encoding="utf-8")
    return path


def batch_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    """The batch command on `src` and on a file that does not exist beside it."""
    missing = src.parent / "missing.jsonl"
    return [sys.executable, "-m", "eventwire.cli", "batch", str(src), str(missing), "--out", str(out),
            "--shard-size", str(SHARD_SIZE), "--no-progress", *extra]


def tables(out: Path) -> dict[str, list]:
    """Every table of a batch output, rows sorted, without the coding timestamp."""
    with open_store(parquet=str(out)) as store:
        names = [r[0] for r in store.con.execute(
            "SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        result = {}
        for name in names:
            cur = store.con.execute(f'SELECT * FROM "{name}"')
            cols = [d[0] for d in cur.description]
            rows = [tuple(v for c, v in zip(cols, r) if c != "ingested_at") for r in cur.fetchall()]
            result[name] = sorted(rows, key=repr)
    return result


def files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.parquet"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """One uninterrupted batch on a LocalCluster of two workers."""
    folder = tmp_path_factory.mktemp("batch")
    src = write_corpus(folder)
    out = folder / "out"
    run = subprocess.run(batch_cmd(src, out, "--workers", "2"), env=ENV, capture_output=True, text=True,
                         timeout=600)
    return {"src": src, "out": out, "run": run, "tables": tables(out) if run.returncode != 2 else None}


def cli(*args: str):
    result = CliRunner().invoke(main, list(args))
    return result


def test_local_cluster_codes_the_same_events_as_code(reference):
    run = reference["run"]
    assert run.returncode == 1, run.stderr  # the French article fails, the rest is coded
    assert "eventwire: error: french: not English" in run.stderr
    assert "missing.jsonl: no such file" in run.stderr
    # No traceback of ours reaches the user. Dask itself may log a worker's shutdown
    # (a closed comm) with a traceback when the machine is saturated: that is not
    # eventwire's and is left out of this check (seen about once in eight runs at load 12).
    tracebacks = run.stderr.split("Traceback")[1:]
    assert not [tb for tb in tracebacks if "eventwire" in tb], run.stderr
    coded = cli("code", str(reference["src"]), "--format", "jsonl")
    records = [json.loads(line) for line in coded.stdout.splitlines()]
    expected = {(r["id"], e["id"], e["source"]["code"] if e["source"] else None,
                 e["target"]["code"] if e["target"] else None, e["cameo"], e["modality"], tuple(e["span"]))
                for r in records for e in r["events"] if not r["id"].startswith("copy-of")}
    assert len(expected) > 20
    with open_store(parquet=str(reference["out"])) as store:
        rows = store.con.execute("SELECT article_id, event_id, source_code, target_code, cameo, modality, "
                                 "span_start, span_end FROM events").fetchall()
        got = {(*r[:6], (r[6], r[7])) for r in rows}
        assert got == expected
        assert store.con.execute("SELECT count(*) FROM articles WHERE id LIKE 'copy-of%'").fetchone()[0] == 0
        errors = set(store.con.execute("SELECT article_id, shard IS NULL FROM errors").fetchall())
        assert errors == {("french", False), (str(reference["src"].parent / "missing.jsonl"), True)}
        months = {p.name for p in (reference["out"] / "events").iterdir()}
        assert {"month=2024-03", "month=2024-04"} <= months


def rows_of(result) -> list:
    return sorted(json.loads(result.stdout), key=lambda r: json.dumps(r, sort_keys=True))


def test_parquet_output_queries_like_an_ingested_store(reference, tmp_path):
    db = str(tmp_path / "same.duckdb")
    ingest([str(reference["src"])], db=db, workers=1, progress=False)
    for args in (["query", "events", "--limit", "0"], ["query", "quotes", "--limit", "0"],
                 ["query", "actors", "--limit", "0"], ["query", "dyad", "EGY", "JPN"],
                 ["query", "events", "--distinct", "--limit", "0"]):
        from_db = cli(*args, "--db", db, "--format", "json")
        from_parquet = cli(*args, "--parquet", str(reference["out"]), "--format", "json")
        assert from_db.exit_code == 0 and from_parquet.exit_code == 0, from_parquet.output
        assert rows_of(from_parquet) == rows_of(from_db), args  # ties may come in another order
    events = json.loads(cli("query", "events", "--limit", "0", "--parquet", str(reference["out"]),
                            "--format", "json").stdout)
    copied = [e for e in events if e["article_id"] == "story-02"]
    assert copied and all(e["num_articles"] == 2 and e["num_sources"] == 2 for e in copied)
    with open_store(db=db) as s1, open_store(parquet=str(reference["out"])) as s2:
        sql = "SELECT id, story = hash, story_similarity FROM articles ORDER BY id"
        assert s2.con.execute(sql).fetchall() == s1.con.execute(sql).fetchall()
        near = s2.con.execute("SELECT story_similarity FROM articles WHERE id = 'near-7'").fetchone()[0]
        assert near is not None and near >= 0.8
    exported = cli("export", "--parquet", str(reference["out"]), "--format", "gdelt")
    assert exported.exit_code == 0 and exported.stdout.count("\n") > 10


def test_parquet_option_refuses_what_is_not_a_finished_batch(tmp_path):
    result = cli("query", "events", "--parquet", str(tmp_path))
    assert result.exit_code == 1 and "not an `eventwire batch` output" in result.output
    (tmp_path / "_batch").mkdir()
    result = cli("query", "events", "--parquet", str(tmp_path))
    assert "has not finished" in result.output
    result = cli("batch", "x.jsonl", "--out", str(tmp_path), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2


def _first_marker(out: Path, timeout: float = 300) -> Path:
    """The markers folder of a running batch, once a first shard is committed."""
    markers = out / "_batch" / "shards"
    deadline = time.time() + timeout
    while time.time() < deadline and not (markers.is_dir() and any(markers.glob("*.json"))):
        time.sleep(0.05)
    return markers


def test_a_killed_batch_resumes_to_the_same_output_and_leaves_no_workers(reference, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(batch_cmd(reference["src"], out, "--workers", "2"), env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    markers = _first_marker(out)
    workers = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = len(list(markers.glob("*.json")))
    total = -(-len(corpus()) // SHARD_SIZE)
    assert 0 < done < total, "the kill did not land midway"
    assert workers, "the batch started no worker processes"
    gone, alive = psutil.wait_procs(workers, timeout=60)
    for p in alive:  # do not leave them to the next test, but fail
        p.kill()
    assert not alive, f"worker processes outlived the killed batch: {[p.pid for p in alive]}"
    assert not (out / "_batch" / "complete.json").exists()

    rerun = subprocess.run(batch_cmd(reference["src"], out, "--workers", "2"), env=ENV, capture_output=True,
                           text=True, timeout=600)
    assert rerun.returncode == 1, rerun.stderr
    assert f"({done} from an earlier run)" in rerun.stderr
    assert tables(out) == reference["tables"]
    assert files(out) == files(reference["out"])
    assert not list(out.rglob("*.tmp"))


def test_an_external_scheduler_runs_the_same_batch(reference, tmp_path):
    sched_file = tmp_path / "scheduler.json"
    started = []
    try:
        started.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
             "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(sched_file)],
            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        deadline = time.time() + 60
        while time.time() < deadline and not sched_file.exists():
            time.sleep(0.1)
        address = json.loads(sched_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        started.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1",
             "--nworkers", "2", "--nthreads", "1", "--dashboard-address", "127.0.0.1:0"],
            env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        out = tmp_path / "out"
        # First the same file one article short: its last shard differs from the full corpus's.
        full = reference["src"].read_text()
        reference["src"].write_text("".join(full.splitlines(keepends=True)[:-1]))
        try:
            first = subprocess.run(batch_cmd(reference["src"], out, "--scheduler", address), env=ENV,
                                   capture_output=True, text=True, timeout=600)
        finally:
            reference["src"].write_text(full)
        assert first.returncode == 1, first.stderr
        stale = set(Layout(out).committed())
        run = subprocess.run(batch_cmd(reference["src"], out, "--scheduler", address), env=ENV,
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 1, run.stderr
        total = -(-len(corpus()) // SHARD_SIZE)
        assert f"{total} shards ({total - 1} from an earlier run)" in run.stderr  # only the changed shard recoded
        assert len(stale - Layout(out).committed()) == 1  # and the one it replaced is gone
        assert tables(out) == reference["tables"]
        assert files(out) == files(reference["out"])
        worker_pids = {c.pid for c in psutil.Process(started[1].pid).children(recursive=True)}
        coded_by = {json.loads(p.read_text())["pid"] for p in Layout(out).markers.glob("*.json")}
        assert coded_by and coded_by <= worker_pids  # the external workers coded every shard
    finally:
        for p in reversed(started):
            p.terminate()
        for p in reversed(started):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def test_a_worker_killed_mid_run_costs_only_its_shard(reference, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(batch_cmd(reference["src"], out, "--workers", "2"), env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    markers = _first_marker(out)
    workers = [c for c in psutil.Process(proc.pid).children(recursive=True)
               if "spawn_main" in " ".join(c.cmdline())]
    assert len(workers) == 2
    workers[0].kill()  # the nanny starts a new worker; the scheduler gives the lost shard to a live one
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 1, err
    assert tables(out) == reference["tables"]
    assert files(out) == files(reference["out"])


def test_the_dashboard_reads_a_batch_output(reference):
    import warnings

    from eventwire.serve.server import app_for

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's note on its test client's HTTP library
        from starlette.testclient import TestClient

        store = open_store(parquet=str(reference["out"]))
        try:
            client = TestClient(app_for(store, name="batch", host="127.0.0.1"), base_url="http://127.0.0.1:8000")
            page = client.get("/")
            assert page.status_code == 200 and "Mexico" in page.text
        finally:
            store.close()
