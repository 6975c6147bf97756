"""HTML pages and RSS/Atom feeds, from files and over real HTTP on loopback."""
import datetime as dt
import http.server
import threading
from functools import partial

import pytest

from eventwire.model import Article, InputError
from eventwire.read import read_inputs
from eventwire.web import articles_from_feed, articles_from_html, articles_from_url

PAGE = b"""<!DOCTYPE html><html><head><title>Egypt and Qatar urge Gaza ceasefire | Example News</title>
<meta property="og:title" content="Egypt and Qatar urge Gaza ceasefire">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/world/egypt-qatar-ceasefire">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a> Subscribe now</nav>
<article><h1>Egypt and Qatar urge Gaza ceasefire</h1>
<p>Egypt's foreign minister met his Qatari counterpart in Cairo on Tuesday to discuss a ceasefire in Gaza,
the Egyptian foreign ministry said in a statement.</p>
<p>The two ministers urged Israel and Hamas to return to talks. Qatar has hosted Hamas's political office
since 2012 and has mediated between the two sides for months.</p>
<p>"We will spare no effort to stop the bloodshed," the Egyptian minister told reporters after the meeting.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>"""

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World News</title><link>https://news.example.org/</link>
<item><title>Japan and South Korea resume security talks</title>
<link>https://news.example.org/a/1</link><guid>example-1</guid>
<pubDate>Mon, 04 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Japan and South Korea agreed on Monday to resume regular security talks.&lt;/p&gt;&lt;p&gt;North Korea condemned the talks.&lt;/p&gt;</description></item>
<item><title>Sudan's army accuses paramilitaries of shelling market</title>
<link>https://news.example.org/a/2</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<description>Sudan's army accused the Rapid Support Forces of shelling a market in Omdurman.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:example</id>
<updated>2024-03-06T12:00:00Z</updated>
<entry><title>NATO chief urges more air defence for Ukraine</title><id>urn:example:7</id>
<link href="https://news.example.org/a/7"/><updated>2024-03-06T12:00:00Z</updated>
<content type="html">&lt;p&gt;NATO Secretary General Jens Stoltenberg urged allies to send Ukraine more air defence systems.&lt;/p&gt;</content>
</entry></feed>"""


def test_html_main_text_title_date_without_boilerplate():
    [a] = list(articles_from_html(PAGE, "page.html", None))
    assert isinstance(a, Article)
    assert a.title == "Egypt and Qatar urge Gaza ceasefire"
    assert a.published == dt.date(2024, 3, 5)
    assert a.url == "https://news.example.org/world/egypt-qatar-ceasefire"
    assert a.source == "Example News"
    assert "met his Qatari counterpart in Cairo" in a.text and "spare no effort" in a.text
    for boilerplate in ("Subscribe now", "Cookie settings", "All rights reserved"):
        assert boilerplate not in a.text
    assert "\n\n" in a.text  # paragraphs kept apart


def test_rss_items_are_articles():
    items = list(articles_from_feed(RSS, "world.xml", None))
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert first.id == "example-1" and second.id == "https://news.example.org/a/2"  # guid, else link
    assert first.published == dt.date(2024, 3, 4) and second.published == dt.date(2024, 3, 5)
    assert first.source == "Example World News" and first.url == "https://news.example.org/a/1"
    assert first.text.startswith("Japan and South Korea resume security talks\n\n")
    assert "<p>" not in first.text and "North Korea condemned the talks." in first.text


def test_atom_entry():
    [a] = list(articles_from_feed(ATOM, "atom.xml", None))
    assert a.id == "urn:example:7" and a.published == dt.date(2024, 3, 6)
    assert "Jens Stoltenberg urged allies" in a.text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"\x00\x01\x02PNG\x00" * 50, "binary file"),
    (b"<rss><channel><item><title>Broken", "malformed feed"),
])
def test_bad_feeds_are_named(data, reason):
    [err] = list(articles_from_feed(data, "bad.xml", None))
    assert isinstance(err, InputError) and err.name == "bad.xml" and reason in err.reason


def test_html_with_no_article_text_is_named():
    [err] = list(articles_from_html(b"<html><body><nav>Home</nav></body></html>", "empty.html", None))
    assert isinstance(err, InputError) and "no article text" in err.reason


def test_read_inputs_dispatches_by_suffix(tmp_path):
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "feed.xml").write_bytes(RSS)
    got = list(read_inputs([str(tmp_path)]))
    assert sorted(a.id for a in got) == sorted([str(tmp_path / "page.html"), "example-1",
                                                "https://news.example.org/a/2"])


@pytest.fixture()
def server(tmp_path):
    (tmp_path / "feed.rss").write_bytes(RSS)
    (tmp_path / "page.html").write_bytes(PAGE)
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_over_real_http(server):
    feed = list(articles_from_url(f"{server}/feed.rss", None))
    assert [a.id for a in feed] == ["example-1", "https://news.example.org/a/2"]
    [page] = list(articles_from_url(f"{server}/page.html", None))
    assert page.title == "Egypt and Qatar urge Gaza ceasefire"
    [missing] = list(articles_from_url(f"{server}/nope.html", None))
    assert isinstance(missing, InputError) and "404" in missing.reason
