"""Print for the room: type a print shop can run, questions kept whole, forms a pen can fill.

Measured on the session's build of the shipped curriculum (``shipped_built``):

- every PDF: text in the page body at least 9 pt, most of it at least 10 pt, running headers and
  footers at least 8 pt (pypdf gives each piece of text its font size and matrices; the size on
  paper is the font size times the vertical scale of text matrix x current matrix);
- the pre/post test, both languages: each question and all of its options on one PDF page, a
  capital letter before each option and nothing else to tick;
- the printable pages' HTML: no block element inside a paragraph;
- worksheets in Chromium's print media: rows at least 12 mm high, columns at least 18 mm wide,
  writing lines at least 8 mm apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from kurikulum.writespace import percentages

MM = 72 / 25.4  # PDF points per millimetre
MARGIN_MM = 18  # print.css: @page margin, top and bottom
BODY_MIN, BULK_MIN, MARGIN_MIN = 9, 10, 8
TOLERANCE = 0.05  # Chromium writes 10.5 pt as 10.4999...


def _multiply(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def text_sizes(path: Path) -> list[tuple[int, float, bool, str]]:
    """(page, size in pt on paper, in the page body?, text) for every piece of text of a PDF."""
    out = []
    for number, page in enumerate(pypdf.PdfReader(path).pages):
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font, size, number=number, height=height):
            if not text.strip():
                return
            matrix = _multiply(tm, cm)
            scale = (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5
            y = matrix[5]
            body = MARGIN_MM * MM < y < height - MARGIN_MM * MM
            out.append((number + 1, size * scale, body, text.strip()))

        page.extract_text(visitor_text=visit)
    return out


@pytest.fixture(scope="module")
def pdfs(shipped_built) -> list[Path]:
    found = sorted((shipped_built / "unduhan").rglob("*.pdf"))
    assert len(found) >= 40
    return found


@pytest.fixture(scope="module")
def sizes(pdfs) -> dict[Path, list]:
    return {path: text_sizes(path) for path in pdfs}


def test_no_text_below_9_pt_in_any_pdf_body(sizes):
    small = {}
    for path, pieces in sizes.items():
        found = [
            (page, round(size, 2), text[:40])
            for page, size, body, text in pieces
            if body and size < BODY_MIN - TOLERANCE
        ]
        if found:
            small[path.name] = found[:3]
    assert not small, small


def test_most_body_text_is_at_least_10_pt(sizes):
    for path, pieces in sizes.items():
        chars = Counter()
        for _, size, body, text in pieces:
            if body:
                chars[size >= BULK_MIN - TOLERANCE] += len(text)
        assert chars[True] + chars[False] > 100, path.name
        share = chars[True] / (chars[True] + chars[False])
        assert share >= 0.85, (path.name, round(share, 2))


def test_running_headers_and_footers_are_at_least_8_pt(sizes):
    for path, pieces in sizes.items():
        margins = [(page, size, text) for page, size, body, text in pieces if not body]
        assert margins, f"{path.name}: no page header or footer found"
        assert min(size for _, size, _ in margins) >= MARGIN_MIN - TOLERANCE, path.name


# --- the pre/post test ------------------------------------------------------------------------


class _Items(HTMLParser):
    """Questions and options of a test page (``.test-item`` blocks), and its PDF link."""

    def __init__(self):
        super().__init__()
        self.items: list[dict] = []
        self.pdf = None
        self._field = None
        self._depth = 0
        self._in_options = False  # only an item's own option list counts (not a later list)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and "download" in attrs and (attrs.get("href") or "").endswith(".pdf"):
            self.pdf = attrs["href"]
        if "test-item" in classes:
            self.items.append({"question": "", "options": [], "letters": []})
        elif "test-question" in classes:
            self._field = "question"
        elif tag == "ol" and "test-options" in classes:
            self._in_options = True
        elif tag == "li" and self.items and self._in_options and self._field in ("option", None, "letter"):
            self.items[-1]["options"].append("")
            self._field = "option"
        elif "test-letter" in classes:
            self.items[-1]["letters"].append("")
            self._field = "letter"

    def handle_endtag(self, tag):
        if tag == "p" and self._field == "question":
            self._field = None
        elif tag == "span" and self._field == "letter":
            self._field = "option"
        elif tag in ("li", "ol"):
            self._field = None
            if tag == "ol":
                self._in_options = False

    def handle_data(self, data):
        if not self.items or self._field is None:
            return
        item = self.items[-1]
        if self._field == "question":
            item["question"] += data
        elif self._field == "letter":
            item["letters"][-1] += data
        elif self._field == "option":
            item["options"][-1] += data


def _squash(text: str) -> str:
    """Text without white space, ligatures undone (Chromium prints "fi" as one glyph)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _test_pages(shipped_built) -> list[Path]:
    return sorted(shipped_built.glob("peserta/tes-*.html")) + sorted(
        shipped_built.glob("en/peserta/tes-*.html")
    )


def _read_test(page: Path) -> _Items:
    parser = _Items()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.items, page
    assert parser.pdf, f"{page}: no PDF download link"
    return parser


def test_the_test_has_one_way_to_answer_a_capital_letter(shipped_built):
    pages = _test_pages(shipped_built)
    assert len(pages) >= 2
    for page in pages:
        parsed = _read_test(page)
        for number, item in enumerate(parsed.items, 1):
            assert len(item["options"]) >= 2, (page.name, number)
            assert item["letters"] == list("ABCDEF"[: len(item["options"])]), (page.name, number)
        html = page.read_text(encoding="utf-8")
        body = html[html.index('class="test-item"') :]
        assert "☐" not in body and "□" not in body, page
        assert not re.search(r'<ol class="test-options"[^>]*>\s*<li>(?!<span class="test-letter">)', body)
        pdf = (page.parent / parsed.pdf).resolve()
        text = " ".join(p.extract_text() or "" for p in pypdf.PdfReader(pdf).pages)
        assert "☐" not in text and "•" not in text, pdf.name


def test_every_test_question_is_on_one_page_with_all_of_its_options(shipped_built):
    for page in _test_pages(shipped_built):
        parsed = _read_test(page)
        pdf = (page.parent / parsed.pdf).resolve()
        pages = [_squash(p.extract_text() or "") for p in pypdf.PdfReader(pdf).pages]
        on_page = []
        for number, item in enumerate(parsed.items, 1):
            stem = _squash(f"{number}. {item['question'].split(' ', 1)[1]}")
            where = [i for i, text in enumerate(pages) if stem in text]
            assert len(where) == 1, (pdf.name, number, "stem not found whole on one page")
            text = pages[where[0]]
            at = text.index(stem) + len(stem)
            for letter, option in zip(item["letters"], item["options"], strict=True):
                wanted = _squash(letter + option)
                found = text.find(wanted, at)
                assert found >= 0, (
                    pdf.name,
                    f"question {number}: option {letter} not on page {where[0] + 1}",
                )
                at = found + len(wanted)
            on_page.append(where[0])
        last = len(pages) - 1
        assert on_page.count(last) >= 3 or len(set(on_page)) == 1, (pdf.name, "last page holds 1-2 questions")


# --- valid HTML: no block inside a paragraph ----------------------------------------------------

BLOCKS = {
    *("address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt"),
    *("fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6"),
    *("header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "ul"),
}


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.open_p = 0
        self.empty = False
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.empty = tag == "p"
        if self.open_p and tag in BLOCKS:
            self.errors.append(f"<{tag}> inside <p> at line {self.getpos()[0]}")
            self.open_p = 0  # a browser closes the paragraph here
        if tag == "p":
            self.open_p = 1

    def handle_data(self, data):
        if data.strip():
            self.empty = False

    def handle_endtag(self, tag):
        if tag == "p":
            if not self.open_p:
                self.errors.append(f"</p> with no open <p> at line {self.getpos()[0]}")
            elif self.empty:
                # what an HTML parser (the sanitiser's) leaves of <p><div>...</div></p>
                self.errors.append(f"empty <p></p> at line {self.getpos()[0]}")
            self.open_p = 0
        elif tag in BLOCKS and tag != "p":
            self.open_p = 0


def printable_pages(site: Path) -> list[Path]:
    return [
        page
        for page in sorted(site.rglob("*.html"))
        if "print-actions" in page.read_text(encoding="utf-8") and "search" not in page.parts
    ]


def test_printable_pages_have_no_block_inside_a_paragraph(shipped_built):
    pages = printable_pages(shipped_built)
    assert len(pages) >= 40
    bad = {}
    for page in [*pages, shipped_built / "index.html", *sorted((shipped_built / "kasus").glob("*.html"))]:
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<article\b.*?</article>", html, re.S)
        parser = _Paragraphs()
        parser.feed(article.group(0) if article else html)
        if parser.errors:
            bad[page.relative_to(shipped_built).as_posix()] = parser.errors[:3]
    assert not bad, bad


def test_no_literal_markdown_escapes_in_page_text(shipped_built):
    """A plain text escaped for Markdown and then put into raw HTML shows its backslashes
    (the chart caption once read "\\(nomor butir ...\\)\\.")."""
    for page in [
        shipped_built / "hasil-survei.html",
        shipped_built / "en" / "hasil-survei.html",
        *printable_pages(shipped_built),
    ]:
        html = page.read_text(encoding="utf-8")
        article = re.search(r"<article\b.*?</article>", html, re.S).group(0)
        text = re.sub(r"<(pre|code)\b.*?</\1>", "", article, flags=re.S)
        text = re.sub(r"<[^>]+>", " ", text)
        assert not re.search(r"\\[\\`*_{}\[\]()#+\-.!|~>]", text), page


def test_key_value_facts_have_no_empty_header_row(shipped_built):
    pages = [shipped_built / "index.html", shipped_built / "en" / "index.html"]
    pages += sorted((shipped_built / "kasus").glob("*.html")) + sorted(
        (shipped_built / "en" / "kasus").glob("*.html")
    )
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<thead>\s*<tr>\s*(<th>\s*</th>\s*)+</tr>", html), page
    home = (shipped_built / "en" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="facts">\s*<dl>\s*<dt>Organiser</dt>\s*<dd>', home)


# --- forms for handwriting, measured in Chromium's print layout ------------------------------------


def test_column_shares_become_whole_percentages():
    assert percentages([4, 1, 5]) == [40, 10, 50]
    assert sum(percentages([1, 1, 1])) == 100
    assert percentages([2, 4, 2, 2, 2, 2, 3]) == [12, 23, 12, 12, 12, 12, 17]
    assert all(p >= 1 for p in percentages([12] + [1] * 11)) and sum(percentages([12] + [1] * 11)) == 100


def test_worksheet_rows_columns_and_lines_leave_room_to_write(shipped_built):
    from browser import chromium_page

    px_per_mm = 96 / 25.4
    sheets = sorted(shipped_built.glob("peserta/lembar-*.html")) + sorted(
        shipped_built.glob("en/peserta/lembar-*.html")
    )
    sheets += sorted(shipped_built.glob("peserta/diskusi-*.html"))[:1]
    assert len(sheets) >= 10
    measured = {"rows": 0, "lines": 0}
    # The A4 page less print.css's 15 mm side margins.
    with chromium_page(
        java_script_enabled=False, viewport={"width": round(180 * px_per_mm), "height": 1000}
    ) as page:
        page.emulate_media(media="print")
        for sheet in sheets:
            page.goto(sheet.as_uri())
            found = page.evaluate(
                """() => ({
                  rows: [...document.querySelectorAll('table.write-table tbody tr')]
                    .map(r => r.getBoundingClientRect().height),
                  cols: [...document.querySelectorAll('table.write-table:not(.scale) thead th')]
                    .map(c => [c.textContent.trim(), c.getBoundingClientRect().width]),
                  tables: [...document.querySelectorAll('table.write-table')]
                    .map(t => [t.getBoundingClientRect().width, t.parentElement.getBoundingClientRect().width]),
                  lines: [...document.querySelectorAll('.write-line')]
                    .map(l => l.getBoundingClientRect().height),
                })"""
            )
            name = sheet.relative_to(shipped_built).as_posix()
            for height in found["rows"]:
                assert height / px_per_mm >= 12 - 0.1, (name, "row", round(height / px_per_mm, 1))
            for text, width in found["cols"]:
                assert width / px_per_mm >= 18, (name, text, round(width / px_per_mm, 1))
            for width, room in found["tables"]:
                assert width <= room + 1, (name, "table wider than the page")
            for height in found["lines"]:
                assert height / px_per_mm >= 8 - 0.1, (name, "line", round(height / px_per_mm, 1))
            measured["rows"] += len(found["rows"])
            measured["lines"] += len(found["lines"])
    assert measured["rows"] >= 40 and measured["lines"] >= 100, measured
