"""The dashboard over plain HTTP: headers, methods, escaping, read-only, errors."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

import pytest

from conftest import file_digest

PAGES = ["/", "/dyad?a=Turkey&b=Iran", "/actor?a=Hakan%20Fidan", "/network", "/events",
         "/events?modality=all&min_conf=0.1"]


def fetch(url: str, method: str = "GET", data: bytes | None = None, headers: dict | None = None):
    req = urllib.request.Request(url, method=method, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


@pytest.mark.parametrize("path", PAGES + ["/static/app.js", "/static/vendor/vega.min.js"])
def test_every_response_carries_a_csp_that_forbids_inline_scripts(base_url, path):
    status, headers, _ = fetch(base_url + path)
    assert status == 200
    csp = headers["content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no hosts
    assert directives["default-src"] == ["'none'"] and directives["object-src"] == ["'none'"]
    assert headers["x-content-type-options"] == "nosniff"


def test_pages_hold_no_inline_script_or_handler(base_url):
    for path in PAGES:
        _, _, html = fetch(base_url + path)
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, tag
        assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, flags=re.I), path


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", "/dyad", "/actor", "/network", "/events", "/event", "/static/app.js"])
def test_no_endpoint_accepts_a_write(base_url, path, method):
    status, _, _ = fetch(base_url + path, method=method, data=b"x=1")
    assert status == 405


def test_untrusted_text_is_escaped_and_json_blocks_hold_no_markup(base_url):
    _, _, html = fetch(base_url + "/events")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html  # the title, shown as text
    assert "&lt;img src=x onerror=&#34;window.__pwned=3&#34;&gt;" in html  # the sentence, shown as text
    _, _, html = fetch(base_url + "/actor?a=Hakan%20Fidan")
    blocks = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, flags=re.S)
    assert blocks
    for block in blocks:
        assert "<" not in block and ">" not in block and "&" not in block
        json.loads(block)


def test_only_http_links_leave_the_dashboard(base_url):
    _, _, html = fetch(base_url + "/events")
    assert "javascript:" not in html  # a3's url is javascript:alert(1): its title is shown unlinked
    assert 'href="https://news.example/trap?a=1&amp;b=&lt;2&gt;"' in html
    assert "Tehran accuses Ankara" in html


def test_bad_filters_are_a_400_naming_the_parameter(base_url):
    for query, words in [("since=yesterday", "since='yesterday' is not a date"),
                         ("root=99", "root='99' is not a CAMEO root"),
                         ("quad=7", "quad='7' is not a quad class"),
                         ("modality=rumoured", "modality='rumoured' is not one of"),
                         ("min_conf=2", "min_conf=2.0 is not a number between 0 and 1"),
                         ("since=2024-12-01&until=2024-01-01", "since=2024-12-01 is after until=2024-01-01")]:
        status, headers, html = fetch(base_url + "/events?" + query)
        assert status == 400 and "content-security-policy" in headers
        assert words.replace("'", "&#39;") in html, (query, html[-400:])
    status, _, html = fetch(base_url + "/event?h=nope&e=nope")
    assert status == 404 and "no such event" in html


def test_serving_never_changes_the_store(base_url, store_path, store_digest):
    for path in PAGES + ["/event?h=x&e=y", "/dyad?a=IRN&b=TUR&by=day&at=2024-11-04"]:
        fetch(base_url + path)
    assert file_digest(store_path) == store_digest
    assert not store_path.with_suffix(".duckdb.wal").exists()


def test_filters_survive_in_every_link(base_url):
    _, _, html = fetch(base_url + "/?since=2024-10-01&quad=1&modality=all")
    links = re.findall(r'href="(/(?:dyad|actor|network|events)\?[^"]*)"', html)
    assert links
    for link in links:
        assert "since=2024-10-01" in link and "quad=1" in link and "modality=all" in link, link


def test_host_names_are_read_with_their_port_and_ipv6_brackets():
    from eventwire.serve.app import host_name

    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("[::1]:8000") == "::1" and host_name("[::1]") == "::1"
    assert host_name("LOCALHOST") == "localhost"
    assert host_name("evil.example:80") == "evil.example"


def test_an_empty_store_shows_empty_pages(tmp_path):
    from eventwire.corpus.store import Store
    from eventwire.serve import create_app
    from eventwire.serve.server import running

    Store(tmp_path / "empty.duckdb").close()
    with Store(tmp_path / "empty.duckdb", read_only=True) as store, running(create_app(store.con)) as base:
        for path in PAGES + ["/dyad", "/actor"]:
            status, _, html = fetch(base + path)
            assert status == 200, path
        assert "No dated events match the filters." in fetch(base + "/")[2]
        assert "No actor in this store matches" in fetch(base + "/actor?a=Hakan%20Fidan")[2]
