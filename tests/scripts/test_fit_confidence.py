"""scripts/fit_confidence.py: how hand judgements join the events the current
coder emits when actor codes, roots or triggers moved since they were judged,
on sentences written here and real coded events."""
from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import eventwire

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="module")
def fit():
    sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location("fit_confidence", SCRIPTS / "fit_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def strike():
    """A coded event with both sides: Israel (ISR) used force on Lebanon (LBN)."""
    events = eventwire.code_text("Israel launched missiles into Lebanon on Monday.",
                                 published="2024-10-21", min_confidence=0).events
    e = next(e for e in events if e.root == "19")
    assert e.source.actor.code.startswith("ISR") and e.target.actor.code.startswith("LBN")
    return e


def judgement(e, **changes) -> dict:
    row = {"article_id": "a1", "sentence_index": str(e.sentence_index), "trigger_token": str(e.trigger_token),
           "trigger": e.trigger, "source_code": e.source.actor.code, "target_code": e.target.actor.code,
           "cameo": e.cameo, "modality": e.modality, "judged_right": "1", "wrong_part": "",
           "right_source": "", "right_target": ""}
    row.update(changes)
    return row


def test_an_unchanged_event_takes_its_verdict(fit, strike):
    pairs, how, missing = fit.join([judgement(strike)], {"a1": [strike]})
    assert [(label, why) for _, _, label in pairs for why in how] == [(1, "exact")]
    pairs, _, _ = fit.join([judgement(strike, judged_right="0", wrong_part="target")], {"a1": [strike]})
    assert [label for _, _, label in pairs] == [0]


def test_changed_codes_are_rejudged_by_the_right_codes(fit, strike):
    # judged when the coder said UNK for the source; the judge named ISR as right
    old = judgement(strike, source_code="UNK", judged_right="0", wrong_part="source", right_source="ISR")
    pairs, how, _ = fit.join([old], {"a1": [strike]})
    assert [label for _, _, label in pairs] == [1] and how == {"sides re-judged": 1}
    # the judge wanted a target of another country: still wrong
    other = judgement(strike, target_code="SYR", judged_right="0", wrong_part="target", right_target="SYR")
    pairs, how, _ = fit.join([other], {"a1": [strike]})
    assert [label for _, _, label in pairs] == [0] and how == {"a side still wrong": 1}
    # "-": the sentence names no such participant
    none = judgement(strike, target_code="", right_target="-")
    assert [label for _, _, label in fit.join([none], {"a1": [strike]})[0]] == [0]


def test_older_judgements_without_right_codes(fit, strike):
    # judged right with a sector code of the same country: still right
    sector = judgement(strike, source_code=strike.source.actor.code[:3] + "GOV")
    assert [label for _, _, label in fit.join([sector], {"a1": [strike]})[0]] == [1]
    # judged right when the source was another country: cannot tell now
    moved = judgement(strike, source_code="SYR")
    pairs, _, missing = fit.join([moved], {"a1": [strike]})
    assert pairs == [] and missing == {"actors": 1}
    # judged unreal: wrong whatever the actors are now
    unreal = judgement(strike, source_code="SYR", judged_right="0", wrong_part="event")
    pairs, how, _ = fit.join([unreal], {"a1": [strike]})
    assert [label for _, _, label in pairs] == [0] and how == {"wrong whatever the actors": 1}
    # a side judged wrong that kept its code keeps the event wrong
    kept = judgement(strike, source_code="SYR", judged_right="0", wrong_part="target")
    assert [label for _, _, label in fit.join([kept], {"a1": [strike]})[0]] == [0]


def test_what_does_not_join_is_counted_by_reason(fit, strike):
    judged = [judgement(strike, article_id="gone"),
              judgement(strike, trigger_token=str(strike.trigger_token + 40), sentence_index="7"),
              judgement(strike, cameo="042"),
              judgement(strike, modality="negated"),
              judgement(strike), judgement(strike)]
    pairs, how, missing = fit.join(judged, {"a1": [strike]})
    assert len(pairs) == 1 and how == {"exact": 1}
    assert missing == {"article": 1, "trigger": 1, "root": 1, "modality": 1, "used": 1}
    assert set(missing) <= set(fit.UNJOINED)


def test_a_moved_token_joins_by_trigger_word_in_its_sentence(fit, strike):
    moved = replace(strike, trigger_token=strike.trigger_token + 2)
    pairs, _, _ = fit.join([judgement(strike)], {"a1": [moved]})
    assert [label for _, _, label in pairs] == [1]


def test_a_bad_judgement_row_stops_with_a_line_naming_it(fit, tmp_path, capsys):
    cols = "article_id\tsentence_index\ttrigger_token\ttrigger\tsource_code\ttarget_code\tcameo\tjudged_right\twrong_part" \
           "\tright_source\tright_target"
    good = tmp_path / "good.tsv"
    good.write_text(cols + "\na1\t0\t1\tlaunched\tISR\tLBN\t190\t0\ttarget\t\tLBN\n", encoding="utf-8")
    assert len(fit.read_judged(good)) == 1
    assert "right_target LBN contradicts" in capsys.readouterr().err
    bad = tmp_path / "bad.tsv"
    bad.write_text(cols + "\na1\t0\t1\tlaunched\tISR\tLBN\t190\t1\ttarget\t\t\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="line 2: judged_right must be 1 with no wrong_part"):
        fit.read_judged(bad)


def test_a_plain_statement_with_no_target_is_not_event_data(fit, strike):
    said = [e for e in eventwire.code_text("Iran said on Monday it would expand enrichment.",
                                           published="2024-10-21", min_confidence=0).events if e.root == "01"]
    assert said and said[0].target is None and fit.targetless_statement(said[0])
    assert not fit.targetless_statement(strike)
