"""Quotes in wire copy: statements speak for their issuer, bodies with long names."""
import eventwire


def _quotes(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(q.speaker.actor.code if q.speaker else None, q.speaker.text if q.speaker else None, q.kind)
            for q in rec.quotes]


def test_the_statement_speaks_for_the_speaker_before_it():
    qs = _quotes("The African Union praised the vote on Friday. \"The vote was calm and fair,\" "
                 "the statement said. \"We must now act,\" Friday's statement added.")
    assert [c for c, _, kind in qs if kind == "direct"] == ["IGOAFRAU", "IGOAFRAU"]


def test_a_statement_by_someone_is_theirs():
    qs = _quotes("Chile welcomed the vote. A statement by UN agencies said the harvest had failed.")
    assert qs[-1][0] == "IGOUNO"


def test_a_statement_with_no_issuer_in_reach_stays_unknown():
    qs = _quotes("\"Prices will rise,\" the statement said.")
    assert qs[0][0] == "UNK"


def test_a_ministry_named_with_its_portfolio_is_one_mention():
    rec = eventwire.code_text("\"Two mines were closed,\" the Chilean Ministry of Mines said.", published="2024-10-21")
    [entry] = [a for a in rec.actors if a.actor.code == "CHLGOV"]
    texts = {rec.article.text[s:e] for s, e in entry.mentions}
    assert "the Chilean Ministry of Mines" in texts


def test_a_pronoun_speaker_is_the_same_actor_as_its_antecedent_with_the_articles_country():
    text = ("Chile's president spoke in Santiago on Monday. Chile's minister agreed. Chilean senators voted. "
            "Most dairy farmers back the plan. \"It is fair,\" they said.")
    rec = eventwire.code_text(text, published="2024-10-21")
    [voters] = [a for a in rec.actors if any(text[s:e].endswith("dairy farmers") for s, e in a.mentions)]
    assert voters.actor.country == "CHL"
    said = [q for q in rec.quotes if q.speaker is not None and q.speaker.text == "they"]
    assert said and all(q.speaker.actor.id == voters.actor.id for q in said)
