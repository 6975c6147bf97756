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


def test_workers_who_strike_with_no_object_hold_a_labour_strike(events):
    evs = events("Kenyan teachers struck on Monday over unpaid salaries.")
    assert evs and all(e.root in ("14", "13") for e in evs if e.trigger == "struck")
    # aimed at the employer the workers are "at"
    evs = events("Workers at Volkswagen will strike next week.")
    assert any(e.root in ("14", "13") and e.target is not None and e.target.text == "Volkswagen" for e in evs)
    # armed forces striking a place still use force
    assert any(e.root == "19" for e in events("Russian forces struck Kharkiv overnight."))


def test_a_host_of_talks_others_held_mediates_between_their_holders(codes):
    got = codes("Chile and Peru held talks on Friday hosted by Brazil.")
    assert ("BRA", "045", "CHL") in got and ("BRA", "045", "PER") in got


def test_an_event_nouns_by_phrase_is_its_source(triples, events):
    assert ("UGA", "17", "UGA") in triples(events("The arrest of the opposition leader by Ugandan police sparked protests."))
    assert ("MLI", "16", "FRA") in triples(events("After the expulsion of French diplomats by Mali, France closed its embassy."))


def test_what_a_passive_removal_is_from_is_its_source(codes, events):
    assert ("ZWE", "161", "RUS") in codes("Two Russian diplomats were expelled from Zimbabwe.")
    evs = [e for e in events("Gabon was suspended from the African Union.") if e.cameo == "160"]
    assert evs and all(e.source is not None and e.source.actor.sector == "IGO" for e in evs)
    assert all(e.target is not None and e.target.actor.country == "GAB" for e in evs)
