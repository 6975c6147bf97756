"""The dashboard in Debian's chromium: charts drawn, filters applied, clicks that reach the sentence, traps inert."""
from __future__ import annotations

import re

from conftest import TRAP_TITLE

CHART = ".chart[data-rendered='true'] svg"


def open_page(page, url):
    page.goto(url)
    page.wait_for_load_state("load")


def test_overview_draws_its_timeline_and_lists_dyads_and_speakers(page, base_url):
    open_page(page, base_url + "/")
    page.wait_for_selector(CHART)
    assert page.locator("#timeline svg .mark-rect path").count() >= 4  # a bar per period and quad class
    assert "Iran – Türkiye" in page.locator("table.dyads").inner_text()
    assert page.locator("table.dyads svg.spark polyline").count() >= 2
    assert "Hakan Fidan" in page.locator("table.speakers").inner_text()


def test_a_filter_changes_what_is_shown_and_stays_in_the_url(page, base_url):
    open_page(page, base_url + "/")
    page.wait_for_selector(CHART)
    assert "Iran – Türkiye" in page.locator("table.dyads").inner_text()
    page.select_option("form.filters select[name=quad]", "4")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"quad=4"))
    page.wait_for_selector(CHART)
    dyads = page.locator("table.dyads").inner_text()
    assert "Israel – Lebanon" in dyads and "Türkiye" not in dyads
    # the filter follows the links: the network page keeps it
    page.click("header nav a:text('Network')")
    page.wait_for_url(re.compile(r"/network\?.*quad=4"))
    page.wait_for_selector(CHART)
    edges = page.locator("table.edges").inner_text()
    assert "Israel – Lebanon" in edges and "Türkiye" not in edges


def test_modality_filter_brings_in_the_intended_event(page, base_url):
    open_page(page, base_url + "/dyad?a=Turkey&b=Iran")
    asserted = page.locator("table.events tbody tr").count()
    assert "intended" not in page.locator("table.events").inner_text()
    page.select_option("form.filters select[name=modality]", "all")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"modality=all"))
    assert page.locator("table.events tbody tr").count() == asserted + 1
    assert "intended" in page.locator("table.events").inner_text()


def test_a_click_on_a_dyad_row_reaches_its_sentences(page, base_url):
    open_page(page, base_url + "/")
    page.locator("table.dyads tr.dyad", has_text="Israel – Lebanon").locator("td.n").first.click()
    page.wait_for_url(re.compile(r"/dyad\?"))
    page.wait_for_selector(CHART)
    sentence = page.locator("table.events td.sentence").first
    assert "struck targets in southern" in sentence.inner_text()
    assert sentence.locator("mark.source").inner_text() == "Israeli warplanes"
    assert "Lebanon" in sentence.locator("mark.target").inner_text()


def test_a_click_on_a_chart_mark_lists_that_periods_events(page, base_url):
    open_page(page, base_url + "/dyad?a=Iran&b=Turkey&by=month")
    page.wait_for_selector(CHART)
    total = page.locator("table.events tbody tr").count()
    # the conflict bar (drawn downwards) of November: Iran accused Türkiye
    bars = page.locator("#dyad svg .mark-rect path")
    assert bars.count() >= 4
    clicked = False
    for i in range(bars.count()):
        bar = bars.nth(i)
        if bar.get_attribute("fill") == "#d7301f":
            bar.click()
            clicked = True
            break
    assert clicked
    page.wait_for_url(re.compile(r"at=2024-11-01"))
    rows = page.locator("table.events tbody tr")
    assert 0 < rows.count() < total
    assert "Iran accused Türkiye" in rows.first.locator("td.sentence").inner_text()
    assert "2024-11-01 to 2024-11-30" in page.locator("h2#events").inner_text()


def test_a_click_on_a_timeline_bar_and_an_event_row_reaches_the_article(page, base_url):
    open_page(page, base_url + "/")
    page.wait_for_selector(CHART)
    page.locator("#timeline svg .mark-rect path[fill='#d7301f']").first.click()  # material conflict
    page.wait_for_url(re.compile(r"/events\?.*quad=4"))
    row = page.locator("table.events tbody tr").first
    assert "Israeli warplanes" in row.inner_text()
    row.locator("td.date").click()
    page.wait_for_url(re.compile(r"/event\?"))
    marked = page.locator("article.text mark.trigger").first.inner_text()
    assert marked in ("struck", "killing")
    assert "Strikes in Lebanon" in page.locator("h1").inner_text()


def test_network_draws_nodes_and_edges_that_link_to_actors(page, base_url):
    open_page(page, base_url + "/network")
    page.wait_for_selector(CHART)
    assert page.locator("#network svg .mark-symbol path").count() >= 4
    assert page.locator("#network svg .mark-path path").count() >= 2
    page.locator("#network svg .mark-text text", has_text="Lebanon").wait_for()
    box = page.locator("#network svg .mark-text text", has_text="Lebanon").bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] + 12)  # the node under its label
    page.wait_for_url(re.compile(r"/actor\?a=LBN"))
    assert "Lebanon" in page.locator("table.events").inner_text()


def test_actor_page_draws_partners_and_quotes(page, base_url):
    open_page(page, base_url + "/actor?a=TURGOV")
    page.wait_for_selector(CHART)
    assert page.locator("#partners svg .mark-rect path").count() >= 2
    assert "We will not accept threats" in page.locator("ul.quotes").inner_text()


def test_stored_payloads_are_shown_as_text_and_never_run(page, base_url):
    for path in ["/events?modality=all", "/actor?a=Hakan%20Fidan", "/dyad?a=TUR&b=IRN&by=day", "/"]:
        open_page(page, base_url + path)
        if page.locator(".chart").count():
            page.wait_for_selector(".chart[data-rendered]")
        page.locator("table").first.hover()
        assert page.evaluate("window.__pwned") is None, path
        assert page.locator("img").count() == 0, path
    open_page(page, base_url + "/events")
    assert TRAP_TITLE in page.locator("table.events").inner_text()
    page.locator("table.events tr", has_text="window.__pwned=3").first.locator("a.context").click()
    page.wait_for_url(re.compile(r"/event\?"))
    assert '<img src=x onerror="window.__pwned=3">' in page.locator("article.text").inner_text()
    assert page.evaluate("window.__pwned") is None
