"""Hard-wrapped copy: scraped articles break lines inside a sentence, and a
person's name split by the break is still one person."""


def test_a_name_split_by_a_line_break_is_one_person(resolve, found):
    doc, actors = resolve("The fine was upheld, according to a statement by the regulator, led by Tomas\n"
                          "            Berger, on Monday.\n"
                          "            Berger said the firm broke the rules.")
    first = found(doc, actors, "Tomas").actor
    assert first.name == "Tomas Berger"
    assert found(doc, actors, "Berger said").actor.id == first.id


def test_two_names_on_two_lines_stay_two_people(resolve, found):
    doc, actors = resolve("The deal was signed by Tomas Berger.\n"
                          "Marta Kowalczyk said she would appeal.")
    assert found(doc, actors, "Marta").actor.id != found(doc, actors, "Tomas").actor.id


def test_a_credit_line_name_is_no_modifier_of_the_next_lines_noun_phrase(resolve):
    doc, actors = resolve("Regulators in California fined a ride-hailing firm on Monday.\n"
                          "            Photo: Reuters\n"
                          "            The firm denied any wrongdoing.")
    firm = actors.at(next(t for t in doc if t.text == "firm" and t.i > 10))
    assert firm is not None and firm.actor.sector != "MED"
    assert "Reuters" not in doc.text[doc[firm.start].idx:doc[firm.end - 1].idx + 4]
