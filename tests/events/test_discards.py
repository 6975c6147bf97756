"""PETRARCH2's story discards: a sports story codes no events."""
import datetime as dt

from eventwire.events.discards import discarded_story


def test_a_sports_story_is_discarded_on_whole_words():
    assert discarded_story("The striker scored twice as the club reached the Champions League final.")
    assert discarded_story("the CHAMPIONS  LEAGUE draw")  # any case, any spacing
    assert not discarded_story("The minister championed the reform in parliament.")
    assert not discarded_story("Troops clashed with rebels near the border on Monday.")


def test_a_sports_story_codes_no_events_a_political_one_does(parse):
    from eventwire.actors import ArticleActors
    from eventwire.events.coding import code_events

    def events(text):
        doc = parse(text)
        return code_events(doc, ArticleActors(doc, dt.date(2024, 5, 1)), "t")

    political = "Greece condemned Turkey on Monday."
    assert events(political)
    assert not events(political + " Later the Greek team lost its Champions League match.")
