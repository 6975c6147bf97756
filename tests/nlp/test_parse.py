from eventwire.nlp.parse import parse


def test_quotation_marks_glued_to_words_are_their_own_tokens():
    words = [t.text for t in parse("Ryan said,“Look, the tweet is gone.” Then she said,\"No.\"")]
    assert words[:5] == ["Ryan", "said", ",", "“", "Look"]
    assert words[-6:] == ["said", ",", '"', "No", ".", '"']


def test_an_em_dash_between_words_and_quotes_splits_them():
    words = [t.text for t in parse("She touted the record—“the longest expansion”—and promised more.")]
    assert words[3:6] == ["record", "—", "“"]
    assert words[9:12] == ["”", "—", "and"]
