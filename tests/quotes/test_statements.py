"""Statements and paragraphs of quotation in wire copy: a speaker named after
the paragraphs it speaks, documents that speak for their issuer."""
import eventwire


def _quotes(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(q.kind, q.text, q.speaker.actor.name if q.speaker else None, q.speaker.text if q.speaker else None)
            for q in rec.quotes]


def _holding(quotes, words):
    hits = [q for q in quotes if words in q[1]]
    assert hits, f"no quote holds {words!r}: {quotes}"
    return hits[0]


def test_paragraphs_of_one_quotation_take_the_speaker_named_at_its_end():
    text = ("Harbour workers in Valdora ended their strike on Monday.\n\n"
            "“The union has won a fair wage for every docker in the port and will keep watch over the deal.\n\n"
            "“Nobody will be punished for walking out, and the cranes will turn again by Wednesday morning,” "
            "Pedro Alvim, the union's leader, told reporters.\n")
    qs = _quotes(text)
    first = _holding(qs, "has won a fair wage")
    assert first[0] == "direct"
    assert first[2] == _holding(qs, "Nobody will be punished")[2] == "Pedro Alvim"


def test_a_closed_paragraph_quote_before_the_named_one_is_the_same_speaker():
    text = ("The ministry of health published its figures on Friday.\n\n"
            "“Four clinics were opened in the north this year and six more will follow in the spring.”\n\n"
            "“Every child in the province will be vaccinated before the winter,” the ministry said.\n")
    assert _holding(_quotes(text), "Four clinics were opened")[3] == "the ministry"


def test_a_paragraph_quote_after_a_paragraph_of_narrative_is_not_given_a_later_speaker():
    text = ("“Four clinics were opened in the north this year and six more will follow.”\n\n"
            "The figures were published on Friday in the capital.\n\n"
            "“Every child in the province will be vaccinated,” Health Minister Ana Rocha said.\n")
    qs = _quotes(text)
    assert not any("Four clinics" in q[1] and q[2] == "Ana Rocha" for q in qs)


def test_the_statement_is_the_one_its_issuer_was_named_with():
    text = ("Fighting in the east has ended, a European Union statement said on Sunday, after talks in Geneva.\n\n"
            "Russia and Ukraine exchanged prisoners on Saturday.\n\n"
            "“Both sides have agreed to keep the corridor open for aid convoys for a month,” the statement said.\n")
    assert _holding(_quotes(text), "keep the corridor open")[2] == "European Union"


def test_said_in_a_statement_makes_the_subject_the_issuer():
    text = ("The Kenyan foreign ministry said in a statement that the envoy had been summoned.\n\n"
            "Uganda did not comment.\n\n"
            "“The envoy was told that such remarks harm relations between our peoples,” the statement added.\n")
    q = _holding(_quotes(text), "such remarks harm")
    assert q[2] != "Uganda" and "Kenya" in q[2]


def test_a_statement_someone_rejected_is_not_theirs():
    text = ("The opposition rejected the Nigerian army's statement on Monday.\n\n"
            "“Order has been restored across the province,” the statement said.\n")
    q = _holding(_quotes(text), "Order has been restored")
    assert "opposition" not in q[2] and "Nigeria" in q[2]


def test_quoted_as_saying_gives_the_words_to_the_one_quoted():
    qs = _quotes("The state news agency quoted Interior Minister Kemal Arslan as saying that 40 people "
                 "had been detained in the raids.")
    assert _holding(qs, "40 people had been detained")[2] == "Kemal Arslan"


def test_quoted_as_saying_with_a_direct_quote():
    qs = _quotes("The broadcaster quoted a senior army officer as saying: “The convoy never reached the border "
                 "and we lost contact with it at night.”")
    assert _holding(qs, "never reached the border")[3] == "a senior army officer"


def test_a_quoted_predicate_is_the_words_of_the_subject_before_it():
    qs = _quotes("On Tuesday the Peruvian foreign ministry “firmly rejected the interference of foreign envoys in "
                 "the vote count”, a day after the count was halted.")
    q = _holding(qs, "firmly rejected")
    assert "Peru" in q[2] and q[3] == "the Peruvian foreign ministry"


def test_a_quoted_predicate_of_a_copula_stays_the_writers():
    qs = _quotes("The new bridge “is the longest in the region” and opened on Monday.")
    assert not any("longest in the region" in q[1] for q in qs)
