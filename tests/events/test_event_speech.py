"""Speech acts: CAMEO codes what is said (a demand, threat, appeal, warning), not the act spoken of."""


def test_reported_speech_is_reported_by_speaker_and_not_itself_an_event(events):
    evs = events("Peskov said on Friday that Ukraine shelled Kursk.")
    assert not any(e.cameo == "010" for e in evs)
    [e] = [e for e in evs if e.source and e.source.actor.country == "UKR"]
    assert e.reported_by is not None and "Peskov" in e.reported_by.actor.name


def test_what_a_speaker_says_another_must_do_is_a_demand_on_them(codes):
    assert ("TUR", "106", "GRC") in codes("Ankara said Athens must withdraw its warships from the disputed waters.")
    assert ("QAT", "1053", "ISR") in codes("Qatar's foreign minister said Israel should free the hostages.")


def test_a_hostile_act_said_as_possible_on_a_condition_is_a_threat(codes):
    assert ("RUS", "138", "UKR") in codes("Russia could strike Ukraine if the West sends more weapons, "
                                          "the Kremlin said.")


def test_a_generic_warning_or_appeal_takes_the_code_of_what_it_is_about(codes):
    assert ("IRN", "138", "ISR") in codes("Iran warned it would retaliate against Israel.")
    assert ("USA", "0253", "RUS") in codes("Washington urged Moscow to free the detained journalists.")
    assert any(src == "PSE" and code == "1246" for src, code, _ in codes("Hamas refused to withdraw from Rafah."))


def test_an_obligation_outside_the_lexicon_is_still_a_demand(codes):
    assert ("USA", "100", "RUS") in codes("Washington said Moscow must ensure the safety of the inspectors.")


def test_a_demand_is_addressed_to_whoever_owns_its_object(events):
    evs = events("African Union leaders demanded the withdrawal of Rwandan troops from Congo on Tuesday.")
    assert ("RWA",) == tuple({e.target.actor.country for e in evs if e.root == "10"})


def test_an_accusations_content_is_not_itself_an_event(triples, events):
    evs = events("Israel accused Iran of attacking its ships in the Gulf.")
    assert ("ISR", "11", "IRN") in triples(evs)
    assert not any(e.root == "19" for e in evs)


def test_an_appeal_takes_the_code_of_what_is_asked_for(codes):
    assert ("TCD", "0232", "FRA") in codes("Chad asked France for military assistance on Friday.")


def test_vowing_that_another_will_pay_is_a_threat_against_them(codes):
    assert ("UKR", "138", "RUS") in codes("Zelensky vowed that Russia would pay for the drone strikes.")
    assert ("ISR", "130", "LBN") in codes("Israeli officials said Hezbollah will pay a heavy price.")
    assert not codes("Russia will pay for the shelling.")  # no one says it: no threat to code


def test_a_demand_noun_with_its_clause_is_one_demand_on_the_clause_subject(events):
    evs = events("The European Union repeated its demand that Serbia lift its ban on Kosovar goods.")
    assert [(e.root, e.target.actor.country) for e in evs] == [("10", "SRB")]


def test_an_appeal_takes_the_code_of_a_noun_in_what_is_urged(events):
    assert any(e.cameo == "0234" for e in events(
        "Haitian church leaders pressed Canada to dispatch peacekeeping troops to the capital."))


def test_warning_of_anothers_attack_is_a_pessimistic_comment_not_a_threat(codes):
    got = codes("Modi warned that Pakistan may target India.")
    assert ("IND", "012", "PAK") in got and ("PAK", "190", "IND") in got
    assert not any(code.startswith("13") for _, code, _ in got)
    # a warning of one's own act is still a threat
    assert any(code.startswith("13") for _, code, _ in codes("Iran warned that it would retaliate against Israel."))


def test_a_predicate_adjective_says_how_a_speaker_sees_things(cameos):
    assert "013" in cameos("Kenya's president said he was optimistic that Ethiopia would sign the accord.")
    assert "012" in cameos("German officials remain worried about Russia's troop build-up.")


def test_must_be_able_to_is_not_a_demand_on_the_subject(events):
    evs = events("“Armenia must be able to defend itself against any attack,” the French defence minister "
                 "said on Monday.")
    assert not any(e.root == "10" for e in evs)
    assert not any(e.cameo == "052" for e in evs)  # armed self-defence is not a verbal defence


def test_a_for_to_clause_is_what_an_appeal_asks_not_an_act_done(codes):
    got = codes("Egypt called for Israel to withdraw from Gaza.")
    assert ("ISR", "0874", "PSE") not in got  # no withdrawal happened
    assert any(s == "EGY" and code.startswith("02") and t == "ISR" for s, code, t in got)
    assert any(code.startswith("02") and t == "IRN" for _, code, t in codes("France pushed for Iran to release the detained Frenchmen."))
