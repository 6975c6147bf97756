"""Who said what: direct, mixed and indirect quotes and their speakers.

marks (quotation marks) -> cues (speech verbs) -> speakers (strategies, tried
in order, with syntax and attribution) -> mixed fragments -> indirect speech;
`find.find_quotes` puts them together, `resolve` turns speaker tokens into actors.
"""
from .cues import cues
from .finding import QuoteFinding
from .find import find_quotes
from .resolve import attach_quote_speakers, quotes_with_speakers, with_speakers

__all__ = ["QuoteFinding", "attach_quote_speakers", "cues", "find_quotes", "quotes_with_speakers", "with_speakers"]
