"""Quotes in wire copy: statements speak for their issuer, bodies with long names."""
import eventwire


def _quotes(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(q.speaker.actor.code if q.speaker else None, q.speaker.text if q.speaker else None, q.kind)
            for q in rec.quotes]


def test_the_statement_speaks_for_the_speaker_before_it():
    qs = _quotes("The African Union welcomed the deal on Friday. \"The agreement marks an important step,\" "
                 "the statement said. \"We must now act,\" Friday's statement added.")
    assert [c for c, _, _ in qs] == ["IGOAFRAU", "IGOAFRAU"]


def test_a_statement_by_someone_is_theirs():
    qs = _quotes("Chile welcomed the vote. A joint statement by UN agencies said 18 million people were hungry.")
    assert qs[-1][0] == "IGOUNO"


def test_a_statement_with_no_issuer_in_reach_stays_unknown():
    qs = _quotes("\"Prices will rise,\" the statement said.")
    assert qs[0][0] == "UNK"


def test_a_ministry_named_with_its_portfolio_is_one_mention():
    rec = eventwire.code_text("\"Four people were killed,\" the Iraqi Ministry of Interior said.", published="2024-10-21")
    [entry] = [a for a in rec.actors if a.actor.code == "IRQGOV"]
    texts = {rec.article.text[s:e] for s, e in entry.mentions}
    assert "the Iraqi Ministry of Interior" in texts
