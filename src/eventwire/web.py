"""HTML pages and RSS/Atom feeds as articles.

Pages go through trafilatura, which keeps the article body and drops menus,
footers and comments, and reads title, date, site name and canonical URL from
the page's metadata. Feeds go through feedparser; each item is an article made
of its title and its content (or summary), tags stripped. Spans index the text
as extracted, which is what `text` holds in the record.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlparse

from .model import Article, InputError
from .read import check_text

FETCH_TIMEOUT_S = 20
MIN_WORDS = 8  # fewer words after extraction is a menu or an error page, not an article
USER_AGENT = "eventwire (+https://pypi.org/project/eventwire)"
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S | re.I)


def _precheck(data: bytes, name: str, what: str) -> InputError | None:
    if not data.strip():
        return InputError(name, "empty input")
    if b"\x00" in data[:4096]:
        return InputError(name, f"binary file, not {what}")
    return None


def _paragraphs(text: str) -> str:
    """One blank line between paragraphs, so sentences never run across them."""
    lines = [ln.strip() for ln in text.splitlines()]
    return "\n\n".join(ln for ln in lines if ln)


def articles_from_html(data: bytes, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    import trafilatura

    if (err := _precheck(data, name, "HTML")) is not None:
        yield err
        return
    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                          include_tables=False)
        doc = doc.as_dict() if doc is not None else None
    except Exception as e:  # lxml raises many kinds on broken pages
        yield InputError(name, f"malformed HTML ({type(e).__name__}: {e})")
        return
    if not doc or len((doc.get("text") or "").split()) < MIN_WORDS:
        yield InputError(name, "no article text found in the HTML page")
        return
    title = (doc.get("title") or "").strip() or None
    text = _paragraphs(doc["text"])
    try:
        text = check_text(text, name)
    except InputError as e:
        yield e
        return
    date = None
    if doc.get("date"):
        try:
            date = dt.date.fromisoformat(str(doc["date"])[:10])
        except ValueError:
            date = None
    url = doc.get("url") or None
    source = doc.get("sitename") or doc.get("hostname") or (urlparse(url).hostname if url else None)
    yield Article(id=name, text=text, published=date or published, title=title, url=url, source=source)


def _item_text(entry) -> str:
    parts = []
    for c in entry.get("content") or []:
        if c.get("value"):
            parts.append(c["value"])
            break
    if not parts and entry.get("summary"):
        parts.append(entry["summary"])
    body = parts[0] if parts else ""
    if "<" in body:
        body = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h\d)\s*/?>", "\n", body)
        body = re.sub(r"<[^>]+>", "", body)
    return html.unescape(body)


def _struct_date(value) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromtimestamp(time.mktime(value)) if not isinstance(value, dt.date) else value
    except (OverflowError, ValueError, TypeError):
        return None


def articles_from_feed(data: bytes, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    import feedparser

    if (err := _precheck(data, name, "a feed")) is not None:
        yield err
        return
    feed = feedparser.parse(data)
    if feed.get("bozo") and not any(e.get("title") or e.get("summary") or e.get("content") for e in feed.entries):
        reason = getattr(feed.get("bozo_exception"), "getMessage", lambda: str(feed.get("bozo_exception")))()
        yield InputError(name, f"malformed feed ({reason})")
        return
    if not feed.entries:
        yield InputError(name, "feed has no items")
        return
    source = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        item = f"{name}#{n}"
        title = (entry.get("title") or "").strip() or None
        body = _paragraphs(_item_text(entry))
        if not body and not title:
            yield InputError(item, "feed item has no text")
            continue
        text = "\n\n".join(p for p in (title, body) if p)
        try:
            text = check_text(text, item)
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
            data = resp.read()
            ctype = resp.headers.get("Content-Type", "")
    except urllib.error.HTTPError as e:
        yield InputError(url, f"HTTP {e.code} {e.reason}")
        return
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        yield InputError(url, f"cannot fetch ({getattr(e, 'reason', e)})")
        return
    is_feed = any(t in ctype for t in ("rss", "atom", "/xml")) or _FEED_START.match(data[:2048]) is not None
    if is_feed:
        yield from articles_from_feed(data, url, published)
    else:
        for a in articles_from_html(data, url, published):
            if isinstance(a, Article) and not a.url:
                a = Article(a.id, a.text, a.published, a.title, url, a.source or urlparse(url).hostname)
            yield a
