"""The coder's ranking (score, min_confidence) and the calibrated confidence."""
import eventwire


def test_min_confidence_leaves_out_weak_candidates_and_zero_keeps_them(triples):
    text = "Israel launched missiles into Lebanon on Monday as the war in Syria went on."
    every = eventwire.code_text(text, published="2024-10-21", min_confidence=0).events
    kept = eventwire.code_text(text, published="2024-10-21").events
    assert ("ISR", "19", "LBN") in triples(kept)
    assert all(e.score >= 0.45 for e in kept)  # by default, the coder's own ranking
    assert any(e.score < 0.45 for e in every)  # "the war in Syria": no source, under a clause
    assert [e.id for e in kept] == [f"text-e{n}" for n in range(1, len(kept) + 1)]
    # a threshold the user gives is on the calibrated probability
    sure = eventwire.code_text(text, published="2024-10-21", min_confidence=0.3).events
    assert sure and all(e.confidence >= 0.3 for e in sure) and len(sure) < len(every)


def test_confidence_is_a_probability_lower_when_a_side_cannot_be_placed(events):
    placed = [e for e in events("Israel launched missiles into Lebanon on Monday.") if e.root == "19"]
    unplaced = [e for e in events("The army launched missiles into the camp on Monday.") if e.root == "19"]
    assert placed and unplaced
    assert 0 < unplaced[0].confidence < placed[0].confidence < 1


def test_modal_adjectives_do_not_push_an_event_into_the_background(events):
    ready = events("The Omani sultan told reporters he would be ready to host talks between Iranian "
                   "and American envoys.")
    assert any(e.root == "03" and e.source.actor.country == "OMN" for e in ready)
    # "ready to" is modality; an adjective that is not ("happy to") puts the act a clause down
    happy = events("The Omani sultan told reporters he would be happy to host talks between Iranian "
                   "and American envoys.", min_confidence=0)
    hosted = [e.score for e in happy if e.trigger == "host"]
    assert hosted and max(e.score for e in ready if e.trigger == "host") > max(hosted)


def test_confidence_features_mark_an_act_across_a_border(events):
    from eventwire.events.confidence import FEATURES, features

    def international(text, root):
        found = [e for e in events(text, min_confidence=0) if e.root == root]
        assert found, text
        return dict(zip(FEATURES, features(found[0])))["international"]

    assert international("Israel launched missiles into Lebanon on Monday.", "19") == 1.0
    assert international("The United Nations condemned Russia on Monday.", "11") == 1.0  # a body counts as its own
    assert international("French police arrested dozens of French farmers in Paris on Monday.", "17") == 0.0
    assert international("Iran said on Monday it would expand enrichment.", "01") == 0.0  # no target
