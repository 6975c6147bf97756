"""Discards: sentences and stories that are not political events (sport,
entertainment, accidents, disease), from PETRARCH2's discard list
(data/events/petrarch/discards.tsv, MIT; see scripts/convert_petrarch.py).

A `story` phrase ("Champions League", "FIFA", "grand prix") drops the events
of the whole article. The list's `sentence` phrases are not used: on the dev
sets they only dropped political sentences that also name a disaster or a
war of the past ("tsunami warnings", "World War Two"), and its bare years and
"years ago" would drop any sentence that dates something. Matching is
case-insensitive and on whole words: the list's stems ("champion") would also
match "championed reforms". It does not judge what a story is about beyond
these phrases.
"""
from __future__ import annotations

import re
from functools import cache

from ..data import read_tsv


@cache
def _story_pattern() -> re.Pattern | None:
    """The `story` topic phrases as one alternation: a single pass over the text."""
    alts = [r"\s+".join(re.escape(w) for w in r["phrase"].split())
            for r in read_tsv("events/petrarch/discards.tsv") if r["kind"] == "topic" and r["scope"] == "story"]
    if not alts:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(alts, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)


def discarded_story(text: str) -> bool:
    """The article is about sport, entertainment or the like (a `story` discard)."""
    pattern = _story_pattern()
    return pattern is not None and pattern.search(text) is not None
