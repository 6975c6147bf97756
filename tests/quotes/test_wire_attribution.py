"""Attribution in wire copy: participles, documents by their authors, new sentences after a quotation."""
import eventwire


def _quotes(text):
    rec = eventwire.code_text(text, published="2024-10-21")
    return [(q.speaker.actor.name if q.speaker else None, q.speaker.text if q.speaker else None, q.kind, q.text)
            for q in rec.quotes]


def test_the_object_of_a_participle_cue_is_not_the_speaker():
    qs = _quotes("Marta Quiroga runs the port. \"It will never be the same,\" she said, describing her first "
                 "experience: \"We slept on the boats for a month.\"")
    assert qs and all(words == "she" for _, words, _, _ in qs)
    qs = _quotes("Marta Quiroga spoke at the port on Monday, recalling the storm of 1998.")
    assert [name for name, *_ in qs] == ["Marta Quiroga"]


def test_a_finite_cue_still_takes_the_name_after_it():
    qs = _quotes("\"The harbour will reopen in May,\" said Marta Quiroga.")
    assert qs[0][0] == "Marta Quiroga"


def test_a_text_speaks_for_the_author_it_names():
    qs = _quotes("The port will close for a month, according to a letter signed by Marta Quiroga.")
    assert qs[0][0] == "Marta Quiroga"
    qs = _quotes("Marta Quiroga released a video that says, \"The port will close for a month and we will "
                 "pay every worker.\"")
    assert [name for name, _, kind, _ in qs if kind == "direct"] == ["Marta Quiroga"]


def test_a_text_that_names_no_author_stays_itself():
    qs = _quotes("Marta Quiroga runs the port. The port will close for a month, according to a recent report.")
    assert qs[0][1] == "a recent report" and qs[0][0] != "Marta Quiroga"


def test_a_sentence_after_a_closed_quotation_is_not_its_attribution():
    qs = _quotes("\"We have lost the whole harvest,\" the farmer Tomas Berg told reporters. \"Nobody has come "
                 "to help us.\" The governor said he would visit the valley on Monday.")
    direct = [(words, text) for _, words, kind, text in qs if kind == "direct"]
    assert direct and all("Berg" in words for words, _ in direct)


def test_a_cue_after_a_closed_quotation_that_quotes_on_is_the_same_speaker():
    qs = _quotes("\"We have lost the whole harvest,\" the farmer Tomas Berg told reporters. \"Nobody came.\" "
                 "He added, \"We will plant again in spring.\"")
    assert [words for _, words, kind, _ in qs if kind == "direct"][-1] == "He"


def test_a_cue_whose_subject_is_a_thing_inside_a_report_is_part_of_the_report():
    qs = _quotes("Marta Quiroga said any new contract would demand \"a full audit of every shipment\" from the firm.")
    assert [name for name, *_ in qs] and all(name == "Marta Quiroga" for name, *_ in qs)


def test_a_cue_verb_with_an_object_that_makes_it_an_act_is_no_quote():
    assert _quotes("Chile recalled its ambassador to Peru for consultations on Monday.") == []
    assert _quotes("Peru and Chile concluded a fishing agreement in Lima.") == []
    assert _quotes("Chile recalled that the border had been closed for a week.")  # still speech


def test_claiming_responsibility_is_still_reported_speech():
    assert _quotes("The Andean Liberation Front claimed responsibility for the bombing of the pipeline.")


def test_a_speaker_named_by_role_is_the_named_holder_of_that_role():
    text = ("Marta Quiroga, the police chief of Valparaiso, said in a statement that the port would close. "
            "Dockers marched through the city on Monday.\n\n"
            "The police chief said 12 people had been arrested.")
    qs = _quotes(text)
    assert qs[-1][1] == "The police chief" and qs[-1][0] == "Marta Quiroga"


def test_a_spokesperson_in_the_lead_is_the_named_person_who_speaks_next():
    text = ("Chile's navy has seized two fishing boats off Arica, the navy's spokesperson said on Monday.\n\n"
            "Tomas Berg of the navy told reporters that both crews had been detained.")
    qs = _quotes(text)
    assert [name for name, *_ in qs] == ["Tomas Berg", "Tomas Berg"]
