"""Whole-article behaviour: spans, golden record, API."""
import json
import os
from pathlib import Path

import pytest

import eventwire
from eventwire.model import InputError

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo.txt"
GOLDEN = Path(__file__).parent / "golden" / "demo.json"


@pytest.fixture(scope="module")
def demo_text() -> str:
    return DEMO.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_record(demo_text):
    return eventwire.code_text(demo_text, published="2024-11-22", id="examples/demo.txt")


def _spans(record: dict):
    """Every (span, text) pair a record claims, wherever it sits."""
    for e in record["events"]:
        for key in ("source", "target", "reported_by"):
            if e[key]:
                yield e[key]["span"], e[key]["text"]
        yield e["span"], None
    for q in record["quotes"]:
        yield q["span"], q["text"]
        if q["speaker"]:
            yield q["speaker"]["span"], q["speaker"]["text"]
    for a in record["actors"]:
        for s in a["mentions"]:
            yield s, None
    for x in record["places"] + record["times"]:
        yield x["span"], x["text"]


@pytest.mark.parametrize("which", ["demo", "sample"])
def test_every_span_reproduces_its_text(which, request):
    text = request.getfixturevalue(f"{which}_text")
    record = request.getfixturevalue(f"{which}_record").to_dict()
    n = 0
    for (start, end), said in _spans(record):
        assert 0 <= start < end <= len(text)
        if said is not None:
            assert text[start:end] == said
        n += 1
    assert n > 50


def test_golden_record_for_demo_article(demo_record):
    """The whole record of examples/demo.txt, the project's own article. Regenerate
    on purpose with EVENTWIRE_REGENERATE=1 and review the diff before committing."""
    got = json.loads(json.dumps(demo_record.to_dict(), ensure_ascii=False))
    if os.environ.get("EVENTWIRE_REGENERATE"):
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == want


def test_sample_countries_resolve_to_iso3(sample_record):
    by_text = {}
    for a in sample_record.actors:
        for s, e in a.mentions:
            by_text.setdefault(sample_record.article.text[s:e], a.actor.country)
    for name in ("Türkiye", "Turkish", "Ankara"):
        assert by_text[name] == "TUR", name
    for name in ("Iran", "Tehran", "Iranian"):
        assert by_text[name] == "IRN", name
    assert by_text["Israel"] == "ISR"


def test_code_text_api_returns_typed_record():
    r = eventwire.code_text("Turkish President Recep Tayyip Erdogan visited Iran on Monday.", published="2024-10-21")
    assert isinstance(r, eventwire.Record)
    [e] = [e for e in r.events if e.root == "04"]
    assert e.source.actor.country == "TUR" and e.target.actor.country == "IRN"
    assert e.cameo == "042" and e.plover == "CONSULT"


def test_non_english_text_is_refused_with_its_name():
    text = ("Der Außenminister der Türkei traf sich am Montag mit seinem iranischen Amtskollegen in "
            "Ankara, um über die Lage im Nahen Osten und die Angriffe auf den Gazastreifen zu sprechen.")
    with pytest.raises(InputError, match="german-1.*English"):
        eventwire.code_text(text, id="german-1")


def test_we_and_our_in_a_direct_quote_are_the_speakers_side():
    text = ("“Our talks with Hezbollah have made progress,” Lebanese Foreign Ministry Spokesperson "
            "Rana Haddad said on Monday.\n“Lebanon and Qatar agree we must help Syria,” she said.")
    evs = eventwire.code_text(text, published="2024-10-21").events
    talks = [e for e in evs if e.trigger == "talks"]
    assert talks and talks[0].source.actor.country == "LBN"
    # "we" after the quote names countries is theirs, not the speaker's alone
    assert not any(e.target and e.source and e.target.text == "we" for e in evs)
