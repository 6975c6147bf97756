"""What an article says about its actors: acronyms it defines, descriptions
pointing back to a named actor, and table nouns of a country it never names."""
import eventwire


def _actors(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return {text[s:e]: a.actor for a in rec.actors for s, e in a.mentions}


def test_an_acronym_defined_in_brackets_names_the_long_form_after_it():
    a = _actors("Fighters of the Movement for Justice and Progress (MJP) attacked an army base in Chad. "
                "On Tuesday the MJP said it had seized weapons.")
    assert a["MJP"].name == "Movement for Justice and Progress"


def test_a_defined_acronym_takes_the_country_and_sector_of_its_long_form():
    a = _actors("Brazil's Ministry of Mines (MOM) suspended two licences. The MOM said the firms broke the law.")
    assert a["MOM"].code == "BRAGOV"


def test_a_defined_acronym_overrides_what_the_letters_mean_elsewhere():
    # "PNG" is no name of the tables; defined here it is the country
    a = _actors("Police in Papua New Guinea (PNG) arrested four men. PNG signed a deal with Japan.")
    assert a["PNG"].code == "PNG"


def test_a_description_points_back_to_the_body_named_before():
    a = _actors("The African Union condemned the coup in Niger. The union suspended the West African nation.")
    assert a["The union"].code.startswith("IGO") and a["The union"].name == "African Union"
    assert a["the West African nation"].code == "NER"


def test_a_description_skips_names_used_as_modifiers():
    a = _actors("The Alliance of Andean Towns said the SADC rules were unfair. The bloc left SADC.")
    assert a["The bloc"].name.endswith("Alliance of Andean Towns")
    a = _actors("The government of Chad told the Danish envoy to leave the country by Friday.")
    assert a["the country"].code == "TCD"


def test_a_description_with_a_name_of_its_own_is_no_pointer():
    a = _actors("Kuwait condemned the attack. Officials met the Kenyan state broadcaster.")
    assert "the Kenyan state" not in a


def test_a_table_noun_of_a_country_the_article_never_names_is_a_title():
    # the tables give "junta" to Myanmar's military; here it is Chad's
    a = _actors("The Danish minister criticized the junta in Chad.")
    assert a["the junta"].country != "MMR"
    a = _actors("Myanmar's generals met on Monday. The junta denied the report.")
    assert a["The junta"].country == "MMR"


def test_a_wire_dateline_names_no_actor():
    for opening in ("OSLO (AP) — ", "(Reuters) - ", "LIMA, March 3 (EFE) - ", "Nairobi: "):
        text = opening + "Chile and Peru agreed to reopen their border."
        a = _actors(text)
        assert {x.code for x in a.values()} == {"CHL", "PER"}, opening


def test_an_opening_in_capitals_with_a_verb_is_no_dateline():
    text = "Peru signs deal with Chile: Chile and Peru agreed to reopen their border."
    rec = eventwire.code_text(text, published="2024-10-21")
    [peru] = [a for a in rec.actors if a.actor.code == "PER"]
    named = [(s, e) for s, e in peru.mentions if text[s:e] == "Peru"]
    assert len(named) == 2 and named[0] == (0, 4)  # the headline keeps its actors


def test_the_country_is_the_one_of_its_sentence_or_the_one_before():
    a = _actors("Chile protested to Peru last week. Ghana's former president John Smith was jailed, "
                "the country's prosecutors said.")
    assert a["the country"].code == "GHA"


def test_a_first_name_alone_is_the_one_person_named_before_with_it():
    a = _actors("Chadian Prime Minister Rahman Tahir arrived in Accra. \"We came as friends,\" Rahman said.")
    assert a["Rahman"].name == "Rahman Tahir"


def test_a_first_name_two_people_share_links_no_one():
    a = _actors("Ahmed Khan met Ahmed Said in Cairo. Ahmed later left for Doha.")
    assert "Ahmed" not in a or a["Ahmed"].name == "Ahmed"


def test_a_name_given_an_office_by_an_apposition_keeps_it_in_its_other_mentions():
    rec = eventwire.code_text("The police spokesman, Tomas Ferreira, said six men were held. "
                              "\"They planned attacks,\" he said.", published="2024-10-21")
    assert {q.speaker.actor.code for q in rec.quotes} == {"COP"}  # a police spokesman speaks for the police


def test_the_two_leaders_are_the_last_two_people_of_different_countries():
    rec = eventwire.code_text("Chilean President Ana Rojas flew to Lima on Friday to see Peruvian President Luis Soto. "
                              "The two leaders had a meeting on Saturday.", published="2024-10-21")
    pairs = {(e.source.actor.code, e.target.actor.code) for e in rec.events
             if e.trigger == "had" and e.source and e.target}
    assert pairs == {("CHLGOV", "PERGOV"), ("PERGOV", "CHLGOV")}


def test_both_countries_are_the_last_two_countries():
    rec = eventwire.code_text("Chile and Peru signed seven agreements. Both countries reaffirmed their commitment "
                              "to trade.", published="2024-10-21")
    pairs = {(e.source.actor.code, e.target.actor.code) for e in rec.events
             if e.trigger == "reaffirmed" and e.source and e.target}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}


def test_two_sides_inside_another_acts_object_are_left_alone():
    a = _actors("Chile rejected an offer from Peru for talks between the two sides.")
    assert "the two sides" not in a


def test_an_actor_its_sentence_leaves_without_a_country_takes_the_articles():
    a = _actors("Peruvian troops raided a camp near Cusco, the Peruvian ministry said. "
                "The security forces arrested nine men.")
    assert a["The security forces"].country == "PER"


def test_no_article_country_when_no_country_dominates():
    a = _actors("Chile and Peru met in Lima. Argentina and Brazil met in Rio. Protesters gathered on Sunday.")
    assert a["Protesters"].country is None


def test_both_sides_are_the_pair_the_article_has_just_coordinated():
    rec = eventwire.code_text("The Chilean and Peruvian envoys met in Quito hosted by its foreign minister, "
                              "where both sides agreed to stop the fighting.", published="2024-10-21")
    pairs = {(e.source.actor.country, e.target.actor.country) for e in rec.events
             if e.trigger == "agreed" and e.source and e.target}
    assert pairs == {("CHL", "PER"), ("PER", "CHL")}


def test_a_person_before_a_colon_is_no_dateline():
    a = _actors("Anna Smith: Chile and Peru agreed to reopen their border.")
    assert "Anna Smith" in a


def test_a_dateline_whose_bracket_and_colon_are_one_token_names_no_actor():
    rec = eventwire.code_text("LIMA (Xinhua): Peru's navy has seized two fishing boats off the southern coast.",
                              published="2024-10-21")
    assert not any(a.actor.code.endswith("MED") for a in rec.actors)


def test_an_acronym_whose_letters_come_in_another_order_than_its_words_is_defined(parse):
    import datetime as dt
    from eventwire.actors import ArticleActors
    doc = parse("Fighters of the Front for Unity and Renewal (URF) seized two villages on Monday. "
                "The URF said it held the road.")
    actors = ArticleActors(doc, dt.date(2024, 3, 5))
    last = next(t for t in reversed(doc) if t.text == "URF")
    assert actors.at(last).actor.name == "Front for Unity and Renewal"


def test_initials_that_are_not_the_acronyms_letters_define_nothing(parse):
    import datetime as dt
    from eventwire.actors import ArticleActors
    doc = parse("Fighters of the Front for Unity and Renewal (UDF) seized two villages on Monday.")
    actors = ArticleActors(doc, dt.date(2024, 3, 5))
    f = actors.at(next(t for t in doc if t.text == "UDF"))
    assert f is None or f.actor.name != "Front for Unity and Renewal"
