"""HTML pages and RSS/Atom feeds as articles.

News arrives as web pages and feeds far more often than as clean text, and a
page's menus, footers and related-story links would otherwise be read as
article sentences. Pages go through trafilatura, which keeps the article body
and reads title, date, site name and canonical URL from the page's metadata.
Feeds go through feedparser; each item is an article made of its title and its
content (or summary), tags stripped. Paragraphs are kept one blank line apart
so no sentence or quote runs across them; spans index `text` as extracted.
Bad input is yielded as an InputError naming it, never raised.
"""
from __future__ import annotations

import codecs
import datetime as dt
import html
import http.client
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

from ..model import Article, InputError
from .text import check_text

FETCH_TIMEOUT_S = 20
MAX_FETCH_BYTES = 50_000_000
MIN_WORDS = 8  # a page with no paragraph this long is a menu, a link list or an error page
USER_AGENT = "eventwire"

_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")  # also prefixes of the UTF-32 BOMs
_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
# One <br> wraps a line inside a paragraph; two or more separate paragraphs.
_BR_RUN = re.compile(rb"(?:<br\s*/?>\s*)+", re.I)
_BLOCK_TAG = re.compile(
    r"<\s*/?\s*(?:p|br|div|li|ul|ol|h[1-6]|blockquote|pre|table|tr|section|article|figure|figcaption)\b[^>]*>",
    re.I)
_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def _precheck(data: bytes, name: str, what: str) -> InputError | None:
    if not data.strip():
        return InputError(name, "empty input")
    if b"\x00" in data[:4096] and not data.startswith(_UTF16_32_BOMS):
        return InputError(name, f"binary file, not {what}")
    return None


def _paragraphs(lines: str) -> str:
    """Non-empty lines, whitespace collapsed, one blank line apart."""
    return "\n\n".join(p for p in (" ".join(ln.split()) for ln in lines.splitlines()) if p)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _html_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    fragment = " ".join(fragment.split())  # newlines in HTML source are only spaces
    return _paragraphs(html.unescape(_TAG.sub("", _BLOCK_TAG.sub("\n", fragment))))


def _detail_text(value: str, detail) -> str:
    """Text of a feed field, by the MIME type feedparser reports for it."""
    if "html" in ((detail or {}).get("type") or "text/html"):
        return _html_text(value)
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", value) if p.strip())


def articles_from_html(data: bytes, name: str, published: dt.date | None,
                       url: str | None = None, charset: str | None = None) -> Iterator[Article | InputError]:
    """One article from an HTML page; `url` and `charset` come from HTTP when fetched."""
    import trafilatura

    if (err := _precheck(data, name, "HTML")) is not None:
        yield err
        return
    content: bytes | str = _BR_RUN.sub(lambda m: m[0] if m[0].lower().count(b"<br") > 1 else b" ", data)
    if charset and not _is_utf8(data):  # the HTTP header's charset, unless it mislabels UTF-8
        try:  # browsers read a declared Latin-1 or ASCII as windows-1252 (WHATWG Encoding)
            latin = codecs.lookup(charset).name in ("iso8859-1", "ascii")
            content = content.decode("cp1252" if latin else charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        doc = trafilatura.bare_extraction(
            content, url=url, with_metadata=True, include_comments=False, include_tables=False,
            # Declared dates only (meta tags, <time>, bylines, URL): the extensive search
            # takes any date in the body text, e.g. of an event the article recalls.
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # lxml raises many kinds on broken pages
        yield InputError(name, f"malformed HTML ({type(e).__name__}: {e})")
        return
    text = _paragraphs(doc.text or "") if doc is not None else ""
    if doc is None or max(len(p.split()) for p in text.split("\n\n")) < MIN_WORDS:
        yield InputError(name, "no article text found in the HTML page")
        return
    try:
        check_text(text, name)
    except InputError as e:
        yield e
        return
    try:
        date = dt.date.fromisoformat(str(doc.date)[:10]) if doc.date else None
    except ValueError:
        date = None
    yield Article(id=name, text=text, published=date or published, title=(doc.title or "").strip() or None,
                  url=doc.url or url, source=doc.sitename or doc.hostname or None)


def _struct_date(value: time.struct_time | None) -> dt.date | None:
    """feedparser's *_parsed fields are UTC struct_times."""
    try:
        return dt.date(*value[:3]) if value else None
    except (TypeError, ValueError):
        return None


def _entry_text(entry) -> tuple[str | None, str]:
    """Title and text (title, blank line, content or summary) of a feed item."""
    title = " ".join(_detail_text(entry.get("title") or "", entry.get("title_detail")).split()) or None
    if entry.get("content") and entry.content[0].get("value"):
        body = _detail_text(entry.content[0].value, entry.content[0])
    else:
        body = _detail_text(entry.get("summary") or "", entry.get("summary_detail"))
    return title, "\n\n".join(p for p in (title, body) if p)


def articles_from_feed(data: bytes, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    """One article per item of an RSS or Atom feed."""
    import feedparser

    if (err := _precheck(data, name, "a feed")) is not None:
        yield err
        return
    feed = feedparser.parse(data)
    items = [(entry, _entry_text(entry)) for entry in feed.entries]
    if feed.get("bozo") and not any(text for _, (_, text) in items):
        exc = feed.get("bozo_exception")
        reason = exc.getMessage() if hasattr(exc, "getMessage") else str(exc)
        if hasattr(exc, "getLineNumber"):
            reason += f" at line {exc.getLineNumber()}, column {exc.getColumnNumber()}"
        yield InputError(name, f"malformed feed: {reason}")
        return
    if not items:
        yield InputError(name, "feed has no items" if feed.get("version") else "not an RSS or Atom feed")
        return
    source = " ".join(_html_text(feed.feed.get("title") or "").split()) or None
    for n, (entry, (title, text)) in enumerate(items, 1):
        item = f"{name}#{n}"
        if not text:
            yield InputError(item, "feed item has no text")
            continue
        try:
            check_text(text, item)
        except InputError as e:
            yield e
            continue
        date = _struct_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        yield Article(id=entry.get("id") or entry.get("link") or item, text=text, published=date or published,
                      title=title, url=entry.get("link"), source=source)


def articles_from_url(url: str, published: dt.date | None) -> Iterator[Article | InputError]:
    """Fetch a page or a feed and read it by what it turns out to be."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT_S) as resp:
            data = resp.read(MAX_FETCH_BYTES + 1)
            ctype = resp.headers.get_content_type()
            charset = resp.headers.get_content_charset()
            final_url = resp.geturl()
    except urllib.error.HTTPError as e:
        yield InputError(url, f"HTTP {e.code} {e.reason}")
        return
    except urllib.error.URLError as e:
        yield InputError(url, f"cannot fetch: {e.reason}")
        return
    except (http.client.HTTPException, OSError, ValueError) as e:  # timeouts, resets, bad URLs
        yield InputError(url, f"cannot fetch: {e or type(e).__name__}")
        return
    if len(data) > MAX_FETCH_BYTES:
        yield InputError(url, f"response larger than {MAX_FETCH_BYTES:,} bytes")
        return
    if "rss" in ctype or "atom" in ctype or _FEED_START.match(data[:4096]):
        yield from articles_from_feed(data, url, published)
    else:
        yield from articles_from_html(data, url, published, url=final_url, charset=charset)
