"""Actors no table names: organizations typed by their name's head word
(data/actors/org_heads.tsv) and generic people ("a French woman", "the
suspect") coded by their sector and the country of their adjective or
sentence."""
import eventwire
from eventwire.actors.organizations import name_sector


def _actors(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return {text[s:e]: a.actor for a in rec.actors for s, e in a.mentions}


def test_the_head_word_of_a_name_gives_its_sector():
    assert name_sector(["Zentro", "Airlines"]) == "BUS"
    assert name_sector(["Halvorsen", "Holdings", "Inc."]) == "BUS"
    assert name_sector(["University", "of", "Lakeshire"]) == "EDU"
    assert name_sector(["National", "Federation", "of", "Dock", "Workers"]) == "LAB"
    assert name_sector(["Saint", "Brigid", "Hospital"]) == "HLH"
    assert name_sector(["Workers", "'", "Party"]) is None  # a party, not a union
    assert name_sector(["Halvorsen", "Brothers"]) is None


def test_an_unknown_company_is_a_business_of_its_sentence_country():
    a = _actors("Workers at Halvorsen Holdings Inc in Norway went on strike on Monday.")
    assert a["Halvorsen Holdings Inc"].code == "NORBUS"
    assert a["Workers"].code == "NORLAB"


def test_a_place_inside_a_body_name_gives_the_body_its_country():
    a = _actors("The Bank of Canada raised interest rates on Wednesday.")
    body = next(v for k, v in a.items() if k.endswith("Bank of Canada"))
    # named after its whole country: the central bank, a body of the state
    assert body.country == "CAN" and body.sector == "GOV" and body.kind == "organization"


def test_generic_people_take_the_country_of_their_adjective():
    a = _actors("Zentro Airlines said sorry to a French woman whose bags it had lost in transit.")
    assert a["a French woman"].code == "FRACVL"
    assert a["Zentro Airlines"].sector == "BUS"


def test_generic_people_take_their_sector_and_the_sentence_country():
    rec = eventwire.code_text("Police in Manila arrested a suspect after four teenagers were attacked.",
                              published="2024-10-21")
    arrests = [e for e in rec.events if e.cameo.startswith("17")]
    assert arrests and arrests[0].source.actor.code == "PHLCOP" and arrests[0].target.actor.code == "PHLCRM"
    a = _actors("Police in Manila arrested a suspect after four teenagers were attacked.")
    assert a["four teenagers"].code == "PHLCVL"


def test_it_is_not_a_plural_generic_group_named_after_the_body():
    text = ("The Lakeshire Children's Trust confirmed that children were hurt in the attack. "
            "\"This attack is a terrible reminder,\" it said.")
    rec = eventwire.code_text(text, published="2024-10-21")
    it = next(a.actor for a in rec.actors for s, e in a.mentions if text[s:e] == "it")
    assert it.name.endswith("Trust")
