"""Quote attribution: which words are quoted and who said them."""
import pytest

import eventwire


def _quotes(text: str):
    rec = eventwire.code_text(text, published="2025-03-04")
    return [(q.kind, q.text, q.speaker.text if q.speaker else None,
             q.speaker.actor.name if q.speaker else None) for q in rec.quotes]


def _speaker_of(quotes, fragment: str):
    hits = [q for q in quotes if fragment in q[1]]
    assert hits, f"no quote holds {fragment!r}: {quotes}"
    return hits[0]


def test_quote_opening_a_paragraph_after_a_closed_quote_is_direct():
    text = ("The minister called the plan “a disgrace.”\n"
            "“We will not sign anything that hurts our farmers,” Maria Lopez told reporters in Lima.\n")
    q = _speaker_of(_quotes(text), "We will not sign")
    assert q[0] == "direct"
    assert q[2] == "Maria Lopez"


def test_subjectless_cue_takes_the_subject_of_its_clause():
    text = ("The governor spoke for ten minutes.\n\n"
            "When he returned, Governor Alan Pike began by saying, “Nobody in this state will lose a job over this.”\n")
    q = _speaker_of(_quotes(text), "Nobody in this state")
    assert "Pike" in q[2]


def test_according_to_before_a_quote_of_several_sentences():
    text = ("According to the ministry, “The border will stay open. Trucks will be checked twice. "
            "Nobody will be turned away.”\n")
    q = _speaker_of(_quotes(text), "Trucks will be checked")
    assert q[2] == "the ministry"


def test_quotation_running_into_the_next_paragraph_is_one_quote():
    text = ("“The harvest was the worst in twenty years,” said farmer Tom Weller, who grows wheat near Salina.\n\n"
            "“We lost half the crop to the drought. Nobody here has seen anything like it.”\n\n"
            "Prices rose sharply last month.\n")
    quotes = _quotes(text)
    q = _speaker_of(quotes, "We lost half the crop")
    assert "The harvest was" in q[1]
    assert q[2] == "farmer Tom Weller"


def test_attribution_after_a_quote_of_two_sentences_split_by_the_parser():
    text = ("Senator Ruth Adler took aim at her rival again on Sunday.\n\n"
            "“He has no plan for the economy and no plan for the schools. A complete failure!” she wrote.\n")
    q = _speaker_of(_quotes(text), "He has no plan")
    assert q[2] == "she"
    assert q[3] == "Ruth Adler"


@pytest.mark.parametrize("cue", ["points out", "notes", "adds"])
def test_speaker_between_the_closing_mark_and_the_cue(cue):
    text = ("Senator Ruth Adler spoke first. Governor Alan Pike answered her.\n\n"
            f"“Voters keep rejecting the old guard. It is just that Pike says it louder,” Adler {cue}.\n")
    q = _speaker_of(_quotes(text), "Voters keep rejecting")
    assert q[2] == "Adler"


def test_inverted_attribution_and_dates_are_not_speakers():
    text = ("“Our doors remain open to talks with anyone who respects us,” said Foreign Minister Lena Berg on Monday.\n"
            "“There is no deadline for a deal,” the minister said Tuesday.\n")
    quotes = _quotes(text)
    assert "Lena Berg" in _speaker_of(quotes, "Our doors")[2]
    assert _speaker_of(quotes, "There is no deadline")[2] == "the minister"


def test_colon_introduced_quote_takes_the_subject_of_the_introduction():
    text = ("The mayor answered the council.\n\n"
            "Mayor Hana Ruiz released the following statement:\n\n"
            "“The city has done everything it can to keep the shelters open through the winter.”\n")
    q = _speaker_of(_quotes(text), "The city has done everything")
    assert q[2] == "Mayor Hana Ruiz"


def test_first_person_writer_is_the_speaker():
    text = ("The judge looked at me for a long time.\n\n"
            "“I accept the sentence and I regret what I did,” I said, trying to stay calm.\n")
    q = _speaker_of(_quotes(text), "I accept the sentence")
    assert q[2] == "I"


def test_group_pronoun_resolves_to_the_last_organization():
    text = ("The United Nations sent a team to the flooded region on Monday.\n\n"
            "“Thousands of families still have no clean water,” they said in a statement.\n")
    q = _speaker_of(_quotes(text), "Thousands of families")
    assert q[2] == "they"
    assert q[3] is not None and q[3] != "they"


def test_subject_lost_by_the_parse_is_the_name_before_the_cue():
    text = ("In a statement to the Herald, her chief of staff, Omar Haddad, said: “The senator supports the "
            "treaty. She has always backed closer ties with our neighbours.”\n\nThe vote is on Friday.\n")
    q = _speaker_of(_quotes(text), "The senator supports")
    assert q[2] == "Omar Haddad"


def test_name_lines_before_a_colon_speak():
    text = ("The pollster was interviewed on the radio.\n\n"
            "Continued Vance: “Turnout will decide this race. Nobody should trust a single poll.”\n\n"
            "TURNOUT MAY SURPRISE - Dana K. Whitfield: “Early voting is running well ahead of the last cycle. "
            "Young voters are showing up.”\n")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Turnout will decide")[2] == "Vance"
    assert _speaker_of(quotes, "Early voting is running")[2] == "Dana K. Whitfield"


def test_stray_straight_mark_next_to_a_curly_quote_is_ignored():
    text = ('He was asked about the primaries on Sunday.\n\n'
            '"“We can still win the nomination without Ohio,” Senator Ruth Adler said before leaving."\n')
    q = _speaker_of(_quotes(text), "We can still win")
    assert q[2] == "Senator Ruth Adler"
    assert "said before" not in q[1]


def test_cue_in_the_next_paragraph_does_not_claim_a_quote():
    text = ("“Prices have doubled since spring,” said Ana Ruiz, a baker in Quito. “We cannot keep raising "
            "what we charge.”\nCarlos Mena, a shop owner, criticized the central bank. “They waited too long,” "
            "he said.\n")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "We cannot keep raising")[2].startswith("Ana Ruiz")
    assert _speaker_of(quotes, "They waited too long")[2] == "he"


def test_quote_paragraph_after_reported_speech_belongs_to_its_speaker():
    text = ("The budget was presented in May. Later, Finance Minister Ivo Maric said that taxes would not rise.\n\n"
            "\"That promise holds for the next two years. Nobody will pay more.\"\n\n"
            "The opposition was not convinced.\n")
    q = _speaker_of(_quotes(text), "That promise holds")
    assert q[2] == "Finance Minister Ivo Maric"


def test_confessed_is_a_cue():
    text = "I went on the radio that night. “This is a big win for all of us,” I confessed. The host laughed.\n"
    q = _speaker_of(_quotes(text), "This is a big win")
    assert q[2] == "I"


def test_shot_back_is_a_cue():
    text = ("“Look at all these students here,” Ms. Ortiz said.\n\n"
            "“They are all here because he promises free tuition,” Mr. Hale shot back with a laugh.\n")
    q = _speaker_of(_quotes(text), "They are all here")
    assert q[2] == "Mr. Hale"


def test_quote_inside_a_reported_clause_spans_the_clause():
    text = ("Governor Alan Pike said Sunday that voters have two choices: “They either back the plan or they "
            "pay more in taxes.”\n")
    q = _speaker_of(_quotes(text), "They either back the plan")
    assert q[0] == "mixed"
    assert q[1].startswith(("that voters have two choices", "voters have two choices"))
    assert "Pike" in q[2]


def test_speech_verb_above_a_verb_that_only_sometimes_reports_speech():
    text = ("Senator Ruth Adler said that her campaign would continue “to fight for every working family in "
            "this state” until November.\n")
    q = _speaker_of(_quotes(text), "to fight for every working family")
    assert q[2] == "Senator Ruth Adler"


def test_according_to_names_the_source_of_a_reported_quote():
    text = ("“I ask you as a personal favour not to protest on the floor,” Senator Adler said, according to "
            "the Daily Courier.\n")
    q = _speaker_of(_quotes(text), "I ask you as a personal favour")
    assert q[2] == "the Daily Courier"


def test_signature_after_a_quote_names_its_speaker():
    text = ("Listeners called in about the new stadium.\n\n"
            "”Nobody asked us before they tore down the park. Now it is gone.” ― Ines Carvalho\n"
            "“The traffic on match days will be a nightmare for every street here.”― Tomas Reed, Queens\n")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Nobody asked us")[2] == "Ines Carvalho"
    assert _speaker_of(quotes, "The traffic on match days")[2].startswith("Tomas Reed")


def test_any_verb_of_manner_right_after_a_quote_attributes_it():
    text = ("The delegates cheered for ten minutes.\n\n"
            "“This is the best night of my whole life!” beamed Donald Pruitt of Mobile, who had waited all day.\n\n"
            "“Welcome, friends! Stay as long as you like!” a banner over the entrance reads.\n")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "best night of my")[2] == "Donald Pruitt"
    assert _speaker_of(quotes, "Welcome, friends")[2] == "a banner"


def test_subject_inside_the_quotation_is_not_the_speaker():
    text = ("The inquiry opened on Monday.\n"
            "“I make you this promise: We will find out what happened,” Harbor police Chief Anne Lowe said Monday.\n")
    q = _speaker_of(_quotes(text), "We will find out")
    assert "Lowe" in q[2]


def test_curly_quote_closed_by_a_straight_mark():
    text = ("The board met on Friday.\n\n"
            "“Closed hearings must not become the price of a witness’s help,\" Chairwoman Ruth Kemper said in a "
            "statement.\n")
    q = _speaker_of(_quotes(text), "Closed hearings must not")
    assert "said in a statement" not in q[1]
    assert q[2] == "Chairwoman Ruth Kemper"


def test_short_colon_line_with_a_document_speaks():
    text = ("The survey took two months.\n\n"
            "From the report: “In general, samples with more careful weighting produced more accurate results.”\n")
    q = _speaker_of(_quotes(text), "samples with more careful weighting")
    assert q[2] == "the report"


def test_straight_opening_mark_closed_by_a_curly_one():
    text = ('The PAC is sending mailers. "This is a long and costly process for every campaign,” said Paula Lind, '
            'a spokeswoman for the PAC.\n')
    q = _speaker_of(_quotes(text), "This is a long and costly")
    assert "said Paula" not in q[1]
    assert q[2].startswith("Paula Lind")


def test_as_x_said_after_a_quoted_fragment():
    text = "Still, the fact that the race “is a dead heat right now,” as Senator Cruz said on Monday, raises the stakes.\n"
    q = _speaker_of(_quotes(text), "is a dead heat right now")
    assert q[2] == "Senator Cruz"


def test_cue_across_a_paragraph_break_does_not_govern_a_quote():
    text = ("“Of course it is not appropriate,” Cruz said in Illinois on Monday. “What a strange world we are in, "
            "where reporters must fight for access.”\n\n"
            "“It was very nice,” the tycoon told Reuters in an interview in Macau.\n")
    q = _speaker_of(_quotes(text), "What a strange world")
    assert q[2] == "Cruz"


def test_object_of_an_evaluative_cue_is_reported_content():
    text = "Prime Minister Ana Costa called the new border rules a serious mistake on Tuesday.\n"
    quotes = _quotes(text)
    q = _speaker_of(quotes, "the new border rules a serious mistake")
    assert q[0] == "indirect"
    assert q[2] == "Prime Minister Ana Costa"


def test_unmarked_clause_after_a_cue_is_content_not_just_its_subject():
    text = "President Omar Haddad has warned the rebel leadership may very well attack the capital next.\n"
    q = _speaker_of(_quotes(text), "may very well attack the capital next")
    assert q[1].startswith("the rebel leadership")
    assert "Omar Haddad" in q[2]


def test_listener_of_told_is_not_content():
    text = "The minister told reporters in Ankara on Monday.\n"
    assert not any("reporters" in q[1] for q in _quotes(text))


def test_reported_clause_stops_at_its_paragraph():
    text = ("Mayor Ines Walsh asked for the audit to be published, saying that sunlight "
            "\"keeps city hall honest.\"\n\n"
            "Treasurer Paul Hines said that the audit did not show \"any missing money at all,\" but he said "
            "that the old ledgers \"raise questions we must answer\" about the budget.\n")
    quotes = _quotes(text)
    assert "Paul Hines" in _speaker_of(quotes, "any missing money at all")[2]
    assert _speaker_of(quotes, "raise questions we must answer")[2] == "he"
    assert all("\n\n" not in q[1] for q in quotes)


def test_transcript_labels_speak():
    text = ("The moderator put two questions.\n\n"
            "\"BARNES: Will the governor take part in the forum on Thursday?\n\n"
            "\"OKAFOR: She will be there, and she will do well, Tom.\n")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "Will the governor take part")[2] == "BARNES"
    q = _speaker_of(quotes, "She will be there")
    assert q[2] == "OKAFOR"
    assert not q[1].startswith("OKAFOR")


def test_dash_parenthesis_before_the_speaker():
    text = ("After the reporter pointed out that the plant had closed ― as the county records confirmed ― "
            "Councillor Rita Vance replied, “Markets change and so must we.”\n")
    q = _speaker_of(_quotes(text), "Markets change and so must we")
    assert "Vance" in q[2]


def test_as_x_put_it():
    text = ('At the time, as prosecutor Marc Duval put it, "apart from the wrong crowd and some jogging, there '
            'was not much to complain about."\n')
    q = _speaker_of(_quotes(text), "apart from the wrong crowd")
    assert q[2] == "prosecutor Marc Duval"


def test_attribution_after_the_quote_beats_a_colon_before_it():
    text = ('He rarely admits a mistake.\n\nFor example: "We made a terrible mistake getting involved in the '
            'first place," he told a reporter in October.\n')
    q = _speaker_of(_quotes(text), "We made a terrible mistake")
    assert q[2] == "he"


def test_speaker_name_keeps_its_party_parenthesis():
    text = "“We will not back down on this,” Rep. Jane Hollis (R-OH) said on Sunday.\n"
    q = _speaker_of(_quotes(text), "We will not back down")
    assert q[2] == "Rep. Jane Hollis (R-OH)"


def test_more_speech_verbs_govern_fragments():
    text = "On Monday the governor groused to a crowd in Macon that the paper “never treats me fairly” before leaving.\n"
    q = _speaker_of(_quotes(text), "never treats me fairly")
    assert q[2] == "the governor"


def test_inverted_manner_verb_with_one_as_speaker_and_interjecting():
    text = ("Planes filled the skies with messages.\n\n"
            "“The harbor belongs to all of us,” read one.\n\n"
            "He tried to laugh it off by interjecting, “Only my old rival from Queens would say that.”\n")
    quotes = _quotes(text)
    assert _speaker_of(quotes, "The harbor belongs")[2] == "one"
    assert _speaker_of(quotes, "Only my old rival")[2] == "He"


@pytest.mark.parametrize("sentence, words", [
    ("The farmers, she said, should not trust “promises made in a hurry by people in a hurry.”",
     "The farmers, she said, should not trust"),
    ("Water prices are “a scandal” and “a national disgrace,” Elena Ruiz said at a rally on Friday.",
     "Water prices are"),
])
def test_a_quoted_fragment_takes_the_clause_its_cue_reports(sentence, words):
    text = "The water board met on Thursday.\n\n" + sentence + "\n"
    quotes = [q for q in _quotes(text) if q[0] == "mixed"]
    assert len(quotes) == 1, quotes
    assert quotes[0][1].startswith(words)


def test_reported_speech_around_a_parenthetical_cue_is_indirect():
    text = ("The council met on Monday.\n\n"
            "If the budget stalls again, the mayor said, the city can still borrow from the state fund.\n")
    quotes = [q for q in _quotes(text) if q[0] == "indirect"]
    assert quotes, _quotes(text)
    assert "the city can still borrow" in quotes[0][1]
    assert quotes[0][2] == "the mayor"


def test_a_short_quoted_sentence_after_a_quote_continues_it():
    text = ("The storm hit the coast at dawn.\n\n"
            "“The whole harbor is under water,” fisherman Paul Otero said. “Nothing left.”\n")
    q = _speaker_of(_quotes(text), "Nothing left")
    assert q[0] == "direct" and "The whole harbor" in q[1]
    assert q[2] == "fisherman Paul Otero"


def test_a_relative_pronoun_speaker_is_a_mention_of_the_named_speaker():
    text = ("The trade bill passed the Senate on Friday.\n\n"
            "It won the backing of Senator Dana Whitfield, who told reporters, “This bill keeps factories open.”\n")
    rec = eventwire.code_text(text, published="2025-03-04")
    q = next(q for q in rec.quotes if "factories" in q.text)
    assert q.speaker.text == "Senator Dana Whitfield"
    who = text.index("who told")
    mentions = next(a.mentions for a in rec.actors if a.actor.id == q.speaker.actor.id)
    assert (who, who + 3) in [tuple(m) for m in mentions]


def test_object_pronoun_after_an_inverting_cue_is_not_the_speaker():
    text = ("The campaign moved north on Monday.\n\n"
            "Governor Ada Brennan toured the plant with workers, declaring it “the best day for this town in years.”\n")
    q = [q for q in _quotes(text) if q[0] == "mixed"][0]
    assert q[2] == "Governor Ada Brennan"


def test_of_two_parsed_subjects_the_one_next_to_the_verb_speaks():
    from spacy.tokens import Doc

    from eventwire.nlp.parse import nlp
    from eventwire.quotes.syntax import subjects as _subjects

    # "In Dover, Delaware, Kline spoke": a parse that makes the place a subject too.
    words = ["In", "Dover", ",", "Delaware", ",", "Kline", "spoke"]
    doc = Doc(nlp().vocab, words=words, heads=[6, 0, 6, 6, 6, 6, 6],
              deps=["prep", "pobj", "punct", "nsubj", "punct", "nsubj", "ROOT"])
    assert [t.text for t in _subjects(doc[6])] == ["Kline", "Delaware"]


@pytest.mark.parametrize("sentence, words, source", [
    ("Wheat exports fell by a third last year, according to the farm ministry.",
     "Wheat exports fell by a third last year", "the farm ministry"),
    ("According to two officials, the talks will resume in Geneva next week.",
     "the talks will resume in Geneva next week", "two officials"),
])
def test_according_to_reports_the_rest_of_the_sentence(sentence, words, source):
    text = "Markets were calm on Monday.\n\n" + sentence + "\n"
    q = [q for q in _quotes(text) if q[0] == "indirect"][0]
    assert q[1] == words
    assert q[2] == source


@pytest.mark.parametrize("verb", ["cited", "mentioned", "repeated"])
def test_speech_act_verbs_carry_a_quoted_fragment(verb):
    text = f"The hearing ran late.\n\nSenator Lena Moss {verb} “a long record of broken promises” in her closing remarks.\n"
    q = _speaker_of(_quotes(text), "broken promises")
    assert q[2] == "Senator Lena Moss"


def test_a_cue_in_a_purpose_clause_is_not_speech():
    text = "The foreign minister flew to Cairo on Sunday to discuss the border crossing with his counterpart.\n"
    assert not [q for q in _quotes(text) if q[0] == "indirect"]


def test_a_mixed_quote_keeps_the_closing_mark_it_opens():
    text = "Foreign Minister Ana Ruiz characterized relations with Chile as “very privileged,” on Monday.\n"
    q = _speaker_of(_quotes(text), "very privileged")
    assert q[0] == "mixed" and q[1].count("“") == q[1].count("”")

# A quoted fragment with no cue of its own in the writer's clause is the clause subject's words.

@pytest.mark.parametrize("text, fragment, speaker", [
    ("Senator Maria Alvarez has vowed to build a “fair and modern” tax system for the state.\n",
     "fair and modern", "Maria Alvarez"),
    ("Governor Tom Reyes backs what he describes as a “no-nonsense” plan for water rights.\n",
     "no-nonsense", "Tom Reyes"),
    ("Mayor Linda Cho opposes the “pay to play” contracting rules passed by the council in June.\n",
     "pay to play", "Linda Cho"),
    ("Representative Paul Grant ran on a promise to “clean up the capital” and cut taxes.\n",
     "clean up the capital", "Paul Grant"),
])
def test_fragment_in_the_subjects_clause_is_a_mixed_quote(text, fragment, speaker):
    q = _speaker_of(_quotes(text), fragment)
    assert q[0] == "mixed"
    assert speaker in q[3]


def test_fragment_after_a_pronoun_subject_takes_the_person_named_before():
    text = ("Senator Maria Alvarez spoke at the union hall on Tuesday.\n"
            "She has promised voters a “fair deal” on pensions before the end of the year.\n")
    q = _speaker_of(_quotes(text), "fair deal")
    assert q[0] == "mixed"
    assert q[3] == "Maria Alvarez"


@pytest.mark.parametrize("text, fragment", [
    # A title: every word capitalised.
    ("Senator Maria Alvarez watched the film “The Long Road Home” with her family on Sunday.\n", "Long Road Home"),
    ("Governor Tom Reyes enjoys “Evening Garden Hour” on public radio.\n", "Evening Garden Hour"),
    # A scare quote: "so-called", or a quoted word naming a kind of thing.
    ("Mayor Linda Cho attended the signing of the so-called “reform” of the transit board.\n", "reform"),
    ("Governor Tom Reyes met leaders of the “new right” movement in Denver on Friday.\n", "new right"),
    # The subject is no actor, or the verb only describes.
    ("The weather turned “brutal” over the weekend across the plains.\n", "brutal"),
    ("Senator Maria Alvarez is “the most stubborn” member of the committee, by most accounts.\n", "most stubborn"),
])
def test_titles_scare_quotes_and_the_writers_own_words_are_not_quotes(text, fragment):
    assert not [q for q in _quotes(text) if fragment in q[1]], _quotes(text)


def test_mixed_quote_runs_through_the_conjoined_verb_that_holds_it():
    text = ("Senator Ruth Adler spoke in Dover on Monday. She pledged to raise teacher pay, "
            "fix the state’s “broken” pension system and cut fees.\n")
    q = _speaker_of(_quotes(text), "broken")
    assert q[0] == "mixed"
    assert q[1].startswith("to raise teacher pay")
    assert q[3] == "Ruth Adler"


def test_mixed_quote_keeps_the_reason_the_speaker_gives():
    text = ("Mayor Linda Cho dismissed the proposal as “reckless” because the city cannot afford new debt.\n")
    q = _speaker_of(_quotes(text), "reckless")
    assert q[0] == "mixed"
    assert q[1].endswith("cannot afford new debt")
    assert q[3] == "Linda Cho"


def test_an_age_used_as_a_noun_is_the_speaker():
    text = "Maria Lopez then took the stage.\n“We will not give up,” said the 46-year-old.\n"
    q = _speaker_of(_quotes(text), "We will not give up")
    assert q[2] == "the 46-year-old"


def test_a_manner_verb_the_tagger_read_as_a_participle_still_attributes():
    text = "The reporter had not been called on.\n“Go back to your seat,” Mendez barked and a guard led him out.\n"
    q = _speaker_of(_quotes(text), "Go back to your seat")
    assert q[2] == "Mendez"


def test_an_age_before_the_cue_is_the_speaker_too():
    text = "A comedian posted a video on Thursday.\n“What if the mayor took singing lessons?” the 43-year-old asked in the video.\n"
    q = _speaker_of(_quotes(text), "What if the mayor took singing lessons")
    assert q[2] == "the 43-year-old"


def test_quote_glued_to_its_cue_is_found():
    text = "Senator Paul Ryan said,“Look, these images have no place in a campaign. The tweet is gone.”\n"
    q = _speaker_of(_quotes(text), "these images have no place")
    assert q[0] == "direct" and q[2] == "Senator Paul Ryan"


def test_name_line_with_a_party_tag_introduces_a_transcript_quote():
    text = ("Sen. Ruth Okafor (D-Ore.):\"Nobody on this panel has seen that number before. Who said it was true?\"\n\n"
            "Former budget director Alan Whitcomb Pryce:\"It came to us from the Treasury and its own review of "
            "the accounts.\"\n")
    quotes = _quotes(text)
    assert "Okafor" in _speaker_of(quotes, "Nobody on this panel")[2]
    assert _speaker_of(quotes, "It came to us")[2].endswith("Alan Whitcomb Pryce")
    assert not any(q[2] == "Who" for q in quotes)


def test_the_writers_and_i_quote_is_not_a_cue():
    text = "No wonder the mayor said, and I quote, “We love the poorly paid.” He should apologise.\n"
    q = _speaker_of(_quotes(text), "We love the poorly paid")
    assert q[2] == "the mayor"


def test_the_agent_of_a_passive_cue_speaks():
    text = ("Ms Okafor was asked by host Daniel Reyes, who is a critic of the bill, “Do you regret voting for it "
            "last spring?”\n")
    q = _speaker_of(_quotes(text), "Do you regret voting")
    assert q[2] == "host Daniel Reyes"


def test_curly_quote_closed_by_a_straight_mark_before_its_cue():
    text = ("“We are going to start winning again and we are going to win so much,\" the mayor said at his party. "
            "\"You are going to be so happy.”\n\nHe left early.\n")
    q = _speaker_of(_quotes(text), "We are going to start winning")
    assert q[0] == "direct" and q[2] == "the mayor"


def test_cue_the_parse_hangs_inside_the_quotation_takes_the_main_subject():
    text = ("Reporters asked about the incident.\n\n"
            "Senator Ruth Adler seemed to be ready to riff on the vote in Ohio, telling the crowd, "
            "“Some people get a little carried away, have you noticed that?”\n")
    q = _speaker_of(_quotes(text), "Some people get a little carried away")
    assert q[2] == "Senator Ruth Adler"


def test_short_quotation_split_around_its_cue_is_one_direct_quote():
    text = "“They sue,” the builder said. “Everybody sues, right?”\n\nThe case was dropped.\n"
    quotes = _quotes(text)
    q = _speaker_of(quotes, "Everybody sues")
    assert q[0] == "direct" and "They sue" in q[1] and q[2] == "the builder"


def test_second_part_after_the_cue_and_a_time_continues_the_quote():
    text = ("“The mayor says he is with the working class,” Trumka said in March, “but when you look close, "
            "it is just hot air.”\n")
    q = _speaker_of(_quotes(text), "it is just hot air")
    assert q[0] == "direct" and "working class" in q[1] and q[2] == "Trumka"


def test_what_an_object_is_accused_of_is_part_of_the_words():
    quotes = _quotes("Iran accused Washington of preparing an invasion of Syria.\n")
    q = _speaker_of(quotes, "Washington")
    assert q[0] == "indirect" and q[1] == "Washington of preparing an invasion of Syria" and q[2] == "Iran"


def test_a_cue_inside_another_cues_report_leaves_the_quotation_to_the_outer_cue():
    q = _speaker_of(_quotes("Senator Hale said she would tell voters “the truth about the deal” at every stop.\n"),
                    "the truth about the deal")
    assert q[0] == "mixed" and q[1].startswith("she would tell voters") and q[2] == "Senator Hale"


def test_a_joined_clause_of_reported_speech_is_not_the_cues_words():
    text = ("Prime Minister Ana Ruiz has vowed that the smugglers would “regret” the attack and is reported to be "
            "planning new patrols.\n")
    q = _speaker_of(_quotes(text), "regret")
    assert q[1] == "that the smugglers would “regret” the attack" and q[2] == "Prime Minister Ana Ruiz"


def test_a_mixed_quote_told_after_runs_on_into_the_next_quoted_sentence():
    text = ("Teachers are “looking to see who is on the ballot,” union president Lily Garcia said. "
            "“That has got to scare an educator.”\n\nThe union has 3 million members.\n")
    q = _speaker_of(_quotes(text), "That has got to scare")
    assert q[0] == "mixed" and q[1].startswith("Teachers are") and q[2] == "union president Lily Garcia"
