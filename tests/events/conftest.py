"""Helpers for the event tests: code a sentence and look at its events."""
import pytest

import eventwire


def _events(text, published="2024-10-21", min_confidence=None):
    return eventwire.code_text(text, published=published, min_confidence=min_confidence).events


def _triples(evs):
    """(source country, CAMEO root, target country) of each event."""
    return {(e.source.actor.country if e.source else None, e.root, e.target.actor.country if e.target else None)
            for e in evs}


def _codes(text):
    """(source country, CAMEO code, target country) of each event of the text."""
    return {(e.source.actor.country if e.source else None, e.cameo, e.target.actor.country if e.target else None)
            for e in _events(text)}


@pytest.fixture(scope="session")
def events():
    return _events


@pytest.fixture(scope="session")
def triples():
    return _triples


@pytest.fixture(scope="session")
def codes():
    return _codes


@pytest.fixture(scope="session")
def cameos():
    return lambda text: {e.cameo for e in _events(text)}
