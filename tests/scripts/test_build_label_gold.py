"""scripts/build_label_gold.py on labels and texts written here: spans become
cues and quote texts; a changed text, a bad span or a missing article is a
one-line error; the shipped labels carry no article text."""
from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_label_gold.py"

TEXT = 'Ruritania recalled its ambassador from Freedonia. "We will not be bullied," the minister said.'


def _load():
    spec = importlib.util.spec_from_file_location("build_label_gold", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _write(path: Path, items: list[dict]) -> Path:
    path.write_text("".join(json.dumps(x) + "\n" for x in items), encoding="utf-8")
    return path


def _label(**over) -> dict:
    ev_span = [TEXT.index("recalled"), TEXT.index(" from")]
    q_start = TEXT.index("We will")
    label = {"id": "a1", "sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
             "events": [{"source": "RURGOV", "target": "FREGOV", "root": "16", "cameo": "161",
                         "optional": False, "span": ev_span}],
             "quotes": [{"speaker": "the minister", "span": [q_start, TEXT.index(',"')], "direct": True}]}
    label.update(over)
    return label


def test_joins_labels_with_texts(tmp_path):
    mod = _load()
    labels = _write(tmp_path / "labels.jsonl", [_label()])
    texts = _write(tmp_path / "texts.jsonl", [{"id": "other", "text": "x"}, {"id": "a1", "text": TEXT}])
    out = tmp_path / "gold.jsonl"
    assert mod.main([str(out), "--labels", str(labels), "--texts", str(texts)]) == 0
    [gold] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert gold["text"] == TEXT
    assert gold["events"][0]["cue"] == "recalled its ambassador"
    assert gold["quotes"][0]["text"] == "We will not be bullied"
    assert "sha256" not in gold


def test_changed_text_is_an_error(tmp_path, capsys):
    mod = _load()
    labels = _write(tmp_path / "labels.jsonl", [_label()])
    texts = _write(tmp_path / "texts.jsonl", [{"id": "a1", "text": TEXT + " More."}])
    assert mod.main([str(tmp_path / "g.jsonl"), "--labels", str(labels), "--texts", str(texts)]) == 1
    err = capsys.readouterr().err.strip()
    assert "a1" in err and "sha256" in err and "\n" not in err
    assert not (tmp_path / "g.jsonl").exists()


@pytest.mark.parametrize("span", [[5, 2], [0, 10_000], "x"])
def test_bad_span_is_an_error(tmp_path, capsys, span):
    mod = _load()
    bad = _label()
    bad["events"][0]["span"] = span
    labels = _write(tmp_path / "labels.jsonl", [bad])
    texts = _write(tmp_path / "texts.jsonl", [{"id": "a1", "text": TEXT}])
    assert mod.main([str(tmp_path / "g.jsonl"), "--labels", str(labels), "--texts", str(texts)]) == 1
    assert "bad span" in capsys.readouterr().err


def test_missing_article_is_an_error(tmp_path, capsys):
    mod = _load()
    labels = _write(tmp_path / "labels.jsonl", [_label(id="zz")])
    texts = _write(tmp_path / "texts.jsonl", [{"id": "a1", "text": TEXT}])
    assert mod.main([str(tmp_path / "g.jsonl"), "--labels", str(labels), "--texts", str(texts)]) == 1
    assert "'zz'" in capsys.readouterr().err


LABEL_DIR = Path(__file__).resolve().parents[2] / "labels"
SHIPPED = {"heldout": LABEL_DIR / "trnews_events.jsonl", "heldout2": LABEL_DIR / "trnews_heldout2_events.jsonl",
           "dev": LABEL_DIR / "trnews_dev_events.jsonl"}


def _ids(path: Path) -> list[str]:
    return [json.loads(x)["id"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_article_labelled_twice_is_an_error(tmp_path, capsys):
    mod = _load()
    labels = _write(tmp_path / "labels.jsonl", [_label(), _label()])
    texts = _write(tmp_path / "texts.jsonl", [{"id": "a1", "text": TEXT}])
    assert mod.main([str(tmp_path / "g.jsonl"), "--labels", str(labels), "--texts", str(texts)]) == 1
    assert "a1" in capsys.readouterr().err


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_set_chooses_the_shipped_labels(tmp_path, capsys, name):
    """--set reads that set's labels: against texts that lack its articles, the
    error names that file's first article."""
    mod = _load()
    texts = _write(tmp_path / "texts.jsonl", [{"id": "a1", "text": TEXT}])
    assert mod.main([str(tmp_path / "g.jsonl"), "--set", name, "--texts", str(texts)]) == 1
    assert repr(_ids(SHIPPED[name])[0]) in capsys.readouterr().err


def test_label_sets_share_no_article():
    """The development set is read for errors; the held-out sets must stay unseen,
    so no two of the shipped sets label the same article, and none labels one twice."""
    ids = {name: _ids(path) for name, path in SHIPPED.items()}
    for name, got in ids.items():
        assert len(got) == len(set(got)), name
    names = sorted(ids)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not set(ids[a]) & set(ids[b]), (a, b)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_shipped_labels_hold_no_text(name):
    """The labels in the project carry spans, codes and names, never article text."""
    path = SHIPPED[name]
    allowed_event = {"source", "target", "root", "roots", "cameo", "either_direction", "optional", "span"}
    allowed_quote = {"speaker", "span", "direct", "optional"}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert set(item) <= {"id", "sha256", "published", "events", "quotes"}
        for e in item["events"]:
            assert set(e) <= allowed_event
        for q in item["quotes"]:
            assert set(q) <= allowed_quote
