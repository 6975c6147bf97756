"""eventwire: political event data (CAMEO / PLOVER) from English news.

    >>> import eventwire
    >>> record = eventwire.code_text("Iran's foreign minister visited Türkiye on Monday.", published="2024-10-21")
    >>> [(e.source.actor.code, e.cameo, e.target.actor.code) for e in record.events]
    [('IRNGOV', '042', 'TUR')]

The coding functions are imported on first use, so `import eventwire` and
commands that never code (query, export) do not pay for spaCy.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Actor, ActorEntry, Article, Event, InputError, Mention, Place, Quote, Record  # noqa: E402

_PIPELINE = ("code_articles", "code_doc", "code_file", "code_inputs", "code_text")

__all__ = ["Actor", "ActorEntry", "Article", "Event", "InputError", "Mention", "Place", "Quote", "Record",
           *_PIPELINE]


def __getattr__(name: str):
    if name in _PIPELINE:
        from . import coder

        return getattr(coder, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
