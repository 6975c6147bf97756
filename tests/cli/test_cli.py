import json

from click.testing import CliRunner

from eventwire.cli import main


def test_code_jsonl_from_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Israeli jets struck targets in Lebanon on Saturday, the army said.", encoding="utf-8")
    res = CliRunner().invoke(main, ["code", str(p), "--published", "2024-10-21", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    [line] = [ln for ln in res.stdout.splitlines() if ln.strip()]
    rec = json.loads(line)
    assert rec["id"] == str(p) and rec["published"] == "2024-10-21"
    assert any(e["root"] in ("19", "18") and e["target"]["country"] == "LBN" for e in rec["events"])


def test_bad_inputs_are_named_others_still_coded_exit_1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russia condemned the NATO summit.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)))
    jl = tmp_path / "items.jsonl"
    jl.write_text('{"id": "ok", "text": "China criticized Japan."}\n{oops\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["code", str(empty), str(good), str(binary), str(jl), "--format", "jsonl"])
    assert res.exit_code == 1
    ids = [json.loads(ln)["id"] for ln in res.stdout.splitlines() if ln.strip()]
    assert ids == [str(good), "ok"]
    assert f"{empty}: empty input" in res.stderr
    assert str(binary) in res.stderr and "binary" in res.stderr
    assert f"{jl}:2: malformed JSON" in res.stderr
    assert "Traceback" not in res.stderr + res.stdout


def test_stdin_and_formats(tmp_path):
    text = "Chile and Peru will keep working together, the spokesperson said."
    for fmt in ("json", "csv", "table"):
        res = CliRunner().invoke(main, ["code", "-", "--published", "2024-10-21", "--format", fmt], input=text)
        assert res.exit_code == 0, res.output
        if fmt == "json":
            [rec] = json.loads(res.stdout)
            assert rec["id"] == "-"
        elif fmt == "csv":
            assert res.stdout.splitlines()[0].startswith("article_id,event_id,date")
        else:
            assert "== -" in res.stdout


def test_usage_error_exit_2():
    res = CliRunner().invoke(main, ["code", "x.txt", "--published", "yesterday-ish"])
    assert res.exit_code == 2


def test_ingest_query_export_from_the_command_line(tmp_path):
    folder = tmp_path / "news"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "a.txt").write_text(
        "Russia launched drones at Kyiv overnight, Ukraine's air force said on Sunday.", encoding="utf-8")
    (folder / "b.txt").write_text("China criticized Japan over its new defence budget on Friday.", encoding="utf-8")
    (folder / "empty.txt").write_text("")
    db = str(tmp_path / "c.duckdb")
    runner = CliRunner()
    res = runner.invoke(main, ["ingest", str(folder), "--db", db, "--published", "2024-10-20", "--workers", "1"])
    assert res.exit_code == 1  # the empty file is named, the rest stored
    assert "empty.txt: empty input" in res.stderr
    assert "2 coded and stored" in res.stderr
    res = runner.invoke(main, ["query", "events", "--db", db, "--actor", "RUS", "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows and all("RUS" in (r["source_code"] or "") + (r["target_code"] or "") for r in rows)
    res = runner.invoke(main, ["export", "--db", db, "--format", "csv"])
    assert res.exit_code == 0 and res.stdout.startswith("hash,article_id,event_id")
    res = runner.invoke(main, ["query", "events", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 1 and "no such store" in res.stderr
