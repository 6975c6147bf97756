"""Actors that take their country from the article or from the words right
before them: country-less state bodies, another state's body under a generic
name, country abbreviations."""
import datetime as dt

import pytest

from eventwire.actors import ArticleActors


@pytest.fixture(scope="module")
def resolve(parse):
    def run(text, published=dt.date(2024, 3, 5)):
        doc = parse(text)
        return doc, ArticleActors(doc, published)
    return run


def _found(doc, actors, text):
    start = doc.text.index(text)
    tok = next(t for t in doc if t.idx >= start)
    f = actors.at(tok)
    assert f is not None, f"no actor at {text!r}"
    return f


def test_a_country_less_court_is_of_the_country_the_article_is_about(resolve):
    doc, actors = resolve("Zambian police detained two opposition lawmakers in Lusaka on Monday. "
                          "Zambia's interior minister said the arrests were lawful. "
                          "On Friday the High Court ordered the two men freed on bail.")
    court = _found(doc, actors, "High Court")
    assert court.actor.country is None and court.actor.sector == "JUD"
    settled = actors.settled(court)
    assert (settled.actor.country, settled.actor.sector) == ("ZMB", "JUD")


def test_a_country_less_body_stays_so_when_the_article_names_no_one_country(resolve):
    doc, actors = resolve("Chile and Peru traded charges over the maritime border. "
                          "Peru said Chile was at fault, and Bolivia said both were. "
                          "On Friday the High Court ordered a review of the fishing permits.")
    assert actors.settled(_found(doc, actors, "High Court")).actor.country is None


def test_a_generic_state_body_name_after_another_country_is_that_countrys(resolve):
    doc, actors = resolve("South Korea's Joint Chiefs of Staff said the launch was detected at dawn.")
    body = _found(doc, actors, "Joint Chiefs of Staff").actor
    assert (body.country, body.sector) == ("KOR", "MIL")


def test_a_generic_state_body_name_alone_keeps_the_tables_country(resolve):
    doc, actors = resolve("The Joint Chiefs of Staff said the launch was detected at dawn.")
    assert _found(doc, actors, "Joint Chiefs of Staff").actor.country == "USA"


@pytest.mark.parametrize("abbreviation, code", [("PNG", "PNG"), ("KSA", "SAU"), ("NZ", "NZL")])
def test_country_abbreviations_name_their_country(resolve, abbreviation, code):
    doc, actors = resolve(f"{abbreviation} signed a fisheries pact with Fiji on Tuesday.")
    assert _found(doc, actors, abbreviation).actor.country == code
