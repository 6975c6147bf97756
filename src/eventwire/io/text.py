"""Text checks shared by every reader: decoding bytes, the size limit, dates.

files.py (local inputs) and web.py (pages, feeds, URLs) both use these, so they
live apart from both and neither reader imports the other's module for them.
"""
from __future__ import annotations

import datetime as dt
import warnings

from ..model import InputError
from ..nlp.parse import MAX_CHARS


class InputWarning(UserWarning):
    """Something in an input was set aside and the article still read; the
    message names the input (file and line) and says what was done instead."""


def warn(name: str, message: str) -> None:
    warnings.warn(f"{name}: {message}", InputWarning, stacklevel=2)


def parse_date(value) -> dt.date | None:
    """A date from 'YYYY-MM-DD' or an ISO timestamp; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def decode(data: bytes, name: str) -> str:
    """Bytes to text, refusing what is not text rather than guessing."""
    if not data.strip():
        raise InputError(name, "empty input")
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            name, f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}); "
            "convert it to UTF-8 first"
        ) from None
    return text


def check_text(text: str, name: str) -> str:
    if not text.strip():
        raise InputError(name, "no text")
    if len(text) > MAX_CHARS:
        raise InputError(name, f"text too long ({len(text):,} characters; limit {MAX_CHARS:,})")
    return text
