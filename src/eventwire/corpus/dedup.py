"""Duplicates: the same story carried by several outlets.

Identical articles share a content hash (of the text with whitespace and case
folded), so a wire story stored once is not coded again. Near-identical ones (a
changed headline, an added paragraph, a different byline) are found with MinHash
over word 5-shingles and banded locality-sensitive hashing: two articles whose
signatures agree in every row of any band are candidates, and a candidate whose
estimated Jaccard similarity reaches NEAR_DUPLICATE is the same story.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs at Jaccard 0.8 are candidates 93% of the time
ROWS = PERMUTATIONS // BANDS
NEAR_DUPLICATE = 0.8
_rng = np.random.default_rng(20241021)  # fixed: signatures must agree across runs
_A = _rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def normalized(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def content_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing folded."""
    return hashlib.sha1(normalized(text).encode("utf-8")).hexdigest()


def signature(text: str) -> np.ndarray:
    """MinHash signature (PERMUTATIONS uint32 values) of the word 5-shingles."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    x = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    # Multiply-shift hashing: (a*x + b) mod 2**64, top 32 bits; one hash function per permutation.
    hashed = (_A[:, None] * x[None, :] + _B[:, None]) >> np.uint64(32)
    return hashed.min(axis=1).astype(np.uint32)


def bands(sig: np.ndarray) -> list[int]:
    """One bucket id per band; equal buckets make a candidate pair."""
    return [zlib.crc32(sig[b * ROWS:(b + 1) * ROWS].tobytes()) ^ (b << 24) for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.asarray(a) == np.asarray(b)))


def most_similar(sig: np.ndarray, candidates: Iterable[tuple[str, np.ndarray]]) -> tuple[str, float] | None:
    """The (key, similarity) of the candidate most similar to `sig` if it is a
    near-duplicate (the first of equals), else None."""
    best = None
    for key, other in candidates:
        sim = similarity(sig, other)
        if sim >= NEAR_DUPLICATE and (best is None or sim > best[1]):
            best = (key, sim)
    return best
