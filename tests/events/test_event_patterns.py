"""Which lexicon row a trigger matches, and so which CAMEO code an act gets."""


def test_cyber_attacks_have_their_own_code(codes):
    assert ("RUS", "176", "DEU") in codes("Russian agents hacked the email servers of German ministries.")


def test_re_verbs_code_as_their_base(triples, events):
    assert ("ISR", "19", "PSE") in triples(events("Israel on Friday reimposed a blockade on the Gaza Strip."))


def test_a_hunger_strike_is_not_a_labour_strike(events):
    evs = [e for e in events("Imprisoned Bahraini dissidents started a hunger strike last week.") if e.root == "14"]
    assert evs and all(e.cameo == "142" for e in evs)
    # the noun on its own: "hunger strike" is a row before "strike"
    assert {e.cameo for e in events("Bahraini dissidents' hunger strike entered its third week.")} == {"142"}


def test_investigations_are_coded_by_what_they_investigate(codes):
    assert ("PER", "091", None) in codes("Peruvian prosecutors opened corruption investigations on Tuesday.")


def test_bringing_an_end_to_something_is_ending_it(cameos):
    assert "0254" in cameos("North Korea asked China to bring an end to the fuel embargo.")


def test_trade_restrictions_are_an_embargo_not_an_administrative_sanction(cameos):
    assert "1312" in cameos("The Chinese commerce ministry threatened to impose import curbs on Australian wine.")


def test_withdrawing_a_policy_is_not_a_military_withdrawal(codes):
    assert any(c == "1042" for _, c, _ in codes("Dutch farmers demanded the withdrawal of the nitrogen law."))
    assert any(c == "1056" for _, c, _ in codes("Mali demanded the withdrawal of French troops from its territory."))


def test_agreeing_on_a_view_is_accord_and_agreeing_on_an_act_is_intent(codes):
    view = codes("Japan and South Korea agreed that the provocations threaten the region.")
    assert any(c == "019" for _, c, _ in view)
    assert any(c.startswith("03") for _, c, _ in codes("Iran and Iraq agreed that talks would resume in May."))


def test_killed_by_a_roadside_bomb_is_unconventional_violence(events):
    [e] = [e for e in events("Two Iraqi soldiers were killed by a roadside bomb near Basra.") if e.root == "18"]
    assert e.cameo == "183"


def test_verbs_the_lemmatizer_cuts_wrongly_still_match_their_rows(triples, events):
    # the small model lemmatizes "staged" as "stag" and "waged" as "wag"
    assert ("BFA", "19", None) in triples(events("Burkina Faso's army staged a coup on Friday."))
    assert ("SDN", "19", "SDN") in triples(events("Sudanese rebels waged war on the government in Sudan."))
    assert ("KEN", "19", "KEN") in triples(events("Kenyan police cordoned off the square in Nairobi."))


def test_a_repaired_lemma_must_fit_the_word_as_written(cameos):
    # "rapped" is not a form of "rape": the repair does not reach it
    assert "1821" not in cameos("The Kenyan senator rapped the Ugandan envoy over the remarks.")


def test_cutting_or_suspending_the_internet_restricts_freedoms(codes):
    assert ("IRN", "1721", "IRN") in codes("Iran's government suspended mobile internet in Tehran.")
    assert ("IND", "1721", "IND") in codes("The Indian government imposed an internet shutdown in Manipur.")
    assert ("BGD", "1721", "BGD") in codes("Bangladesh's government ordered a nationwide internet blackout.")
    # cutting aid is still cutting aid
    assert ("USA", "162", "ETH") in codes("The United States cut aid to Ethiopia.")


def test_mutiny_and_military_action_are_force(triples, events):
    assert ("MLI", "19", None) in triples(events("Malian soldiers mutinied at a barracks near Kati."))
    assert ("TUR", "19", "SYR") in triples(events("Turkey took military action against Syria on Monday."))


def test_freezing_participation_in_a_bloc_reduces_relations(cameos):
    assert "160" in cameos("Armenia froze its participation in the Russian-led alliance.")


def test_claiming_an_attack_is_claiming_responsibility(cameos):
    assert "015" in cameos("Al-Shabaab claimed the bombing of a hotel in Mogadishu.")
    # a claim that someone else attacked is no claim of responsibility
    assert "015" not in cameos("The Somali rebels claimed that Kenya bombed their camps.")


def test_revoking_a_treaty_reduces_relations(codes):
    assert ("NER", "160", "FRA") in codes("Niger's junta revoked its defence agreements with France.")


def test_closing_a_strait_is_a_blockade_and_threatening_military_action_is_a_threat_of_force(cameos):
    assert "191" in cameos("Egypt closed the Suez Canal to Israeli ships.")
    assert "138" in cameos("Turkey threatened military action against Syria.")
    # what is threatened to be cut is still a cut
    assert "138" not in cameos("The United States threatened to cut military aid to Egypt.")
