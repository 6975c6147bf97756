"""Event kinds and sentence shapes of wire copy from any region."""
import eventwire


def _events(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.cameo)
            for e in rec.events]


def test_an_agentless_passive_state_act_is_the_reporting_state_bodys():
    ev = _events("Two staff of the Chilean embassy have been declared personae non gratae, "
                 "the Peruvian Foreign Ministry said on Monday.")
    assert ("PERGOV", "CHLGOV", "161") in ev or ("PERGOV", "CHL", "161") in ev


def test_a_passive_act_reported_by_a_person_without_office_keeps_no_source():
    ev = _events("Two Chilean diplomats have been expelled, a witness said.")
    assert all(s is None for s, _, c in ev if c.startswith("17") or c.startswith("16"))


def test_a_summons_reported_by_the_government_is_its_protest():
    ev = _events("The Chilean ambassador was summoned to the foreign ministry, the Peruvian government said.")
    assert ("PERGOV", "CHLGOV", "114") in ev


def test_adding_companies_to_a_sanctions_list_is_a_sanction():
    ev = _events("Japan's trade ministry said seven Chinese companies have been added to its entity list.")
    assert any(c == "163" and t == "CHNBUS" for _, t, c in ev)


def test_the_patient_of_a_passive_the_parser_hangs_on_the_auxiliary():
    ev = _events("Ghana's former president John Smith was on Thursday sentenced to a year in prison, "
                 "the country's prosecutors said.")
    assert any(c == "173" and t is not None and t.startswith("GHA") for _, t, c in ev)


def test_a_joint_act_where_it_happens_is_with_each_other():
    ev = _events("The Thai and Cambodian leaders held talks in Malaysia on Monday.")
    assert {(s, t) for s, t, c in ev if c == "046"} == {("THAGOV", "KHMGOV"), ("KHMGOV", "THAGOV")}


def test_a_joint_act_with_a_named_party_keeps_it():
    ev = _events("Chile and Peru signed a deal with Japan.")
    assert ("CHL", "JPN", "057") in ev


def test_talks_between_two_countries_are_reciprocal():
    ev = _events("Talks between Pakistan and Afghanistan are scheduled for Monday.")
    assert ("PAK", "AFG", "046") in ev and ("AFG", "PAK", "046") in ev
