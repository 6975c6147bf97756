"""Every time expression as a TIMEX3: type, value, precision."""
import datetime as dt

import pytest

import eventwire
from eventwire.time.expressions import find_dates, find_other_timexes, timex_value

FRI = dt.date(2013, 3, 22)  # a Friday in ISO week 12


def times(text, published=FRI):
    return {t.text: (t.type, t.value) for t in eventwire.code_text(text, published=published).times}


@pytest.mark.parametrize("text, value", [
    ("The minister resigned last week.", "2013-W11"),
    ("The council met this week.", "2013-W12"),
    ("Sales fell this month.", "2013-03"),
    ("The mill closed last June.", "2012-06"),
    ("Prices rose in the 1990s.", "199"),
    ("Empires fell in the 20th Century.", "19"),
    ("The dam was finished in May 2010.", "2010-05"),
    ("They won the title last year.", "2012"),
])
def test_dates_take_timex3_values_at_their_precision(text, value):
    [d] = [d for d in find_dates(text, FRI)]
    assert timex_value(d) == value


def test_a_range_of_years_is_two_dates():
    found = [(d.text, timex_value(d)) for d in find_dates("the expedition of 1957-58 crossed the ice", FRI)]
    assert found == [("1957", "1957"), ("58", "1958")]


def test_a_year_before_a_noun_is_a_date_only_after_a_determiner():
    assert [d.text for d in find_dates("He recalled the 2004 flood.", FRI)] == ["2004"]
    assert find_dates("About 2000 troops crossed.", FRI) == []


@pytest.mark.parametrize("text, words, kind, value", [
    ("He has lived there for the past two years.", "the past two years", "duration", "P2Y"),
    ("The vote took a mere 24 hours.", "mere 24 hours", "duration", "PT24H"),
    ("The siege lasted weeks.", "weeks", "duration", "PXW"),
    ("The board meets every week.", "every week", "set", "P1W"),
    ("Prices are high now.", "now", "date", "PRESENT_REF"),
    ("In the past, rivals were jailed.", "the past", "date", "PAST_REF"),
    ("The polls close at 8 p.m.", "8 p.m.", "time", "2013-03-22T20:00"),
])
def test_durations_sets_references_and_clock_times(text, words, kind, value):
    found = {o.text: (o.type, o.value) for o in find_other_timexes(text, FRI)}
    assert found[words] == (kind, value)


def test_ago_is_a_date_not_a_duration():
    assert find_other_timexes("The plant shut two years ago.", FRI) == []


def test_record_lists_a_part_of_day_as_a_time_and_reads_future_clauses_forward():
    found = times("The president left on Friday afternoon. He will visit Cairo on Tuesday.")
    assert found["Friday afternoon"] == ("time", "2013-03-22TAF")
    assert found["Tuesday"] == ("date", "2013-03-26")


def test_today_in_a_generic_present_clause_is_present_ref():
    found = times("Such robots can sort parcels cheaper than is possible today.")
    assert found["today"] == ("date", "PRESENT_REF")
    assert times("The minister resigned today.")["today"] == ("date", "2013-03-22")


def test_without_a_publication_date_relative_values_keep_what_is_known():
    found = {t.text: t.value for t in eventwire.code_text("The army left on Friday and will return next month. "
                                                          "Talks began in May 2021.").times}
    assert found == {"Friday": "XXXX-WXX-5", "next month": "XXXX-XX", "May 2021": "2021-05"}
