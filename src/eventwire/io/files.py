"""Reading inputs into Articles: .txt, .json, .jsonl, stdin, folders.

Every problem with an input becomes an InputError naming the input and the
reason; readers yield it in place of the article so the other inputs go on.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import Article, InputError
from .text import check_text, decode, parse_date, warn  # noqa: F401 (parse_date: re-exported)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


def article_from_json(obj, name: str, default_published: dt.date | None, where: str | None = None) -> Article:
    """An article from one JSON object; `where` names it in messages (file:line)."""
    where = where or name
    if not isinstance(obj, dict):
        raise InputError(name, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if text is None:
        raise InputError(name, "no \"text\" field")
    if not isinstance(text, str):
        raise InputError(name, f"\"text\" must be a string, not {_json_type(text)}")
    check_text(text, name)
    given = obj.get("published")
    published = parse_date(given)
    if published is None and given not in (None, ""):
        instead = f"--published ({default_published.isoformat()})" if default_published else "no date"
        warn(where, f"\"published\" {given!r} is not a date (YYYY-MM-DD); using {instead}")
    published = published or default_published
    return Article(
        id=str(obj["id"]) if obj.get("id") not in (None, "") else name,
        text=text,
        published=published,
        title=obj.get("title"),
        url=obj.get("url"),
        source=obj.get("source"),
    )


def articles_from_jsonl(text: str, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    n = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        n += 1
        item = f"{name}#{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"{name}:{lineno}", f"malformed JSON ({e.msg} at column {e.colno})")
            continue
        try:
            yield article_from_json(obj, item, published, where=f"{name}:{lineno}")
        except InputError as e:
            yield InputError(f"{name}:{lineno}", e.reason)


def articles_from_json(text: str, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # A .json file holding one object per line is common enough to accept.
        if text.lstrip().startswith("{") and "\n" in text.strip():
            yield from articles_from_jsonl(text, name, published)
            return
        yield InputError(name, f"malformed JSON ({e.msg} at line {e.lineno}, column {e.colno})")
        return
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        item = f"{name}#{n}" if isinstance(data, list) else name
        try:
            yield article_from_json(obj, item, published)
        except InputError as e:
            yield e


def _json_type(value) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__)


def articles_from_text(text: str, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    try:
        yield Article(id=name, text=check_text(text, name), published=published)
    except InputError as e:
        yield e


def read_bytes(data: bytes, name: str, suffix: str, published: dt.date | None) -> Iterator[Article | InputError]:
    """Articles from the bytes of one input, by its suffix; stdin ('-') by what
    its first bytes show: a feed, an HTML page, JSON lines or plain text."""
    if suffix == "-":
        suffix = sniff(data) or suffix
    if suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES:
        from . import web  # HTML pages and RSS/Atom feeds

        reader = web.articles_from_html if suffix in HTML_SUFFIXES else web.articles_from_feed
        yield from reader(data, name, published)
        return
    try:
        text = decode(data, name)
    except InputError as e:
        yield e
        return
    if suffix == ".jsonl" or suffix == ".ndjson":
        yield from articles_from_jsonl(text, name, published)
    elif suffix == ".json":
        yield from articles_from_json(text, name, published)
    elif suffix == "-":
        # stdin: JSON lines when every line is an object, else plain text.
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines and all(ln.lstrip().startswith("{") for ln in lines):
            yield from articles_from_jsonl(text, name, published)
        else:
            yield from articles_from_text(text, name, published)
    else:
        yield from articles_from_text(text, name, published)


_MARKUP_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)*"
    rb"(?:(?P<feed><(?:rss|feed|rdf:RDF)\b)|(?P<html><!doctype\s+html\b|<html\b|<head\b|<body\b))", re.S | re.I)
_HTML_TAG = re.compile(rb"</(?:p|div|span|a|li|h[1-6]|article|section|table)>", re.I)


def sniff(data: bytes) -> str | None:
    """'.xml' for an RSS/Atom feed, '.html' for an HTML page (a doctype, an <html>,
    <head> or <body> tag first, or text starting with a tag and holding closing tags
    of the usual blocks), None for anything else."""
    head = data[:4096]
    m = _MARKUP_START.match(head)
    if m:
        return ".xml" if m["feed"] else ".html"
    if head.lstrip().startswith(b"<") and len(_HTML_TAG.findall(data[:65536])) >= 2:
        return ".html"
    return None


def walk(path: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order; hidden files skipped."""
    for p in sorted(path.rglob("*")):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts):
            if p.suffix.lower() in KNOWN_SUFFIXES:
                yield p


def read_inputs(inputs: Iterable[str], published: dt.date | None = None) -> Iterator[Article | InputError]:
    """Articles from files, folders or '-' (stdin), with errors in place of bad ones."""
    for _, item in read_inputs_keyed(inputs, published):
        yield item


def read_inputs_keyed(inputs: Iterable[str], published: dt.date | None = None,
                      ) -> Iterator[tuple[str, Article | InputError]]:
    """(input key, article or error) for every article of the inputs. The key says
    where the article came from whatever folder the command runs in: the resolved
    path or the URL, followed by #id or #n for an item of a multi-article file
    (the id its record gives, else its position); '-' for stdin."""
    for name in inputs:
        if name == "-":
            for item in read_bytes(sys.stdin.buffer.read(), "-", "-", published):
                yield _keyed("-", "-", item)
            continue
        if name.startswith(("http://", "https://")):
            from . import web

            for item in web.articles_from_url(name, published):
                yield _keyed(name, name, item)
            continue
        path = Path(name)
        if path.is_dir():
            for p in walk(path):
                for item in read_path(p, str(p), published):
                    yield _keyed(str(p), str(p.resolve()), item)
        else:
            for item in read_path(path, name, published):
                yield _keyed(name, str(path.resolve()), item)


def _keyed(name: str, where: str, item: Article | InputError) -> tuple[str, Article | InputError]:
    ident = item.id if isinstance(item, Article) else item.name
    if ident == name:
        return where, item
    if ident.startswith(name + "#"):  # a numbered item: the number follows the file
        return where + ident[len(name):], item
    if ident.startswith(name + ":"):  # a line of a JSON lines file
        return where + "#" + ident[len(name) + 1:], item
    return f"{where}#{ident}", item


def read_path(path: Path, name: str, published: dt.date | None) -> Iterator[Article | InputError]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield InputError(name, "no such file")
        return
    except OSError as e:
        yield InputError(name, e.strerror or str(e))
        return
    yield from read_bytes(data, name, path.suffix.lower(), published)


def count_articles(inputs: Iterable[str]) -> int | None:
    """About how many articles the inputs hold, read quickly for a progress bar's
    total: a line per article in JSON lines, an item per <item>/<entry> of a feed,
    one per other file. None when it cannot be known without reading (stdin, URLs)."""
    total = 0
    for name in inputs:
        if name == "-" or name.startswith(("http://", "https://")):
            return None
        path = Path(name)
        for p in (walk(path) if path.is_dir() else [path]):
            total += _articles_in(p)
    return total


def _articles_in(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix in JSON_SUFFIXES:
            with path.open("rb") as f:
                lines = sum(1 for line in f if line.strip())
            if suffix != ".json" or lines <= 1:
                return lines
            try:
                data = json.loads(path.read_bytes())
            except ValueError:  # one object per line, as read_bytes accepts
                return lines
            return len(data) if isinstance(data, list) else 1
        if suffix in FEED_SUFFIXES:
            data = path.read_bytes()
            return max(1, data.count(b"<item") + data.count(b"<entry"))
    except (OSError, ValueError):
        return 1
    return 1
