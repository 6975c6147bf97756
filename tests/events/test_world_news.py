"""Event kinds and sentence shapes of wire copy from any region."""
import eventwire


def _events(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.cameo)
            for e in rec.events]


def test_an_agentless_passive_state_act_is_the_reporting_state_bodys():
    ev = _events("Two staff of the Chilean embassy were declared personae non gratae, "
                 "the Peruvian Foreign Ministry said on Monday.")
    assert ("PERGOV", "CHLGOV", "161") in ev or ("PERGOV", "CHL", "161") in ev


def test_a_passive_act_reported_by_a_person_without_office_keeps_no_source():
    ev = _events("Two Chilean diplomats have been expelled, a witness said.")
    assert all(s is None for s, _, c in ev if c.startswith("17") or c.startswith("16"))


def test_a_summons_reported_by_the_government_is_its_protest():
    ev = _events("The Chilean ambassador was summoned to the foreign ministry, the Peruvian government said.")
    assert ("PERGOV", "CHLGOV", "114") in ev


def test_adding_companies_to_a_sanctions_list_is_a_sanction():
    ev = _events("Japan's trade ministry said three Chinese firms have been added to its sanctions list.")
    assert any(c == "163" and t == "CHNBUS" for _, t, c in ev)


def test_the_patient_of_a_passive_the_parser_hangs_on_the_auxiliary():
    ev = _events("Ghana's former president John Smith was on Thursday sentenced to two years in jail, "
                 "the country's prosecutors said.")
    assert any(c == "173" and t is not None and t.startswith("GHA") for _, t, c in ev)


def test_a_joint_act_where_it_happens_is_with_each_other():
    ev = _events("The Chilean and Peruvian envoys held talks in Ecuador on Monday.")
    assert {(s[:3], t[:3]) for s, t, c in ev if c == "046"} == {("CHL", "PER"), ("PER", "CHL")}


def test_a_joint_act_with_a_named_party_keeps_it():
    ev = _events("Chile and Peru signed a deal with Japan.")
    assert ("CHL", "JPN", "057") in ev


def test_talks_between_two_countries_are_reciprocal():
    ev = _events("Talks between Chile and Peru are planned for Monday.")
    # planned talks are an intent to negotiate (036), each with the other
    assert ("CHL", "PER", "036") in ev and ("PER", "CHL", "036") in ev


def test_an_act_an_agreement_is_about_is_done_by_who_reached_it():
    ev = _events("European Union ministers reached an agreement on a new package of sanctions against Iran.")
    assert ("IGOEUREEU", "IRN", "163") in ev


def test_an_agreement_about_nothing_coded_gives_no_source_to_a_later_noun():
    ev = _events("Chile reached an agreement with Peru after attacks on the border.")
    assert all(not (s == "CHL" and c.startswith("19")) for s, _, c in ev)


def test_sanctions_on_businesses_target_their_country():
    ev = _events("The State Department slapped sanctions on four businesses run by the Chadian military.")
    assert ("USAGOV", "TCDBUS", "163") in ev


def test_force_a_states_own_official_says_it_could_use_is_his_threat():
    ev = _events("Chile could strike the bridges in Peru, the Chilean defence minister warned.")
    assert ("CHLGOV", "PER", "138") in ev


def test_force_another_states_official_says_it_could_use_stays_hypothetical():
    ev = _events("Chile could strike the bridges in Peru, the Peruvian defence minister warned.")
    assert ("CHL", "PER", "190") in ev
