"""Triggers other than verbs: event nouns and stance adjectives."""


def test_nominal_events(events, triples):
    t = triples(events("Russia's strikes on Kharkiv went on as Lavrov's visit to India ended."))
    assert any(s == "RUS" and r in ("18", "19") and g == "UKR" for s, r, g in t)
    assert ("RUS", "04", "IND") in t


def test_a_stance_adjective_is_an_event_of_the_noun_it_describes(codes, events):
    assert ("BRA", "111", "RUS") in codes("Brazil, sharply critical of Russia's invasion of Ukraine, "
                                          "has pressed for a ceasefire.")
    [e] = [e for e in events("France is not critical of the Chinese government.") if e.cameo == "111"]
    assert e.modality == "negated"
