"""The PETRARCH2 verb patterns (events/dictionary.py) as a fallback of the
curated lexicon: only for verbs it has no row for, the verb alone only between
two named actors, and always ranked below a curated event."""
from eventwire.events.cameo import lookup
from eventwire.events.dictionary import dictionary_verbs, DictionaryPattern
from eventwire.events.lexicon import lexicon, NOT_AN_EVENT


def test_the_table_loads_once_with_valid_codes_and_most_specific_rows_first():
    verbs = dictionary_verbs()
    assert verbs is dictionary_verbs()
    assert len(verbs) > 500
    for rows in verbs.values():
        specificity = [bool(p.particle) + bool(p.complements) + bool(p.prep) for p in rows]
        assert specificity == sorted(specificity, reverse=True)
        for p in rows:
            assert isinstance(p, DictionaryPattern) and p.constraints < 0  # ranks below any curated row
            assert p.cameo == NOT_AN_EVENT or lookup(p.cameo)


def test_a_verb_the_curated_lexicon_lacks_is_coded_between_two_actors(codes):
    assert "evict" not in lexicon().verbs  # if a curated row comes, this test should pick another verb
    assert ("KEN", "174", "SOM") in codes("Kenyan police evicted Somali refugees from a camp near Nairobi.")
    assert ("CHL", "111", "ARG") in codes("Chile's foreign minister ridiculed Argentina on Monday.")
    assert ("NOR", "080", "LKA") in codes("Norway interceded with Sri Lanka on behalf of the Tamil rebels.")


def test_a_pattern_with_its_object_or_preposition_is_read_from_the_parse(codes):
    # ransack: the verb alone is 190, ransacking an office 1712 (destroy property)
    assert ("IRQ", "1712", "TUR") in codes("Iraqi militias ransacked the offices of a Turkish party in Mosul.")
    assert ("KEN", "190", "SOM") in codes("Kenyan soldiers died in clashes with Somali militants.")


def test_the_verb_alone_needs_a_named_subject_and_object(events):
    assert not [e for e in events("Twelve Kenyan soldiers died on Monday.") if e.trigger == "died"]
    assert not [e for e in events("Iraqi militias ransacked the building.", min_confidence=0) if e.trigger == "ransacked"]


def test_a_verb_that_embeds_another_act_or_is_no_clause_is_not_coded_alone(events):
    # "fail" alone is 120 in the dictionary; here it only governs the curfew act
    assert {e.cameo for e in events("Ghana failed to extend the curfew in Accra.")} <= {"1723"}
    # "plan" + visit is 036 in the dictionary; the curated visit, intended, is the event
    triggers = {e.trigger for e in events("Kenya plans to visit Ethiopia in June.", min_confidence=0)}
    assert "visit" in triggers and "plans" not in triggers
    # "according" is the verb "accord" (060 alone) to the parser
    assert not [e for e in events("Moroccan troops were in the town, according to Algerian officials.", min_confidence=0)
                if e.trigger == "according"]


def test_a_curated_event_outranks_a_dictionary_event_in_the_same_sentence(events):
    evs = events("Kenya condemned Somalia after Somali troops evicted Kenyan herders from the border area.",
                 min_confidence=0)
    top = max(evs, key=lambda e: e.score)
    assert top.trigger == "condemned"
    assert any(e.trigger == "evicted" for e in evs)


def test_curated_rows_win_for_a_verb_both_have(codes):
    # the dictionary codes "legalize" 081 as well; the curated row is the one read
    assert "legalize" in lexicon().verbs and "legalize" in dictionary_verbs()
    curated = {p.cameo for p in lexicon().verbs["legalize"]}
    assert {c for _, c, _ in codes("Uruguay's parliament legalized cannabis in 2013.")} <= curated | {"010"}


def test_a_verb_whose_subject_is_an_event_noun_leaves_the_event_to_the_noun(events):
    # "empower" alone is 080 in the dictionary; the occupation (192) is the news
    evs = events("The Russian occupation empowered separatist militias, Ukraine said.", min_confidence=0)
    assert "192" in {e.cameo for e in evs}
    assert not [e for e in evs if e.trigger == "empowered"]
    # "plan" + talks is 036 in the dictionary too, but the talks' own actors are read from the noun
    evs = events("Talks between Kenya and Ethiopia are planned for May.")
    assert {(e.source.actor.country, e.target.actor.country) for e in evs if e.cameo == "036"} == \
        {("KEN", "ETH"), ("ETH", "KEN")}
