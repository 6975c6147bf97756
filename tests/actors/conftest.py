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
