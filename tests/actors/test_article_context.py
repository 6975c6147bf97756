"""Actors that take their country from the article or from the words right
before them: country-less state bodies, another state's body under a generic
name, country abbreviations."""
import datetime as dt

import pytest


def test_a_country_less_court_is_of_the_country_the_article_is_about(resolve, found):
    doc, actors = resolve("Zambian police detained two opposition lawmakers in Lusaka on Monday. "
                          "Zambia's interior minister said the arrests were lawful. "
                          "On Friday the High Court ordered the two men freed on bail.")
    court = found(doc, actors, "High Court")
    assert court.actor.country is None and court.actor.sector == "JUD"
    settled = actors.settled(court)
    assert (settled.actor.country, settled.actor.sector) == ("ZMB", "JUD")


def test_a_country_less_body_stays_so_when_the_article_names_no_one_country(resolve, found):
    doc, actors = resolve("Chile and Peru traded charges over the maritime border. "
                          "Peru said Chile was at fault, and Bolivia said both were. "
                          "On Friday the High Court ordered a review of the fishing permits.")
    assert actors.settled(found(doc, actors, "High Court")).actor.country is None


def test_a_generic_state_body_name_after_another_country_is_that_countrys(resolve, found):
    doc, actors = resolve("Japan's Joint Chiefs of Staff said the launch was detected at dawn.")
    body = found(doc, actors, "Joint Chiefs of Staff").actor
    assert (body.country, body.sector) == ("JPN", "MIL")


def test_a_generic_state_body_name_alone_keeps_the_tables_country(resolve, found):
    doc, actors = resolve("The Joint Chiefs of Staff said the launch was detected at dawn.")
    assert found(doc, actors, "Joint Chiefs of Staff").actor.country == "USA"


@pytest.mark.parametrize("abbreviation, code", [("PNG", "PNG"), ("KSA", "SAU"), ("NZ", "NZL")])
def test_country_abbreviations_name_their_country(resolve, abbreviation, code, found):
    doc, actors = resolve(f"{abbreviation} signed a fisheries pact with Fiji on Tuesday.")
    assert found(doc, actors, abbreviation).actor.country == code


def test_an_unknown_office_holder_is_not_of_the_country_whose_holder_is_known(resolve, found):
    doc, actors = resolve("Australia and Vanuatu signed a policing pact on Tuesday. "
                          "Prime Minister Kalo Timaru said the pact served Vanuatu, and Prime Minister "
                          "Anthony Albanese said Australia would pay for the training.", dt.date(2023, 12, 5))
    timaru = found(doc, actors, "Kalo Timaru").actor
    assert (timaru.country, timaru.sector) == ("VUT", "GOV")


def test_an_unknown_office_holder_stays_unplaced_when_no_country_is_ruled_out(resolve, found):
    doc, actors = resolve("Vanuatu and Tonga signed a policing pact on Tuesday. "
                          "Prime Minister Kalo Timaru said the pact served both islands.", dt.date(2023, 12, 5))
    assert found(doc, actors, "Kalo Timaru").actor.country is None


def test_the_tables_know_recent_heads_of_government(resolve, found):
    doc, actors = resolve("Hun Manet met Christopher Luxon in Phnom Penh.", dt.date(2024, 6, 1))
    assert found(doc, actors, "Hun Manet").actor.country == "KHM"
    assert found(doc, actors, "Christopher Luxon").actor.country == "NZL"


def test_a_person_out_of_every_office_is_of_the_elites(resolve, found):
    doc, actors = resolve("Frank Bainimarama appeared in court in Suva.", dt.date(2024, 5, 9))
    assert found(doc, actors, "Frank Bainimarama").actor.code == "FJIELI"
    doc, actors = resolve("Frank Bainimarama appeared in court in Suva.", dt.date(2015, 5, 9))
    assert found(doc, actors, "Frank Bainimarama").actor.code == "FJIGOV"


def test_an_unknown_former_minister_is_of_the_elites(resolve, found):
    doc, actors = resolve("Former Chilean defence minister Ana Ruiz Tagle was charged on Monday.")
    ruiz = found(doc, actors, "Ana Ruiz Tagle").actor
    assert (ruiz.country, ruiz.sector) == ("CHL", "ELI")


def test_a_role_in_a_sentence_of_several_countries_takes_the_articles_one_among_them(resolve, found):
    doc, actors = resolve("Bolivian police arrested a union leader in La Paz. Bolivia's interior minister "
                          "defended the arrest. Protesters blocked roads on Bolivia’s border with Peru and Chile, "
                          "and the security forces fired tear gas.")
    forces = found(doc, actors, "security forces")
    assert actors.settled(forces).actor.country == "BOL"


def test_the_charity_is_the_aid_group_named_before(resolve, found):
    doc, actors = resolve("Doctors Without Borders suspended its work in the capital on Monday. "
                          "The charity said its clinics had been attacked.")
    assert found(doc, actors, "The charity").actor.name == found(doc, actors, "Doctors Without Borders").actor.name


def test_an_untyped_unknown_organization_is_of_the_country_the_article_is_about(resolve, found):
    doc, actors = resolve("Ghana's energy regulator fined two power distributors in Accra on Monday. "
                          "The Ghanaian minister said the fines were fair. "
                          "Volterra said it would appeal the decision.")
    volterra = found(doc, actors, "Volterra")
    assert volterra.actor.country is None
    assert actors.settled(volterra).actor.country == "GHA"


def test_an_untyped_unknown_organization_stays_unplaced_when_no_one_country_leads(resolve, found):
    doc, actors = resolve("Chile and Peru traded charges over the maritime border. "
                          "Peru said Chile was at fault, and Bolivia said both were. "
                          "Volterra said it would appeal the decision.")
    assert actors.settled(found(doc, actors, "Volterra")).actor.country is None


def test_a_repeated_name_keeps_the_country_its_first_placed_sentence_gave_it(resolve):
    doc, actors = resolve("The Lakeside Renewal Front (LRF) won the vote in Zambia's capital. "
                          "On Friday the LRF said it would form a government.")
    second = next(f for f in actors.found if doc[f.start].text == "LRF" and f.start > 12)
    assert actors.settled(second).actor.country == "ZMB"


def test_a_country_less_ministry_is_not_of_the_country_it_summons_but_of_the_one_that_acted(resolve, found):
    doc, actors = resolve("Ghana recalled its envoy to Togo on Monday.\n"
                          "The Foreign Ministry summoned the Togolese ambassador to explain the border incident.")
    ministry = actors.settled(found(doc, actors, "Foreign Ministry"))
    assert (ministry.actor.country, ministry.actor.sector) == ("GHA", "GOV")


def test_a_country_less_body_acting_on_its_own_countrys_people_keeps_that_country(resolve, found):
    doc, actors = resolve("The High Court opened an inquiry against five Zambian officials on Monday.")
    court = actors.settled(found(doc, actors, "High Court"))
    assert court.actor.country == "ZMB"


def test_an_ambiguous_country_name_is_the_us_state_when_the_article_places_only_us_towns(resolve, found):
    doc, actors = resolve("Poll workers in Atlanta counted ballots late into the night.\n"
                          "Georgia will certify the result on Friday, officials said.")
    assert found(doc, actors, "Georgia will").actor.country == "USA"


def test_an_ambiguous_country_name_stays_the_country_beside_the_other_countrys_name(resolve, found):
    doc, actors = resolve("Georgia adopted the media law on Tuesday, and the United States said it would "
                          "review its aid to Georgia. A Denver-based monitor criticised the vote.")
    assert found(doc, actors, "Georgia adopted").actor.country == "GEO"
