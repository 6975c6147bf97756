"""`eventwire eval` on the toponyms and timexes gold formats."""
import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.evaluation.places import distance_km, score_places
from eventwire.evaluation.times import score_times
from eventwire.model import Article, PlaceMention, Record, TimeMention


def test_distance_is_great_circle_km():
    assert abs(distance_km(51.5074, -0.1278, 48.8566, 2.3522) - 344) < 3  # London-Paris


def _place(span, lat, lon):
    return PlaceMention("x", span, "x", 1, "USA", None, lat, lon, "PPL")


def test_places_found_within_and_precision():
    item = {"toponyms": [{"text": "A", "span": [0, 5], "lat": 30.0, "lon": -90.0},
                         {"text": "B", "span": [10, 15], "lat": 40.0, "lon": -80.0}]}
    rec = Record(Article("a", "x" * 30), places=[_place((0, 5), 30.5, -90.0), _place((10, 15), 45.0, -80.0),
                                                  _place((20, 25), 1.0, 1.0)])
    m = score_places([(item, rec)])
    assert (m["found"], m["within_161km"], m["precision"], m["resolved_precision"]) == (1.0, 0.5, 0.667, 0.333)


def test_times_score_dates_and_times_only():
    item = {"timexes": [{"text": "Friday", "span": [0, 6], "type": "DATE", "value": "2013-03-22"},
                        {"text": "two years", "span": [10, 19], "type": "DURATION", "value": "P2Y"},
                        {"text": "May", "span": [25, 28], "type": "DATE", "value": "2013-05"}]}
    rec = Record(Article("a", "x" * 40), times=[TimeMention("Friday", (0, 6), "date", "2013-03-22", "day"),
                                                TimeMention("two years", (10, 19), "duration", "P2Y"),
                                                TimeMention("May", (25, 28), "date", "2012-05", "month"),
                                                TimeMention("now", (32, 35), "date", "PRESENT_REF")])
    m = score_times([(item, rec)])
    assert (m["gold"], m["found"], m["value_right"], m["predicted"], m["precision"]) == (2, 1.0, 0.5, 3, 0.667)


def test_eval_command_reads_both_gold_formats(tmp_path):
    text = "Officials in Ottawa met on Friday."
    places = tmp_path / "places.jsonl"
    places.write_text(json.dumps({"id": "p", "text": text, "toponyms": [
        {"text": "Ottawa", "span": [13, 19], "lat": 45.41, "lon": -75.70, "geonameid": 6094817}]}) + "\n")
    times = tmp_path / "times.jsonl"
    times.write_text(json.dumps({"id": "t", "text": text, "published": "2013-03-22", "timexes": [
        {"text": "Friday", "span": [27, 33], "type": "DATE", "value": "2013-03-22"}]}) + "\n")
    r = CliRunner().invoke(main, ["eval", str(places), "--json"])
    assert r.exit_code == 0, r.output
    m = json.loads(r.output)
    assert (m["kind"], m["found"], m["within_161km"]) == ("places", 1.0, 1.0)
    r = CliRunner().invoke(main, ["eval", str(times)])
    assert r.exit_code == 0 and "value right 1.000" in r.output


def test_eval_reads_a_gold_line_whose_text_holds_a_unicode_line_separator(tmp_path):
    text = "Officials in Ottawa met.\u2028Talks went on in Ottawa."
    gold = tmp_path / "places.jsonl"
    gold.write_text(json.dumps({"id": "p", "text": text, "toponyms": [
        {"text": "Ottawa", "span": [13, 19], "lat": 45.41, "lon": -75.70, "geonameid": 6094817}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["found"] == 1.0
