"""The event tables load, cover CAMEO, and name every word list the rules read."""
import re
from pathlib import Path

import pytest

import eventwire.events
from eventwire.events.lexicon import lexicon, words


def test_every_root_has_a_verb():
    roots = {p.cameo[:2] for rows in lexicon().verbs.values() for p in rows if p.cameo != "-"}
    assert roots == {f"{i:02d}" for i in range(1, 21)}


def test_every_word_role_the_rules_name_is_in_the_table():
    package = Path(eventwire.events.__file__).parent
    named = {role for path in package.glob("*.py") for role in re.findall(r'\bwords\("(\w+)"\)', path.read_text())}
    assert len(named) >= 10  # the rules do read the table
    for role in named:
        assert words(role), role


def test_an_unknown_word_role_is_an_error_that_names_it():
    with pytest.raises(KeyError, match="no role 'target_preposition'"):
        words("target_preposition")
