"""What was done: event triggers over the parse, their arguments, CAMEO codes, modality and scores.

The path of a sentence: lexicon (the tables) -> patterns (which row a trigger
matches) -> arguments (sources, targets) and modality -> candidates -> speech
(demands, threats, reporters) -> refine (goal and weapon sub-codes) -> score and
confidence; coding runs them over an article.
"""
from .coding import code_events

__all__ = ["code_events"]
