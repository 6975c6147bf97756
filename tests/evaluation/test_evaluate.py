"""Scoring helpers of `eventwire eval`."""
from eventwire.evaluation.score import calibration


def test_calibration_bands_and_error():
    m = calibration([(0.95, True), (0.92, False), (0.5, False), (0.55, False)])
    top = next(b for b in m["bins"] if b["from"] == 0.9)
    assert (top["events"], top["right"]) == (2, 0.5)
    low = next(b for b in m["bins"] if b["from"] == 0.45)
    assert (low["events"], low["right"]) == (2, 0.0)
    # half the events at ~0.93 with half right, half at ~0.53 with none right
    assert abs(m["ece"] - (0.5 * abs(0.935 - 0.5) + 0.5 * 0.525)) < 1e-3


def test_no_events_no_calibration():
    assert calibration([]) is None


def test_a_null_gold_target_matches_another_gold_source_of_the_same_country():
    import eventwire
    from eventwire.evaluation.score import _target_ok
    [e, *_] = [e for e in eventwire.code_text("The Philippine army and Philippine rebels accused each other of "
                                              "violating the truce.", published="2024-10-21").events
               if e.target is not None]
    sources = ["PHL", "PHL"]
    assert _target_ok({"source": "PHL", "target": None}, sources, e, 0)
    assert not _target_ok({"source": "PHL", "target": None}, ["PHL"], e, 0)  # no other gold event


NEWS = ("France expelled two Russian diplomats on Monday, the foreign ministry said. Russia and Ukraine agreed to "
        "exchange prisoners. \"We will not accept this,\" Foreign Minister Sergei Lavrov said. The African Union "
        "condemned the attack on Chad.")


def _span(text, words):
    i = NEWS.index(words)
    return [i, i + len(words)]


def _news_gold(tmp_path):
    import json
    item = {
        "id": "n1", "published": "2024-10-21", "text": NEWS,
        "events": [
            {"source": "FRAGOV", "target": "RUSGOV", "root": "16", "roots": ["16", "17"]},
            {"source": "IGOAU", "target": "TCD", "root": "11", "roots": ["11"]},
            {"source": "RUS", "target": "UKR", "root": "06", "roots": ["06"], "either_direction": True},
            {"source": "UKR", "target": "RUS", "root": "03", "roots": ["03"], "optional": True},
        ],
        "quotes": [
            {"speaker": "Sergey Lavrov", "span": _span(NEWS, "We will not accept this"), "direct": True},
            {"speaker": "French foreign ministry", "span": _span(NEWS, "France expelled two Russian diplomats"),
             "direct": False},
            {"speaker": "Moussa Faki", "span": _span(NEWS, "the attack on Chad"), "direct": False},
            {"speaker": "unattributed", "span": _span(NEWS, "agreed to exchange prisoners"), "direct": False,
             "optional": True},
        ],
    }
    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    return path


def test_news_gold_required_recall_and_dyadic_precision(tmp_path):
    from eventwire.evaluation.score import evaluate
    m = evaluate(_news_gold(tmp_path))
    # required: the expulsion (16 accepted) and the AU's condemnation are found, the exchange is not
    assert m["required_events"] == {"recall": 0.667, "gold": 3}
    # four predicted with both actors: France->Russian diplomats, AU->Chad and the optional
    # Ukraine->Russia (agreed to exchange prisoners, with each other) match; Russia->Ukraine
    # is coded 03, which the required exchange (06) does not accept
    assert m["dyadic_precision"] == {"precision": 0.75, "predicted": 4}
    assert m["events"]["recall"] == 0.667
    assert m["actor_accuracy"] == 1.0  # the exchange's actors are right, its code is not


def test_news_gold_quotes_by_speaker_name_and_optional_quotes(tmp_path):
    from eventwire.evaluation.score import evaluate
    m = evaluate(_news_gold(tmp_path))
    # "Sergey Lavrov" and the predicted "Sergei Lavrov" share the last word
    assert m["quotes"]["direct"] == {"gold": 1, "found": 1.0, "right_speaker": 1.0}
    # the optional quote is not counted; the AU's words are found with the wrong speaker
    assert m["quotes"]["indirect"] == {"gold": 2, "found": 1.0, "right_speaker": 0.5}


def _mention(code, name, text, country=None, sector=None):
    from eventwire.model import Actor, Mention
    return Mention(Actor(id="x", name=name, code=code, country=country, sector=sector, kind="organization"),
                   text, (0, len(text)))


def test_gold_codes_match_country_by_first_three_letters_and_igos_by_name():
    from eventwire.evaluation.score import actor_matches
    police = _mention("KENCOP", "police", "Kenyan police", "KEN", "COP")
    assert actor_matches("KENGOV", police) and actor_matches("KEN", police)
    assert not actor_matches("UGAGOV", police)
    assert actor_matches("IGOAU", _mention("IGOAFRAU", "African Union", "the AU", sector="IGO"))
    assert actor_matches("IGONATO", _mention("IGOWSTNAT", "NATO", "the alliance", sector="IGO"))
    assert actor_matches("IGOEU", _mention("IGOEUREEU", "European Union", "Brussels", sector="IGO"))
    assert not actor_matches("IGOAU", _mention("IGOEUREEU", "European Union", "the EU", sector="IGO"))
    assert actor_matches("IGO", _mention("IGOEUREEU", "European Union", "the EU", sector="IGO"))


def test_either_direction_event_matches_the_reverse_dyad():
    import eventwire
    from eventwire.evaluation.score import event_matches
    [e] = [e for e in eventwire.code_text("The African Union condemned the attack on Chad.",
                                          published="2024-10-21").events if e.target is not None]
    gold = {"source": "TCD", "target": "IGOAU", "roots": ["11"]}
    assert not event_matches(gold, ["TCD"], e)
    assert event_matches({**gold, "either_direction": True}, ["TCD"], e)
    assert not event_matches({**gold, "either_direction": True, "roots": ["12"]}, ["TCD"], e)


def test_a_gold_speaker_with_its_acronym_in_brackets_matches_either_name():
    import eventwire
    from eventwire.evaluation.score import speaker_right
    text = "The disaster agency said the river was falling. \"We remain vigilant,\" the NDMA said."
    rec = eventwire.code_text(text, published="2024-10-21")
    [q] = [q for q in rec.quotes if q.kind == "direct"]
    mentions = {x.actor.id: x.mentions for x in rec.actors}
    assert speaker_right({"speaker": "National Disaster Management Authority (NDMA)"}, q, rec, mentions)
    assert not speaker_right({"speaker": "National Disaster Management Authority"}, q, rec, mentions)


def test_gold_corrections_are_applied_by_id_and_span(tmp_path, monkeypatch):
    import json
    from eventwire.evaluation import score
    fixes = tmp_path / "eval_corrections"
    fixes.mkdir()
    (fixes / "mine.jsonl").write_text("\n".join(json.dumps(x) for x in [
        {"id": "a", "event": {"span": [0, 5]}, "set": {"roots": ["16"]}},
        {"id": "a", "quote": {"span": [6, 9]}, "drop": True},
        {"id": "a", "add_event": {"source": "CHL", "target": "PER", "roots": ["04"]}},
    ]), encoding="utf-8")
    monkeypatch.setattr(score, "data_path", lambda name: tmp_path / name)
    items = [{"id": "a", "events": [{"span": [0, 5], "roots": ["11"]}, {"span": [7, 9], "roots": ["11"]}],
              "quotes": [{"span": [6, 9]}, {"span": [10, 12]}]}]
    [it] = score.apply_corrections("somewhere/mine.jsonl", items)
    assert [e["roots"] for e in it["events"]] == [["16"], ["11"], ["04"]]
    assert it["quotes"] == [{"span": [10, 12]}]
    assert score.apply_corrections("somewhere/other.jsonl", [{"id": "b"}]) == [{"id": "b"}]
