"""scripts/sample_calibration_events.py: the judging template holds the keys a
judgement joins on and no article text, and fit_confidence reads it back."""
from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load(name: str):
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_template_has_the_join_keys_and_no_text(tmp_path):
    sample = load("sample_calibration_events")
    blind = [{"article_id": "a1", "sentence_index": 2, "trigger_token": 41, "trigger": "shelled",
              "sentence": "Troops of Freedonia shelled a border town of Sylvania overnight.",
              "source": {"name": "Freedonia", "code": "FRD", "text": "Troops of Freedonia"},
              "target": None, "cameo": "194", "cameo_name": "Fight with artillery and tanks",
              "modality": "asserted", "reported_by": None}]
    path = tmp_path / "t.tsv"
    sample.write_template(path, blind, "2026-12-01")
    text = path.read_text(encoding="utf-8")
    assert "border town" not in text and "Troops" not in text
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    assert rows[0]["n"] == "1" and rows[0]["source_code"] == "FRD" and rows[0]["target_code"] == ""
    assert rows[0]["judged_right"] == "" and rows[0]["sample"] == "2026-12-01"
    # filled in, it reads back as a judgement
    rows[0].update(judged_right="0", wrong_part="target", right_target="SYL")
    filled = tmp_path / "judged.tsv"
    with filled.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=[c for c in rows[0] if c != "n"], delimiter="\t", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    judged = load("fit_confidence").read_judged(filled)
    assert judged[0]["right_target"] == "SYL" and judged[0]["trigger_token"] == "41"
