"""Time expressions resolved against the publication date."""
import datetime as dt

import pytest

import eventwire

from eventwire.time.expressions import find_dates

MON = dt.date(2024, 10, 21)  # a Monday


def one(text, published=MON, future=False):
    [d] = find_dates(text, published, future=future)
    return d


@pytest.mark.parametrize("text, date, precision", [
    ("Baghaei told a press conference on Monday.", "2024-10-21", "day"),
    ("Fidan spoke in Istanbul on Saturday.", "2024-10-19", "day"),
    ("Araqchi visited Türkiye last week.", "2024-10-14", "week"),
    ("Talks were held earlier this month.", "2024-10-01", "month"),
    ("The ministers met yesterday.", "2024-10-20", "day"),
    ("Iran launched missiles on Oct. 1.", "2024-10-01", "day"),
    ("Hamas attacked on 7 October 2023.", "2023-10-07", "day"),
    ("The war began in October 2023.", "2023-10-01", "month"),
    ("The two kingdoms ended their feud in the 17th century.", "1601-01-01", "century"),
    ("The Nov. 5 election could change everything.", "2024-11-05", "day"),  # upcoming, not last year's
    ("The court ruled on Feb. 9.", "2024-02-09", "day"),
    ("We began on June 16th of last year.", "2023-06-16", "day"),
    ("A reform plan is due by March of next year.", "2025-03-01", "month"),
    ("Three years ago the border was closed.", "2021-01-01", "year"),
])
def test_phrases_resolve(text, date, precision):
    d = one(text)
    assert (d.date.isoformat(), d.precision) == (date, precision)


def test_weekday_in_a_future_clause_is_the_next_one():
    assert one("Erdogan will travel to Baku on Friday.", future=True).date == dt.date(2024, 10, 25)
    assert one("Erdogan travelled to Baku on Friday.").date == dt.date(2024, 10, 18)


def test_no_publication_date_leaves_relative_dates_unresolved():
    assert one("They met on Monday.", published=None).date is None
    assert one("They met in May 2019.", published=None).date == dt.date(2019, 5, 1)


def test_day_words_inside_names_are_not_dates():
    assert find_dates("He appeared on Russia Today and USA Today.", MON) == []
    assert one("Today, the ministers meet.").date == MON


def _event_dates(text, published="2024-09-10"):
    import eventwire
    return {(e.trigger, str(e.date)) for e in eventwire.code_text(text, published=published, min_confidence=0).events}


def test_a_date_in_a_future_clause_reads_forward_and_dates_only_that_clause():
    # published Tuesday 10 September 2024
    assert ("visit", "2025-06-01") in _event_dates("Iran plans to visit Iraq in June.")
    assert ("held", "2024-06-01") in _event_dates("Iran and Iraq held talks in June.")
    assert ("meet", "2024-09-06") in _event_dates("Russia said on Friday it would meet Ukraine.")
    # June is when the talks resume, not when Iran spoke
    assert ("said", "2024-09-10") in _event_dates("Iran said the talks will resume in June.")



def _read_dates(text, published):
    from eventwire.nlp.parse import parse
    from eventwire.time.anchor import sentence_dates
    doc = parse(text)
    return {d.text: d.date for sent in doc.sents for d in sentence_dates(doc, sent, dt.date.fromisoformat(published))}


def test_a_present_tense_schedule_reads_its_date_forward():
    got = _read_dates("The new government takes office on Jan. 20, and the old cabinet resigns on Friday.", "2016-09-27")
    assert got == {"Jan. 20": dt.date(2017, 1, 20), "Friday": dt.date(2016, 9, 30)}


def test_a_present_tense_report_or_a_date_after_after_stays_in_the_past():
    assert _read_dates("The minister says on Monday that the talks failed.", "2016-09-28") == \
        {"Monday": dt.date(2016, 9, 26)}
    assert _read_dates("After Tuesday night, the senator faces a hard choice.", "2016-06-09") == \
        {"Tuesday night": dt.date(2016, 6, 7)}


@pytest.mark.parametrize("text, date", [
    ("Security has changed since 9/11.", "2001-09-11"),
    ("The failures before the Sept. 11 attacks were excusable.", "2001-09-11"),
    ("The Sept. 11 memorial ceremony was held on Sunday.", "2016-09-11"),  # this year's, not a name
])
def test_dates_used_as_names(text, date):
    assert str(find_dates(text, dt.date(2016, 9, 22))[0].date) == date


def test_prospective_governors_read_their_dates_forward():
    got = _read_dates("The senator is likely to win on Tuesday, and she is hoping to carry Ohio in November.",
                      "2016-03-04")
    assert got == {"Tuesday": dt.date(2016, 3, 8), "November": dt.date(2016, 11, 1)}


def _event_days(text, published):
    return [(e.trigger, str(e.date)) for e in eventwire.code_text(text, published=published).events]


def test_days_inside_a_quotation_count_from_when_it_was_spoken():
    assert _event_days("The minister said on Monday: “Yesterday our troops attacked the rebels.”", "2016-10-05") == \
        [("attacked", "2016-10-02")]
    assert _event_days("“Yesterday our troops attacked the rebels,” the minister said.", "2016-10-05") == \
        [("attacked", "2016-10-04")]  # no day given for the words: the publication date
    assert _event_days("The minister said on Monday that the rebels attacked yesterday.", "2016-10-05") == \
        [("attacked", "2016-10-04")]  # reported speech is the writer's: yesterday is before publication
