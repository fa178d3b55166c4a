"""Helpers for the search tests and scripts/bench_search.py: the word-family list, the pages
where each family occurs in a built site, and the site's own search run in Chromium."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
from kurikulum.search import INDEX_DIR, fold, read_index, tokens

FAMILIES = Path(__file__).parent / "search" / "word_families.tsv"


@dataclass
class Family:
    root: str
    forms: list[str]
    pattern: re.Pattern
    listed_pages: list[str]

    def occurs_in(self, words: set[str]) -> bool:
        return any(self.pattern.fullmatch(w) for w in words)


def families(path: Path = FAMILIES) -> list[Family]:
    """The list: root, inflected forms (space-separated), a regular expression that a word of the
    family matches entirely (independent of any stemmer), the pages where it occurred when the
    list was written (informative; the tests look again in the site they built)."""
    out = []
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if not row:
                continue
            root, forms, pattern, pages = (row + [""] * 4)[:4]
            out.append(Family(root, forms.split(), re.compile(pattern), pages.split()))
    return out


def page_words(site: Path, lang: str) -> dict[str, set[str]]:
    """The words (folded tokens and their hyphen parts) of each page in the search index of
    ``lang``, by the page's address."""
    data = read_index(site / INDEX_DIR / f"{lang}.js")
    out = {}
    for url, _title in data["pages"]:
        root = lxml.html.document_fromstring((site / url).read_bytes())
        text = " ".join(a.text_content() for a in root.xpath("//article"))
        words = set(tokens(text))
        words |= {part for w in words if "-" in w for part in w.split("-")}
        out[url] = words
    return out


def expected_pages(family: Family, words: dict[str, set[str]]) -> set[str]:
    return {url for url, found in words.items() if family.occurs_in(found)}


def vocabulary(words: dict[str, set[str]]) -> set[str]:
    return set().union(*words.values()) if words else set()


def search_in_page(page, query: str) -> list[dict]:
    """Results of the site's search for ``query`` (one entry per page), in the language of the
    page open in ``page``; loads the index first if needed."""
    return page.evaluate(
        "async (q) => { await window.kurikulumSearch.ensure();"
        " const lang = document.getElementById('site-search').dataset.lang;"
        " return window.kurikulumSearch.search(q, lang); }",
        query,
    )


def recall(page, fams: list[Family], words: dict[str, set[str]]) -> tuple[float, list[tuple]]:
    """Mean share, over every form of every family, of the family's pages that the search for
    that form returns; with the (family, form, found, expected) of each form."""
    rows = []
    for family in fams:
        expected = expected_pages(family, words)
        if not expected:
            continue
        for form in family.forms:
            found = {hit["page"] for hit in search_in_page(page, form)}
            rows.append((family.root, form, len(found & expected), len(expected)))
    score = sum(hit / total for _, _, hit, total in rows) / len(rows) if rows else 0.0
    return score, rows


__all__ = ["Family", "families", "fold", "page_words", "expected_pages", "recall", "search_in_page"]
