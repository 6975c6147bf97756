"""HTML pages and RSS/Atom feeds, from bytes, files, and real HTTP on loopback."""
from __future__ import annotations

import datetime as dt
import http.server
import socket
import threading

import pytest

import eventwire.io.text
from eventwire.model import Article, InputError
from eventwire.io.files import read_inputs
from eventwire.io.web import articles_from_feed, articles_from_html, articles_from_url

NAV = b"""<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/sport">Sport</a> <a href="/subscribe">Subscribe now for unlimited access</a></nav></header>"""
FOOTER = b"""<aside><h3>Most read</h3><ul><li><a href="/a/9">Celebrity chef opens third restaurant</a></li>
<li><a href="/a/10">Ten tips for a cheaper summer holiday</a></li></ul></aside>
<footer><p>Copyright 2024 Example News. All rights reserved.</p><p><a href="/privacy">Privacy policy</a>
<a href="/cookies">Cookie settings</a> <a href="/contact">Contact us</a></p></footer>"""
BOILERPLATE = ("Subscribe now", "Most read", "Celebrity chef", "All rights reserved", "Cookie settings",
               "Privacy policy", "Contact us")

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Egypt and Qatar urge Gaza ceasefire | Example News</title>
<meta property="og:title" content="Egypt and Qatar urge Gaza ceasefire">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/world/egypt-qatar-ceasefire">
</head><body>""" + NAV + b"""
<main><article><h1>Egypt and Qatar urge Gaza ceasefire</h1>
<p>Egypt's foreign minister met his Qatari counterpart in Cairo on Tuesday to discuss a ceasefire in Gaza,
the Egyptian foreign ministry said in a statement.</p>
<p>The two ministers urged Israel and Hamas to return to talks. Qatar has hosted Hamas's political office
since 2012 and has mediated between the two sides for months.</p>
<p>"We will spare no effort to stop the bloodshed," the Egyptian minister told reporters after the
meeting,<br>adding that aid convoys must be allowed to cross at Rafah.</p>
</article></main>""" + FOOTER + b"</body></html>"

# No declared date; the body mentions an earlier date that is not the page's.
UNDATED = b"""<html><head><title>Kenya to send police to Haiti</title></head><body>""" + NAV + b"""
<div class="story"><h1>Kenya to send police to Haiti</h1>
<p>Kenya's president said on Thursday that the first police officers would leave for Haiti within weeks,
despite a court challenge at home.</p>
<p>The United Nations Security Council approved the mission on 2 October 2023 after Haiti's government
asked for help against armed gangs.</p></div>""" + FOOTER + b"</body></html>"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World News</title><link>https://news.example.org/</link>
<description>World news from Example</description>
<item><title>Japan and South Korea resume security talks</title>
<link>https://news.example.org/a/1</link><guid isPermaLink="false">example-1</guid>
<pubDate>Mon, 04 Mar 2024 23:30:00 -0500</pubDate>
<description>&lt;p&gt;Japan and South Korea agreed on Monday to resume regular security talks
after a pause of several years.&lt;/p&gt;&lt;p&gt;North Korea condemned the talks &amp;amp; said it
would respond.&lt;/p&gt;</description></item>
<item><title>Sudan's army accuses paramilitaries of shelling market</title>
<link>https://news.example.org/a/2</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>Sudan's army accused the Rapid Support Forces of shelling a market in Omdurman.</description></item>
<item><description>&lt;p&gt; &lt;/p&gt;</description></item>
<item><description>Chile's president announced a state of emergency in the south after forest fires.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Example Atom</title><id>urn:example</id>
<updated>2024-03-06T12:00:00Z</updated>
<entry><title>NATO chief urges more air defence for Ukraine</title><id>urn:example:7</id>
<link rel="alternate" href="https://news.example.org/a/7"/>
<published>2024-03-06T08:00:00Z</published><updated>2024-03-07T12:00:00Z</updated>
<content type="html">&lt;p&gt;NATO Secretary General Jens Stoltenberg urged allies to send Ukraine more
air defence systems.&lt;/p&gt;&lt;p&gt;Germany pledged another Patriot battery.&lt;/p&gt;</content>
</entry>
<entry><title>India and China hold border talks</title><id>urn:example:8</id>
<link href="https://news.example.org/a/8"/><updated>2024-03-08T06:00:00Z</updated>
<summary>Indian and Chinese commanders met at the border to discuss disengagement.</summary>
</entry></feed>"""


def test_html_main_text_title_date_without_boilerplate():
    [a] = list(articles_from_html(PAGE, "page.html", dt.date(2020, 1, 1)))
    assert isinstance(a, Article) and a.id == "page.html"
    assert a.title == "Egypt and Qatar urge Gaza ceasefire"
    assert a.published == dt.date(2024, 3, 5)  # the page's date beats the argument
    assert a.url == "https://news.example.org/world/egypt-qatar-ceasefire"
    assert a.source == "Example News"
    assert "met his Qatari counterpart in Cairo" in a.text and "spare no effort" in a.text
    for boilerplate in BOILERPLATE:
        assert boilerplate not in a.text
    paragraphs = a.text.split("\n\n")
    assert len(paragraphs) >= 3 and all(p.strip() == p and "\n" not in p for p in paragraphs)
    # A source newline and a single <br> inside a paragraph are spaces, not breaks.
    assert "in Gaza, the Egyptian foreign ministry" in a.text
    assert "after the meeting, adding that aid convoys" in a.text


def test_html_without_declared_date_falls_back_to_argument():
    [a] = list(articles_from_html(UNDATED, "kenya.html", dt.date(2024, 3, 1)))
    assert a.published == dt.date(2024, 3, 1)  # not the 2023 date in the body text
    assert a.title == "Kenya to send police to Haiti" and a.url is None
    assert "court challenge at home" in a.text and "Most read" not in a.text
    [b] = list(articles_from_html(UNDATED, "kenya.html", None))
    assert b.published is None


def test_html_declared_encoding_is_honoured():
    page = PAGE.replace(b'charset="utf-8"', b'charset="iso-8859-1"').replace(b"Cairo", "Caïro".encode("latin-1"))
    [a] = list(articles_from_html(page, "latin1.html", None))
    assert "Caïro" in a.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"  \n\t ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file, not HTML"),
    (b"<html><body>" + NAV + FOOTER + b"</body></html>", "no article text found in the HTML page"),
    (b"<html><body><p>Page not found.</p></body></html>", "no article text found in the HTML page"),
])
def test_bad_html_is_named(data, reason):
    [err] = list(articles_from_html(data, "bad.html", None))
    assert isinstance(err, InputError) and err.name == "bad.html" and err.reason == reason


def test_html_too_long_is_refused(monkeypatch):
    monkeypatch.setattr(eventwire.io.text, "MAX_CHARS", 100)
    [err] = list(articles_from_html(PAGE, "long.html", None))
    assert isinstance(err, InputError) and err.name == "long.html" and "too long" in err.reason


def test_rss_items_are_articles():
    items = list(articles_from_feed(RSS, "world.xml", dt.date(2024, 1, 1)))
    assert [type(i) for i in items] == [Article, Article, InputError, Article]
    first, second, empty, untitled = items
    assert first.id == "example-1" and second.id == "https://news.example.org/a/2"  # guid, else link
    assert untitled.id == "world.xml#4"  # else the item's place in the feed
    assert first.title == "Japan and South Korea resume security talks" and untitled.title is None
    assert first.url == "https://news.example.org/a/1" and untitled.url is None
    # Dates are the feed's own (UTC), else the argument.
    assert first.published == dt.date(2024, 3, 5) and second.published == dt.date(2024, 3, 5)
    assert untitled.published == dt.date(2024, 1, 1)
    assert {a.source for a in (first, second, untitled)} == {"Example World News"}
    assert first.text == ("Japan and South Korea resume security talks\n\n"
                          "Japan and South Korea agreed on Monday to resume regular security talks "
                          "after a pause of several years.\n\n"
                          "North Korea condemned the talks & said it would respond.")
    assert untitled.text.startswith("Chile's president")
    assert empty.name == "world.xml#3" and empty.reason == "feed item has no text"


def test_atom_entries():
    first, second = articles_from_feed(ATOM, "atom.xml", None)
    assert first.id == "urn:example:7" and first.url == "https://news.example.org/a/7"
    assert first.published == dt.date(2024, 3, 6)  # published before updated
    assert first.source == "Example Atom" and first.title == "NATO chief urges more air defence for Ukraine"
    assert first.text.split("\n\n") == [
        "NATO chief urges more air defence for Ukraine",
        "NATO Secretary General Jens Stoltenberg urged allies to send Ukraine more air defence systems.",
        "Germany pledged another Patriot battery."]
    assert second.published == dt.date(2024, 3, 8)  # only updated
    assert second.text.endswith("met at the border to discuss disengagement.")  # summary when no content


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"\x00\x01\x02PNG\x00" * 50, "binary file, not a feed"),
    (b"<rss><channel><item><title>Broken", "malformed feed: "),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
     "feed has no items"),
    (b'<?xml version="1.0"?><catalog><book>Dune</book></catalog>', "not an RSS or Atom feed"),
])
def test_bad_feeds_are_named(data, reason):
    [err] = list(articles_from_feed(data, "bad.xml", None))
    assert isinstance(err, InputError) and err.name == "bad.xml" and err.reason.startswith(reason)


def test_truncated_feed_keeps_the_complete_items():
    cut = RSS[:RSS.index(b"<item><title>Sudan") + 40]
    first, second = articles_from_feed(cut, "cut.xml", None)
    assert first.id == "example-1" and "North Korea condemned" in first.text
    assert isinstance(second, InputError) and second.name == "cut.xml#2"


def test_read_inputs_dispatches_by_suffix(tmp_path):
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "feed.xml").write_bytes(ATOM)
    [page] = list(read_inputs([str(tmp_path / "page.html")]))
    assert page.id == str(tmp_path / "page.html") and page.title == "Egypt and Qatar urge Gaza ceasefire"
    assert [a.id for a in read_inputs([str(tmp_path / "feed.xml")])] == ["urn:example:7", "urn:example:8"]
    assert len(list(read_inputs([str(tmp_path)]))) == 3  # a folder reads both


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[str, bytes]] = {}

    def do_GET(self):  # noqa: N802
        if self.path not in self.routes:
            self.send_error(404)
            return
        ctype, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def server():
    _Handler.routes = {
        "/feed.rss": ("application/rss+xml", RSS),
        "/news": ("application/octet-stream", ATOM),  # found by its content, not its type
        "/page": ("text/html", PAGE),
        "/plain-page": ("text/html; charset=iso-8859-1",
                        UNDATED.replace(b"Kenya's", "Kenya’s".encode("cp1252")).replace(b"Haiti<", "Haïti<".encode("latin-1"))),
        "/mislabelled": ("text/html; charset=iso-8859-1", PAGE.replace(b"Cairo", "Caïro".encode())),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_urls_over_real_http(server):
    feed = list(articles_from_url(f"{server}/feed.rss", None))
    assert [a.id if isinstance(a, Article) else a.name for a in feed] == [
        "example-1", "https://news.example.org/a/2", f"{server}/feed.rss#3", f"{server}/feed.rss#4"]
    assert [a.id for a in articles_from_url(f"{server}/news", None)] == ["urn:example:7", "urn:example:8"]
    [page] = list(articles_from_url(f"{server}/page", None))
    assert page.id == f"{server}/page" and page.title == "Egypt and Qatar urge Gaza ceasefire"
    assert page.url == "https://news.example.org/world/egypt-qatar-ceasefire"  # canonical beats fetched
    [plain] = list(articles_from_url(f"{server}/plain-page", dt.date(2024, 3, 1)))
    assert plain.url == f"{server}/plain-page" and plain.source == server.removeprefix("http://")  # host:port
    assert "Haïti" in plain.text and "Kenya’s president" in plain.text  # header charset, as windows-1252
    [mislabelled] = list(articles_from_url(f"{server}/mislabelled", None))
    assert "Caïro" in mislabelled.text  # valid UTF-8 wins over a wrong header
    [missing] = list(read_inputs([f"{server}/nope.html"]))
    assert isinstance(missing, InputError) and missing.name == f"{server}/nope.html" and "404" in missing.reason


def test_unreachable_url_is_named():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/feed.xml"
    [err] = list(articles_from_url(url, None))
    assert isinstance(err, InputError) and err.name == url and err.reason.startswith("cannot fetch")
