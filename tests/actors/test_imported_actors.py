"""Actors imported from the PETRARCH2 dictionaries (data/actors/petrarch):
matched in one pass, in the text's own casing, with the code valid on the
publication date, and never over a curated entry."""
import datetime as dt

import pytest

from eventwire.actors import ArticleActors
from eventwire.actors.detect import cased_as_name
from eventwire.actors.knowledge import knowledge_base, names_in


@pytest.fixture(scope="module")
def resolve(parse):
    def run(text, published=dt.date(2012, 5, 1)):
        doc = parse(text)
        return doc, ArticleActors(doc, published)
    return run


def _actor_at(doc, actors, text):
    start = doc.text.index(text)
    tok = next(t for t in doc if t.idx >= start)
    f = actors.at(tok)
    return f.actor if f else None


def test_a_province_resolves_to_its_country_only_when_written_as_a_name(resolve):
    doc, actors = resolve("Fighting spread across Helmand on Sunday.")
    assert _actor_at(doc, actors, "Helmand").country == "AFG"
    doc, actors = resolve("the word helmand written in lower case names nothing.")
    assert _actor_at(doc, actors, "helmand") is None


def test_a_persons_code_is_the_one_valid_on_the_publication_date(resolve):
    text = "Ann Veneman visited the camp on Tuesday."
    doc, actors = resolve(text, dt.date(2003, 6, 1))
    assert _actor_at(doc, actors, "Ann Veneman").code == "USAGOV"
    doc, actors = resolve(text, dt.date(2008, 6, 1))
    assert _actor_at(doc, actors, "Ann Veneman").code == "IGOUNOKID"


def test_an_imported_alias_of_a_curated_person_is_the_curated_person(resolve):
    doc, actors = resolve("President-elect Obama named his team.", dt.date(2008, 12, 1))
    curated = _actor_at(doc, actors, "Obama")
    assert curated.id == "person/barack-obama" and curated.country == "USA"
    assert curated.code != "USAELI"  # the curated row (in office), not the imported pre-office code


def test_imported_organizations_carry_their_cameo_code(resolve):
    doc, actors = resolve("The Afghan National Army took the district.")
    army = _actor_at(doc, actors, "Afghan National Army")
    assert (army.code, army.country, army.sector) == ("AFGMIL", "AFG", "MIL")


@pytest.mark.parametrize("text, name, expected", [
    ("Let us go home now.", "us", False),
    ("Us and them, she sang.", "Us", False),
    ("The US said nothing.", "US", True),
    ("Front for the Liberation of Nowhere", "Front for the Liberation of Nowhere", True),
    ("front for the liberation of nowhere", "front for the liberation of nowhere", False),
    ("Talks with the United States", "the United States", False),
    ("The United States agreed", "The United States", True),
    ("Fighters of al-Nowhere attacked", "al-Nowhere", True),
])
def test_imported_names_match_only_in_the_casing_of_a_name(parse, text, name, expected):
    doc = parse(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    assert cased_as_name(span) is expected


def test_one_pass_finds_every_form_with_overlaps(parse):
    kb = knowledge_base()
    doc = parse("Afghan National Army soldiers met in Kabul.")
    spans = {doc[s:e].text for s, e in names_in(kb, [t.lower_ for t in doc])}
    assert {"Afghan National Army", "Afghan National Army soldiers", "Kabul"} <= spans
