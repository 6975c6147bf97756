"""Mechanisms of world news (issue 15), each on sentences written for the project."""
import eventwire


def _events(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.cameo)
            for e in rec.events]


def test_an_order_to_its_own_army_is_the_states_deployment_not_a_demand_on_the_army():
    ev = _events("Chile ordered its army to move up to the frontier with Peru.")
    assert ("CHL", "PER", "154") in ev
    assert not any(c.startswith("10") for _, _, c in ev)


def test_an_act_ordered_of_the_own_police_is_done_by_the_one_who_orders_it():
    ev = _events("The Bolivian president ordered police to arrest the opposition leader Ana Rojas.")
    assert any(s == "BOLGOV" and c == "173" for s, _, c in ev)
    assert not any(c.startswith("10") for _, _, c in ev)


def test_an_order_to_another_states_troops_stays_a_demand_or_expulsion():
    ev = _events("Ghana ordered Togolese troops to leave its territory.")
    assert any(s == "GHA" and t.startswith("TGO") for s, t, c in ev if t)


def test_what_two_leaders_spoke_about_is_a_topic_not_an_act():
    ev = _events("The Chilean president and his Peruvian counterpart spoke on Monday about "
                 "coordinating the flood relief effort.")
    assert {c for _, _, c in ev} == {"040"}


def test_a_should_of_the_speakers_own_side_is_his_commitment_not_a_demand():
    ev = _events("Chilean President Gabriel Boric said Chile and Peru should expand trade.")
    assert not any(c.startswith("10") for _, _, c in ev)
    assert any(s.startswith("CHL") and t == "PER" and c.startswith("03") for s, t, c in ev if s and t)


def test_a_should_of_another_state_said_by_a_state_is_still_a_demand():
    ev = _events("Chile said Peru must release the detained fishermen.")
    assert ("CHL", "PER", "1053") in ev


def test_a_curfew_imposed_as_a_reduced_passive_is_the_places_state_act():
    ev = _events("Riot police patrolled the streets and a curfew imposed in the Andean city of Cusco, Peru, "
                 "was extended on Tuesday.")
    assert any(s == "PER" and c == "1723" for s, _, c in ev)


def test_a_participle_with_its_agent_is_the_agents_act():
    ev = _events("New sanctions imposed by Canada on Iran took effect on Monday.")
    assert ("CAN", "IRN", "163") in ev


def test_forces_mobilised_by_no_one_named_are_the_actor_of_their_mobilisation():
    ev = _events("Chilean troops have been deployed to the border with Bolivia.")
    assert any(s == "CHLMIL" and t == "BOL" and c == "154" for s, t, c in ev)


def test_a_place_named_as_the_region_of_a_country_is_in_that_country():
    ev2 = _events("Dozens of students were arrested in the capital of Kenya on Friday.")
    assert any(s == "KEN" and c == "173" for s, _, c in ev2)


def test_who_claims_responsibility_for_an_attack_carried_it_out():
    ev = _events("The Shining Path claimed responsibility for the attack on a Peruvian army patrol.")
    assert any(s == "PERREB" and c == "190" for s, _, c in ev)
    assert any(s == "PERREB" and c == "015" for s, _, c in ev)


def test_a_bombing_by_an_armed_group_is_unconventional_violence_not_an_air_raid():
    ev = _events("The Shining Path claimed responsibility for the bombing in Lima.")
    assert any(s == "PERREB" and c == "183" for s, _, c in ev)
    ev = _events("Peru's air force said its bombing of rebel camps in the jungle would continue.")
    assert not any(c == "183" for _, _, c in ev)


def test_an_act_suspended_in_a_country_is_aimed_at_it():
    ev = _events("Oxfam announced the suspension of its activities in Bolivia on Monday.")
    assert any(t == "BOL" and c.startswith("16") for _, t, c in ev)


def test_an_agreement_to_end_a_war_between_two_states_is_theirs():
    ev = _events("Talks in Lima ended with an agreement to end the border war between Ecuador and Peru.")
    assert {(s, t) for s, t, c in ev if c == "057"} == {("ECU", "PER"), ("PER", "ECU")}


def test_hosting_talks_between_two_others_is_mediating_between_them():
    ev = _events("Brazil hosted talks between Colombia and Venezuela on Saturday.")
    assert ("BRA", "COL", "045") in ev and ("BRA", "VEN", "045") in ev
    assert ("COL", "VEN", "046") in ev


def test_hosting_a_visitor_stays_a_visit_received():
    ev = _events("Brazil hosted the Colombian president in Brasilia on Saturday.")
    assert any(s == "BRA" and c == "043" for s, _, c in ev)
    assert not any(c == "045" for _, _, c in ev)


def test_a_deal_brokered_by_a_third_party_is_its_mediation_and_the_parties_deal():
    ev = _events("The deal to restore relations between Chile and Bolivia was brokered by Brazil.")
    assert ("BRA", "CHL", "045") in ev and ("BRA", "BOL", "045") in ev
    assert ("CHL", "BOL", "057") in ev


def test_talks_with_another_party_spoken_of_by_one_side_are_that_sides():
    ev = _events("A Bolivian official said talks with Chile had made progress.")
    assert any(s.startswith("BOL") and t == "CHL" and c == "046" for s, t, c in ev if s and t)


def test_talks_spoken_of_by_someone_with_no_country_have_no_source():
    ev = _events("Analysts said talks with Chile had stalled.")
    assert all(s is None for s, _, c in ev if c == "046")


def test_talks_inside_another_act_are_not_given_to_the_speaker():
    ev = _events("Bolivia has agreed to Brazilian mediation in the talks with Chile, a Bolivian official said.")
    assert not any(c == "046" and s is not None for s, _, c in ev)


def test_missiles_fired_into_the_sea_or_in_a_test_are_a_show_of_force():
    assert any(c == "150" for _, _, c in _events("Iran fired three ballistic missiles into the sea on Tuesday."))
    assert any(c == "150" for _, _, c in _events("Iran test-fired a cruise missile on Tuesday."))
    assert any(c == "194" for _, _, c in _events("Iran fired three ballistic missiles at Iraq on Tuesday."))


def test_a_vow_to_respond_with_force_is_a_threat_of_force():
    ev = _events("The Peruvian defence minister said the army will respond with force to any attack.")
    assert any(c == "138" for _, _, c in ev)


def test_all_thanks_to_is_no_thanks():
    ev = _events("All thanks to the reckless conduct of the Peruvian government, the Bolivian minister said.")
    assert not any(c == "051" for _, _, c in ev)


def test_a_purpose_of_an_intended_act_is_intended():
    ev = _events("Chile will work with Argentina to help Bolivia recover from the floods.")
    assert any(s == "CHL" and t == "BOL" and c.startswith("03") for s, t, c in ev)


def test_gunmen_believed_to_be_cartel_members_are_the_ones_who_opened_fire():
    ev = _events("Masked men believed to be part of a smuggling ring opened fire on a police patrol in Lima, Peru.")
    assert any(s is not None and s.startswith("PER") and c == "193" for s, _, c in ev)


def test_an_appeal_to_them_is_not_addressed_to_the_groups_of_its_infinitive():
    ev = _events("Peru's defence minister met the delegation, urging them to stop armed groups from operating "
                 "in border areas.")
    assert not any(c.startswith("02") and t is not None and t.endswith("REB") for _, t, c in ev)


def test_a_bloc_agreeing_to_sanctions_decides_them():
    ev = _events("The European Union agreed to impose new sanctions on Belarus.")
    assert any(t == "BLR" and c == "163" for _, t, c in ev)
    assert not any(c == "030" for _, _, c in ev)


def test_agreeing_to_talks_stays_a_promise():
    ev = _events("Chile and Peru agreed to resume talks.")
    assert any(c == "036" for _, _, c in ev)


def test_information_shared_on_a_third_state_is_not_shared_with_it():
    ev = _events("Chile and Peru are sharing intelligence on Bolivian drug networks.")
    assert not any(t is not None and t.startswith("BOL") for _, t, _ in ev)
