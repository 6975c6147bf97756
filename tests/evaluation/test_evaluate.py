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
