"""Coordinated names under one plural title, each with its own country."""


def _found(doc, actors, text):
    start = doc.text.index(text)
    tok = next(t for t in doc if t.idx >= start)
    f = actors.at(tok)
    assert f is not None, f"no actor at {text!r}"
    return f


def test_each_name_under_a_plural_title_takes_the_title_and_its_own_country(resolve):
    doc, actors = resolve("Presidents Arvid Halvorsen of Norway and Teodor Vasilescu of Romania met on Monday. "
                          "Vasilescu praised Poland.")
    first = _found(doc, actors, "Halvorsen").actor
    second = _found(doc, actors, "Vasilescu praised").actor
    assert (first.country, first.sector) == ("NOR", "GOV")
    assert (second.country, second.sector) == ("ROU", "GOV")


def test_a_plural_title_compound_reaches_the_second_name(resolve):
    doc, actors = resolve("Prime Ministers Karl Moser of Austria and Jan Novak of Slovakia signed a deal.")
    novak = _found(doc, actors, "Jan Novak").actor
    assert (novak.country, novak.sector) == ("SVK", "GOV")


def test_a_singular_title_stays_with_the_first_name(resolve):
    doc, actors = resolve("President Karl Moser of Austria and Jan Novak of Slovakia signed a deal.")
    assert _found(doc, actors, "Karl Moser").actor.sector == "GOV"
    assert _found(doc, actors, "Jan Novak").actor.sector != "GOV"
