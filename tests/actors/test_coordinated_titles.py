"""Coordinated names under one plural title, each with its own country."""


def test_each_name_under_a_plural_title_takes_the_title_and_its_own_country(resolve, found):
    doc, actors = resolve("Presidents Arvid Halvorsen of Norway and Teodor Vasilescu of Romania met on Monday. "
                          "Vasilescu praised Poland.")
    first = found(doc, actors, "Halvorsen").actor
    second = found(doc, actors, "Vasilescu praised").actor
    assert (first.country, first.sector) == ("NOR", "GOV")
    assert (second.country, second.sector) == ("ROU", "GOV")


def test_a_plural_title_compound_reaches_the_second_name(resolve, found):
    doc, actors = resolve("Prime Ministers Karl Moser of Austria and Jan Novak of Slovakia signed a deal.")
    novak = found(doc, actors, "Jan Novak").actor
    assert (novak.country, novak.sector) == ("SVK", "GOV")


def test_a_singular_title_stays_with_the_first_name(resolve, found):
    doc, actors = resolve("President Karl Moser of Austria and Jan Novak of Slovakia signed a deal.")
    assert found(doc, actors, "Karl Moser").actor.sector == "GOV"
    assert found(doc, actors, "Jan Novak").actor.sector != "GOV"
