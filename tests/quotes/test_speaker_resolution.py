"""Speakers resolved to actors: pronouns, roles, groups."""
import eventwire


def _quotes(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(q.kind, q.text, q.speaker.actor.name if q.speaker else None, q.speaker.text if q.speaker else None)
            for q in rec.quotes]


def _holding(quotes, words):
    hits = [q for q in quotes if words in q[1]]
    assert hits, f"no quote holds {words!r}: {quotes}"
    return hits[0]


def test_he_after_a_quotation_is_not_a_person_the_quotation_names():
    text = ("Police in Quito have arrested four people, spokesman Tomas Herrera said on Monday.\n\n"
            "Herrera said that the first arrest took place in a market on Sunday.\n\n"
            "Two others were held near the airport.\n\n"
            "\"A few hours later, Mario Vela detained the fourth man in the south of the city,\" he said.\n")
    assert _holding(_quotes(text), "Mario Vela detained")[2] == "Tomas Herrera"


def test_a_speaker_named_by_an_office_keeps_its_of_phrase():
    qs = _quotes("Two officers were charged with fraud, the director of public prosecutions said on Friday.")
    assert _holding(qs, "officers were charged")[3] == "the director of public prosecutions"


def test_a_ministry_speaker_keeps_its_portfolio():
    qs = _quotes("Nine people were hurt in the blast, the Ghanaian Ministry of Health said in a statement.")
    assert _holding(qs, "people were hurt")[3] == "the Ghanaian Ministry of Health"


def _speaker_codes(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(q.text, q.speaker.actor.code if q.speaker else None, q.speaker.actor.name if q.speaker else None)
            for q in rec.quotes]


def test_the_ministry_is_the_ministry_the_article_named():
    text = ("China's Ministry of Mines said on Monday that three firms had lost their licences.\n\n"
            "The Canadian firms broke the rules on river dredging, the ministry said.\n")
    hits = [q for q in _speaker_codes(text) if "river dredging" in q[0]]
    assert hits and hits[0][1].startswith("CHN")


def test_they_in_a_clause_under_a_plural_subjects_verb_is_that_subject():
    qs = _quotes("Hundreds of farmers marched on the parliament in Dhaka on Monday, blocking roads, "
                 "as they say the new seed law will “ruin every small farm in the country.”")
    q = _holding(qs, "ruin every small farm")
    assert "farmer" in q[2].lower()


def test_name_in_apposition_to_a_role_speaks():
    import eventwire
    text = ("The head of the Fishers Association and bait shop owner, Tomasz Wolny, says there is a constant "
            "shortage of bait at the harbour.\n"
            "\"We have waited eleven years for the repairs to start,\" he said.\n")
    rec = eventwire.code_text(text, published="2025-03-04")
    speakers = {q.text.split()[0]: q.speaker.actor.name for q in rec.quotes if q.speaker is not None}
    assert "Wolny" in speakers["there"], rec.quotes  # the reported speech
    assert "Wolny" in speakers["We"], rec.quotes  # the quote after it, through "she"


def test_definite_description_after_a_named_speaker_is_that_speaker():
    text = ("\"We will build more homes this year than in the last decade,\" Mayor Ian Brandt said. "
            "\"Nobody will sleep on the street,\" the former banker added.\n")
    assert "Brandt" in _holding(_quotes(text), "Nobody will sleep")[2]


def test_a_new_official_after_a_named_speaker_stays_an_official():
    text = ("\"We will build more homes this year than in the last decade,\" Mayor Ian Brandt said. "
            "\"The numbers do not add up,\" the official said.\n")
    assert "Brandt" not in _holding(_quotes(text), "numbers do not add up")[2]
