"""Survey results in the room: the tally table on the results page, enhanced by tally.js.

Without JavaScript the table is a printable tally sheet (also at the end of the answer key);
with it, the count cells become inputs, the chart is drawn, and the counts survive a reload
(localStorage, from file:// too), with no request outside the site and no script error.
"""

from __future__ import annotations

import re

from browser import chromium_page


def _watch(page, errors: list, outside: list) -> None:
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Material's own language selector asks for sitemap.xml, which Chromium refuses from file://;
    # that message is the theme's, on every page. Any other console error is a finding.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error"
            and "sitemap.xml" not in m.text
            and m.text != "Failed to load resource: net::ERR_FAILED"
            else None
        ),
    )
    page.on("request", lambda r: None if r.url.startswith("file:") else outside.append(r.url))


def _bars(page) -> dict[tuple[str, str], float]:
    rects = page.eval_on_selector_all(
        ".tally-chart svg rect",
        "els => els.map(e => [e.getAttribute('data-key'), e.getAttribute('class'), e.getAttribute('width')])",
    )
    return {(key, cls): float(width) for key, cls, width in rects}


def test_typed_tallies_draw_the_chart_and_survive_a_reload(mini_built):
    errors, outside = [], []
    with chromium_page() as page:
        _watch(page, errors, outside)
        page.goto((mini_built / "en" / "hasil-survei.html").as_uri())
        root = "#tally-quiz"
        assert page.locator(f"{root} input.tally-input").count() == 2 * (2 + 1)  # 2 items + sheets
        assert not page.is_visible(f"{root} td.tally-marks")
        assert _bars(page) == {}

        page.fill(f"{root}--respondents td.tally-pre input", "10")
        page.fill(f"{root}-q01 td.tally-pre input", "5")
        page.fill(f"{root}-q02 td.tally-pre input", "8")
        assert _bars(page) == {("q01", "bar-pre"): 270.0, ("q02", "bar-pre"): 432.0}
        assert page.inner_text(f"{root} .tally-avg-pre") == "65%"
        assert page.inner_text(f"{root} .tally-avg-post") == "–"

        page.fill(f"{root}--respondents td.tally-post input", "8")
        page.fill(f"{root}-q01 td.tally-post input", "8")
        assert _bars(page)[("q01", "bar-post")] == 540.0
        assert "100%" in page.inner_text(f"{root}-q01 td.tally-post")

        # A count above the number of sheets is marked, not drawn.
        page.fill(f"{root}-q02 td.tally-post input", "9")
        assert "tally-error" in page.get_attribute(f"{root}-q02 td.tally-post input", "class")
        assert page.is_visible(f"{root} .tally-warning")
        assert ("q02", "bar-post") not in _bars(page)
        page.fill(f"{root}-q02 td.tally-post input", "6")
        assert not page.is_visible(f"{root} .tally-warning")
        assert _bars(page)[("q02", "bar-post")] == 405.0

        # The record for data/results.yml.
        record = page.text_content(f"{root} .tally-yaml")
        assert "assessment: quiz" in record and "q02: {pre: 8, post: 6}" in record
        assert re.search(r"respondents:\n  pre: 10\n  post: 8\n", record)

        # Saved in this browser, the same counts in the other language's page.
        page.reload()
        assert page.input_value(f"{root}-q01 td.tally-pre input") == "5"
        page.goto((mini_built / "hasil-survei.html").as_uri())
        assert page.input_value(f"{root}-q02 td.tally-post input") == "6"
        assert _bars(page)[("q01", "bar-pre")] == 270.0

        # Print prints only the tally; the next click gives the whole page back to printing.
        page.click(f"{root} .tally-print")
        assert "tally-printing" in page.evaluate("document.documentElement.className")
        page.emulate_media(media="print")
        assert page.is_visible(f"{root} .tally-chart svg") and page.is_visible(f"{root} .tally-table")
        assert not page.is_visible("#tally") and not page.is_visible(f"{root} .tally-tools")
        page.emulate_media(media="screen")
        page.mouse.click(5, 5)
        assert "tally-printing" not in page.evaluate("document.documentElement.className")

        # Clearing takes two clicks and empties the saved counts too.
        page.click(f"{root} .tally-clear")
        assert page.input_value(f"{root}-q01 td.tally-pre input") == "5"
        page.click(f"{root} .tally-clear")
        assert page.input_value(f"{root}-q01 td.tally-pre input") == ""
        assert _bars(page) == {}
        page.reload()
        assert page.input_value(f"{root}-q01 td.tally-pre input") == ""
    assert errors == []
    assert outside == []


def test_without_javascript_the_tally_is_a_printable_sheet(mini_built):
    with chromium_page(java_script_enabled=False) as page:
        page.goto((mini_built / "hasil-survei.html").as_uri())
        assert page.locator("article input").count() == 0
        assert page.is_visible("#tally-quiz td.tally-marks")
        assert not page.is_visible("#tally-quiz .tally-tools")
        assert page.locator("#tally-quiz tr.tally-item").count() == 2
        page.goto((mini_built / "en" / "fasilitator" / "kunci-quiz.html").as_uri())
        assert page.locator("#tally-sheet").count() == 1
        assert page.locator(".tally-sheet tr.tally-item").count() == 2
        assert page.inner_text(".tally-sheet tr.tally-item .tally-answer >> nth=0") == "B"
