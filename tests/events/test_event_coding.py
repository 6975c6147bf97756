"""One event per pair of actors: reciprocal and symmetric acts, and domestic ones."""


def test_reciprocal_events_code_both_directions_with_intent(events):
    evs = [e for e in events("Kenya and Ethiopia will keep working together.") if e.root != "01"]
    assert {("KEN", "ETH"), ("ETH", "KEN")} <= {(e.source.actor.country, e.target.actor.country) for e in evs}
    assert all(e.modality == "intended" for e in evs)


def test_consulting_is_coded_both_ways_and_resigning_has_no_invented_target(triples, events):
    evs = events("The Brazilian foreign minister telephoned his Argentine counterpart on Monday.")
    assert {("BRA", "04", "ARG"), ("ARG", "04", "BRA")} <= triples(evs)
    [surrender] = [e for e in events("Colombian guerrillas surrendered on Thursday.") if e.root == "08"]
    assert surrender.target is None


def test_parties_meeting_at_a_venue_consult_each_other_not_the_venue(triples, events):
    evs = events("Chinese and Indian diplomats return to Vienna next week for talks on border issues.")
    assert not any(e.root == "04" and e.target and e.target.actor.country == "AUT" for e in evs)
    assert {("CHN", "04", "IND"), ("IND", "04", "CHN")} <= triples(evs)


def test_domestic_acts_with_no_other_party_are_aimed_at_the_home_country(triples, events):
    [e] = [e for e in events("Bolivian protesters rioted in the streets of the capital on Thursday.") if e.root == "14"]
    assert (e.source.actor.country, e.target.actor.country, e.target.text) == ("BOL", "BOL", "Bolivian")
    assert ("SDN", "08", "SDN") in triples(events("Sudan's government lifted the state of emergency on Sunday."))
    # a country acting on no one named gets no invented target
    assert ("ISR", "19", "ISR") not in triples(events("Israel attacked on Sunday."))


def test_a_news_outlet_told_a_statement_is_its_channel_not_its_target(events):
    evs = events("Kenya's foreign minister told the BBC on Monday that the border would stay open.")
    assert not any(e.cameo == "010" and e.target is not None and e.target.actor.sector == "MED" for e in evs)
    # a political actor told something is still the statement's target
    evs = events("Kenya's foreign minister told Somalia's president on Monday that the border would stay open.")
    assert any(e.cameo == "010" and e.target is not None and e.target.actor.country == "SOM" for e in evs)
