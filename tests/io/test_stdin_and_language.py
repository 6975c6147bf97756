"""HTML on stdin is read as a page; text that is not English is refused in any script.
Run through the real `eventwire code` command."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main

PAGE = """<!DOCTYPE html>
<html><head><title>Talks resume | The Example Times</title>
<meta property="og:site_name" content="The Example Times"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Talks resume</h1>
<p>Kenya's foreign minister met his Ethiopian counterpart in Addis Ababa on Thursday to discuss the border.</p>
<p>The two ministers agreed to set up a joint commission, a statement from the Kenyan foreign ministry said.</p>
</article><footer>Copyright The Example Times. All rights reserved.</footer></body></html>
"""


def code(*args, **kw):
    return CliRunner().invoke(main, ["code", *map(str, args)], catch_exceptions=False, **kw)


def test_html_on_stdin_is_extracted_as_a_file_is(tmp_path):
    piped = code("-", "--published", "2024-05-02", input=PAGE)
    assert piped.exit_code == 0, piped.stderr
    [rec] = [json.loads(ln) for ln in piped.stdout.splitlines()]
    assert rec["title"] == "Talks resume" and rec["source"] == "The Example Times"
    met = [e for e in rec["events"] if e["trigger"] == "met"]
    assert met and met[0]["span"][0] < 40  # spans index the extracted text, not the markup
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    [from_file] = [json.loads(ln) for ln in code(page, "--published", "2024-05-02").stdout.splitlines()]
    assert rec["title"] == from_file["title"]
    assert [(e["cameo"], e["span"]) for e in rec["events"]] == [(e["cameo"], e["span"]) for e in from_file["events"]]


def test_a_feed_on_stdin_is_read_as_a_feed():
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Example Wire</title>"
            "<item><title>Chile and Peru sign a fishing accord</title><link>https://example.org/1</link>"
            "<description>Chile and Peru signed a fishing accord on Monday.</description></item>"
            "</channel></rss>")
    res = code("-", "--published", "2024-05-02", input=feed)
    assert res.exit_code == 0, res.stderr
    [rec] = [json.loads(ln) for ln in res.stdout.splitlines()]
    assert rec["source"] == "Example Wire" and rec["url"] == "https://example.org/1"


NOT_ENGLISH = {
    "russian": "Министр иностранных дел России во вторник встретился с послом Китая в Москве. Стороны обсудили "
               "торговлю и безопасность в регионе.",
    "arabic": "التقى وزير الخارجية المصري نظيره الأردني في القاهرة يوم الثلاثاء لبحث الأوضاع في المنطقة.",
    "chinese": "中国外交部长周二在北京会见了日本外务大臣，双方讨论了贸易问题。",
    "french": "Le ministre des Affaires étrangères a rencontré mardi son homologue allemand à Paris pour discuter "
              "de la guerre en Ukraine et des relations entre les deux pays, selon un communiqué du ministère.",
    "spanish": "El presidente del Gobierno se reunió el martes con los líderes de la oposición en Madrid para "
               "hablar sobre el presupuesto del próximo año y la reforma de las pensiones, según fuentes oficiales.",
}


@pytest.mark.parametrize("lang", sorted(NOT_ENGLISH))
def test_text_that_is_not_english_is_refused_and_named_in_any_script(tmp_path, lang):
    other = tmp_path / f"{lang}.txt"
    other.write_text(NOT_ENGLISH[lang], encoding="utf-8")
    good = tmp_path / "english.txt"
    good.write_text("Chile criticized Peru over the fishing dispute on Monday.", encoding="utf-8")
    res = code(other, good, "--published", "2024-05-02")
    assert res.exit_code == 1
    [line] = [ln for ln in res.stderr.splitlines() if str(other) in ln]
    assert line.startswith("eventwire: error: ") and "not English" in line
    assert [json.loads(ln)["id"] for ln in res.stdout.splitlines()] == [str(good)]


def test_a_short_english_report_full_of_foreign_names_is_coded():
    text = ("Recep Tayyip Erdoğan and Kassym-Jomart Tokayev met Shavkat Mirziyoyev, Ilham Aliyev and "
            "Sadyr Japarov in Astana on Thursday, the Kazakh presidency said.")
    res = code("-", "--published", "2024-05-02", input=text)
    assert res.exit_code == 0, res.stderr
