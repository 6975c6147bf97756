"""Words that stand for several actors: pair words ("both leaders", "the
parties") and plural pronouns ("they", "them", "their")."""


def _countries(doc, actors, word, nth=0):
    tok = [t for t in doc if t.text == word][nth]
    return {f.actor.country for f in actors.for_phrase(tok)}


def test_both_leaders_as_an_object_are_the_leads_pair_not_the_subject(resolve):
    doc, actors = resolve("The leaders of Chile and Peru agreed on Monday to reopen their shared border. "
                          "Trade across it had stopped in March. Truck drivers had camped by the road for weeks. "
                          "Farmers lost their harvests. "
                          "Brazil's president called both leaders on Sunday, urging them to keep talking.")
    assert _countries(doc, actors, "leaders", 1) == {"CHL", "PER"}
    assert _countries(doc, actors, "them") == {"CHL", "PER"}


def test_the_parties_after_talks_between_two_sides(resolve):
    doc, actors = resolve("Talks between the Colombian government and the Venezuelan opposition ended in Mexico City. "
                          "The mediator praised the parties for their patience.")
    assert _countries(doc, actors, "parties") == {"COL", "VEN"}


def test_they_after_a_coordinated_subject_is_both(resolve):
    doc, actors = resolve("Chile and Peru said on Monday that they would reopen the border crossing.")
    assert _countries(doc, actors, "they") == {"CHL", "PER"}


def test_their_inside_a_coordinated_phrase_is_the_whole_phrase(resolve):
    doc, actors = resolve("Senior Chilean and Peruvian officials agreed that their countries should share data.")
    they = [t for t in doc if t.text == "their"][0]
    assert {f.actor.kind for f in actors.for_phrase(they)} == {"group"}
    assert _countries(doc, actors, "their") == {"CHL", "PER"}


def test_a_pronoun_outside_a_quotation_does_not_take_a_name_inside_it(resolve):
    doc, actors = resolve("The Dutch foreign ministry said on Monday: “Germany will not pay.” "
                          "It later announced a plan of its own.")
    it = next(t for t in doc if t.text == "It")
    assert actors.at(it).actor.country == "NLD"


def test_a_pronoun_inside_a_quotation_may_take_a_name_in_it(resolve):
    doc, actors = resolve("The Dutch envoy said: “Germany has refused, and it will not pay.”")
    it = next(t for t in doc if t.text == "it")
    assert actors.at(it).actor.country == "DEU"


def test_them_is_the_nearest_actor_that_is_not_its_clauses_subject(resolve):
    doc, actors = resolve("Kenya's foreign minister summoned the Somali envoys on Monday, telling them to leave.")
    assert _countries(doc, actors, "them") == {"SOM"}


def test_a_title_owned_by_a_pronoun_takes_the_antecedents_country(resolve):
    doc, actors = resolve("Chile said on Friday that it had put its navy on alert.")
    navy = next(t for t in doc if t.text == "navy")
    f = actors.at(navy)
    assert (f.actor.country, f.actor.sector) == ("CHL", "MIL")


def test_the_two_demonyms_after_unplaced_people_give_them_their_country(resolve):
    doc, actors = resolve("The minister raised the cases of Anna Kowalczyk and Piotr Zielny. "
                          "The two Poles have been held in Minsk since May.")
    anna = actors.at(next(t for t in doc if t.text == "Anna")).actor
    assert anna.country == "POL"
    assert _countries(doc, actors, "Poles") == {"POL"}
    assert len(actors.for_phrase(next(t for t in doc if t.text == "Poles"))) == 2


def test_a_demonym_does_not_move_people_the_article_placed(resolve):
    doc, actors = resolve("Joe Biden met Justin Trudeau in Ottawa. The two Canadians in the room applauded.")
    assert actors.at(next(t for t in doc if t.text == "Biden")).actor.country == "USA"


def test_a_pair_target_leaves_out_the_sources_own_country():
    import eventwire
    rec = eventwire.code_text("Chile and Peru have traded for decades. Peru's president Dina Boluarte "
                              "promised to strengthen ties between the two countries.", published="2024-03-05")
    targets = {e.target.actor.country for e in rec.events if e.source and e.source.actor.country == "PER" and e.target}
    assert targets == {"CHL"}


def test_a_governor_general_is_no_general(resolve):
    doc, actors = resolve("The Governor-General of Tuvalu, Sir Tofiga Falani, swore in the new cabinet on Monday.")
    f = actors.at(next(t for t in doc if t.text == "Tofiga"))
    assert (f.actor.country, f.actor.sector) == ("TUV", "GOV")


def test_a_bare_conjunct_shares_the_first_ones_country(resolve):
    doc, actors = resolve("Russian soldiers and tanks crossed into the village at dawn.")
    f = actors.at(next(t for t in doc if t.text == "tanks"))
    assert f.actor.country == "RUS"


def test_a_conjunct_with_its_own_determiner_keeps_its_own(resolve):
    doc, actors = resolve("Russian soldiers and the police of Kazakhstan met at the crossing.")
    f = actors.at(next(t for t in doc if t.text == "police"))
    assert f.actor.country == "KAZ"
