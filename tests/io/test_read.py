import datetime as dt
import json

from eventwire.model import Article, InputError
from eventwire.io.files import read_inputs


def _items(*paths, published=None):
    return list(read_inputs([str(p) for p in paths], published))


def test_txt_is_one_article_with_path_as_id(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Iran condemned the strike.", encoding="utf-8")
    [a] = _items(p, published=dt.date(2024, 10, 21))
    assert isinstance(a, Article)
    assert a.id == str(p) and a.published == dt.date(2024, 10, 21)


def test_jsonl_keeps_ids_and_numbers_items_without_one(tmp_path):
    p = tmp_path / "b.jsonl"
    p.write_text(json.dumps({"id": "x1", "text": "A.", "published": "2024-01-02"}) + "\n"
                 + json.dumps({"text": "B."}) + "\n", encoding="utf-8")
    a, b = _items(p)
    assert a.id == "x1" and a.published == dt.date(2024, 1, 2)
    assert b.id == f"{p}#2"


def test_malformed_jsonl_line_is_named_and_others_still_read(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"text": "Good one."}\n{"text": broken\n{"title": "no text"}\n{"text": "Also good."}\n')
    items = _items(p)
    errors = [i for i in items if isinstance(i, InputError)]
    good = [i for i in items if isinstance(i, Article)]
    assert [g.text for g in good] == ["Good one.", "Also good."]
    assert len(errors) == 2
    assert f"{p}:2" in str(errors[0]) and "malformed JSON" in str(errors[0])
    assert "text" in str(errors[1])


def test_empty_binary_and_undecodable_files_are_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Erdoğan said".encode("utf-8").replace("ğ".encode(), b"\xf0") + b"\xe9t\xe9")
    reasons = [str(e) for e in _items(empty, binary, latin)]
    assert "empty" in reasons[0]
    assert "binary" in reasons[1]
    assert "UTF-8" in reasons[2] and str(latin) in reasons[2]


def test_missing_file_and_folder_walk(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "sub" / "x.txt").write_text("Text one.")
    (tmp_path / "d" / "y.jsonl").write_text('{"text": "Text two."}\n')
    (tmp_path / "d" / ".hidden.txt").write_text("skip me")
    items = _items(tmp_path / "nope.txt", tmp_path / "d")
    assert isinstance(items[0], InputError) and "no such file" in str(items[0])
    assert sorted(i.text for i in items[1:]) == ["Text one.", "Text two."]


def test_json_list_file(tmp_path):
    p = tmp_path / "e.json"
    p.write_text(json.dumps([{"id": "k", "text": "One."}, {"text": "Two."}]))
    a, b = _items(p)
    assert a.id == "k" and b.id == f"{p}#2"
