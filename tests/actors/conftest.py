"""Fixtures shared by the actor tests."""
import datetime as dt

import pytest

from eventwire.actors import ArticleActors


@pytest.fixture(scope="module")
def resolve(parse):
    """The parsed doc and its ArticleActors; a test file whose articles need
    another publication date defines its own `resolve`."""
    def run(text, published=dt.date(2024, 3, 5)):
        doc = parse(text)
        return doc, ArticleActors(doc, published)
    return run


@pytest.fixture(scope="module")
def found():
    """The actor mention at the first token of `text` in the doc (failing when
    there is none)."""
    def at(doc, actors, text):
        start = doc.text.index(text)
        tok = next(t for t in doc if t.idx >= start)
        f = actors.at(tok)
        assert f is not None, f"no actor at {text!r}"
        return f
    return at
