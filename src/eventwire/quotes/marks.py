"""Quotation marks: where quoted words start and end, and where a quotation
stands in its text (opening a paragraph or a sentence, after a colon).

Works on the text alone; it does not look at the parse.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


OPENING = {"“": "”", '"': '"', "«": "»"}


CLOSING = set(OPENING.values())


TRANSCRIPT_LABEL = re.compile(r"\s*([A-Z][A-Z.'’\- ]{1,30}[A-Z]):\s+(?=\S)")


AS_SAID = re.compile(r",?\s+as\s")


# A line break inside a sentence of hard-wrapped copy: a single newline after a
# line that ends in no sentence mark, before a lower-case word, or before an
# indented line after a long one (a short line above is a headline or a caption).
_WRAP = re.compile(r"(?m)^([^\n]*[^\s.!?:;\"”’')\]])\n(?=([ \t]*)(\S))")
WRAP_WIDTH = 70  # characters of a line that reached the wrap width


def unwrap(text: str) -> str:
    """The text with the line breaks of hard-wrapped copy made spaces, so that
    a newline left is a paragraph break; same length, same offsets."""
    breaks = [m.end(1) for m in _WRAP.finditer(text)
              if m.group(3).islower() or (m.group(2) and len(m.group(1).strip()) >= WRAP_WIDTH)]
    if not breaks:
        return text
    chars = list(text)
    for b in breaks:
        chars[b] = " "
    return "".join(chars)


def hard_break(tok: Token) -> bool:
    """The token is white space holding a paragraph break (not a wrapped line's)."""
    return tok.is_space and "\n" in quote_text(tok.doc)[tok.idx:tok.idx + len(tok)]


def quote_text(doc: Doc) -> str:
    """The Doc's text as the quote stage reads it (`unwrap`), built once."""
    text = doc.user_data.get("eventwire_quote_text")
    if text is None:
        text = doc.user_data["eventwire_quote_text"] = unwrap(doc.text)
    return text


def quote_marks(text: str) -> list[tuple[int, int]]:
    """[start, end) of quoted contents, marks excluded. Curly quotes pair by
    direction, straight quotes alternate; an unclosed quote ends its paragraph."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        stray = ch == '"' and ((i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum())
                               or (i + 1 < n and text[i + 1] in "“”") or (i > 0 and text[i - 1] in "“”"))
        if ch in OPENING and not stray:
            close = OPENING[ch]
            para_end = text.find("\n", i + 1)
            para_end = n if para_end < 0 else para_end
            j = text.find(close, i + 1, para_end)
            if ch == '"':
                # Opened straight, closed curly: "...,” said X.
                k = text.find("”", i + 1, para_end)
                if k >= 0 and (j < 0 or k < j) and text.find("“", i + 1, k) < 0:
                    j = k
            if ch == "“" and j >= 0:
                # “...," Reyes said. "...”: the first straight mark, if it closes, ends this one.
                k = text.find('"', i + 1, j)
                if k > i + 1 and not text[k - 1].isspace() and (k + 1 >= n or text[k + 1] in " \t\n,.;:!?") \
                        and text.find("“", i + 1, k) < 0:
                    j = k
            if ch == "“" and j < 0:
                # Closed with a straight mark: “...," he said.
                m = re.compile(r'[^\s]"(?=[\s,.;:!?]|$)').search(text, i + 1, para_end)
                if m is not None and text.find("“", i + 1, m.start()) < 0:
                    j = m.start() + 1
            if ch == "“":
                # Nested ‘...’ are inside; a new “ before the close means this one was left open.
                k = text.find("“", i + 1, j if j >= 0 else para_end)
                if k >= 0:
                    j = -1
                    para_end = k
            end = j if j >= 0 else para_end
            content_start = i + 1
            if end > content_start and text[content_start:end].strip():
                spans.append((content_start, end))
            i = (j + 1) if j >= 0 else para_end
        elif ch == "”" and (i == 0 or text[i - 1] == "\n") and i + 1 < n and text[i + 1].isalpha():
            # A paragraph opened with the wrong curly mark: ”Mr. Smith ...”
            para_end = text.find("\n", i + 1)
            para_end = n if para_end < 0 else para_end
            j = text.find("”", i + 1, para_end)
            end = j if j >= 0 else para_end
            spans.append((i + 1, end))
            i = (j + 1) if j >= 0 else para_end
        else:
            i += 1
    return spans


def opens(text: str, start: int) -> bool:
    """The quotation opens a paragraph or a sentence."""
    head = text[:start - 1].rstrip(" \t\xa0")
    return head[-1:] in ("", "\n", ".", "?", "!") or head.endswith((".”", "?”", "!”", '."'))


def colon_before(text: str, start: int) -> bool:
    return text[:max(0, start - 1)].rstrip().endswith(":")


def next_paragraph(text: str, prev_end: int, start: int) -> bool:
    """The quote at `start` opens the paragraph right after the one `prev_end` is in."""
    lines = text[prev_end:max(prev_end, start - 1)].split("\n")
    return len(lines) >= 2 and all(not line.strip() for line in lines[1:])


def stands_alone(text: str, start: int, cue: Token) -> bool:
    """A direct quote opens a sentence or follows a colon, a comma or its cue
    ("said: “...”", "said “...”"); a quote the writer's own syntax runs into
    ("arguing ... but “a fight between ...”") is mixed."""
    head = text[:start - 1].rstrip(" \t\xa0")
    if head[-1:] in ("", "\n"):
        return True  # it opens a paragraph
    head = head.rstrip()
    return head[-1:] in (":", ",", ".", "?", "!", "—", "–") or head.endswith(cue.text)
