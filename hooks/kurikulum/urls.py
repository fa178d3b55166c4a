"""Where each generated page lives (source URIs, the same in every language)."""

from __future__ import annotations

import functools
import posixpath
import re

HOME = "index.md"
CASES = "kasus/index.md"
GLOSSARY = "glosarium.md"
LEGAL = "hukum.md"
REFERRAL = "rujukan.md"
RESULTS = "hasil-survei.md"
PRINTING = "cetak.md"
TRANSLATIONS = "terjemahan.md"
CHECKLIST = "daftar-isian.md"
HANDBOOK = "fasilitator/buku-panduan.md"
CARD = "kartu-darurat.md"
SAFEGUARDING = "safeguarding.md"
REPLICATION = "replication.md"
ABOUT = "about.md"
TODAY = "hari-ini.md"


def day(number: int) -> str:
    return f"hari/{number}.md"


def day_notes(number: int) -> str:
    return f"hari/{number}-catatan.md"


def module(slug: str) -> str:
    return f"sesi/{slug}.md"


def case(slug: str) -> str:
    return f"kasus/{slug}.md"


def handout(slug: str) -> str:
    return f"peserta/sesi-{slug}.md"


def sheets(slug: str) -> str:
    return f"peserta/diskusi-{slug}.md"


def worksheet(slug: str) -> str:
    return f"peserta/lembar-{slug}.md"


def test(slug: str) -> str:
    return f"peserta/tes-{slug}.md"


def answer_key(slug: str) -> str:
    return f"fasilitator/kunci-{slug}.md"


def pdf_stem(uri: str) -> str:
    """The PDF file name (without .pdf) of a printable page: its last path part."""
    stem = posixpath.basename(uri).removesuffix(".md")
    return f"hari-{stem}" if uri.startswith("hari/") else stem


_KINDS = (
    (re.compile(r"^hari/(\d+)-catatan\.md$"), "day-notes"),
    (re.compile(r"^hari/(\d+)\.md$"), "day"),
    (re.compile(r"^peserta/sesi-(.+)\.md$"), "handout"),
    (re.compile(r"^peserta/diskusi-(.+)\.md$"), "sheets"),
    (re.compile(r"^peserta/lembar-(.+)\.md$"), "worksheet"),
    (re.compile(r"^peserta/tes-(.+)\.md$"), "test"),
    (re.compile(r"^fasilitator/kunci-(.+)\.md$"), "answer-key"),
    (re.compile(r"^program-(.+)\.md$"), "variant"),
    (re.compile(r"^(fasilitator/buku-panduan)\.md$"), "handbook"),
    (re.compile(r"^(rujukan)\.md$"), "referral"),
    (re.compile(r"^(kartu-darurat)\.md$"), "card"),
)


def pdf_kind(uri: str) -> tuple[str, str] | None:
    """(kind, slug or day number) of a printable page, e.g. ``("day-notes", "2")``."""
    for pattern, kind in _KINDS:
        match = pattern.match(uri)
        if match:
            return kind, match.group(1)
    return None


def pdf_file(uri: str, patterns: dict[str, str]) -> str:
    """The PDF file name (without .pdf) of a printable page in one language.

    ``patterns`` maps a kind (``day``, ``day-notes``, ``handout``, ``sheets``, ``worksheet``,
    ``test``, ``answer-key``, ``variant``, ``handbook``, ``referral``, ``card``) to a name with
    ``{n}`` (a day's number) or ``{slug}``: the ``files:`` table of ``data/ui.yml`` in the
    page's language (``day-{n}-notes``, ``worksheet-{slug}``). A kind without a pattern keeps the
    Indonesian name (:func:`pdf_stem`). A slug that already says what the pattern adds is not
    said twice: ``test-{slug}`` with ``pre-post-test`` gives ``test-pre-post``.
    """
    found = pdf_kind(uri)
    pattern = patterns.get(found[0]) if found else None
    if not pattern:
        return pdf_stem(uri)
    kind, value = found
    if "{slug}" in pattern:
        word = pattern.replace("{slug}", "").strip("-")
        if word and value.endswith("-" + word):
            value = value.removesuffix("-" + word)
        elif word and value.startswith(word + "-"):
            value = value.removeprefix(word + "-")
    return pattern.replace("{n}", value).replace("{slug}", value)


def relative(from_uri: str, to_uri: str) -> str:
    """A Markdown link from one source page to another (MkDocs turns it into the right URL)."""
    anchor = ""
    if "#" in to_uri:
        to_uri, anchor = to_uri.split("#", 1)
        anchor = "#" + anchor
    if not to_uri:
        return anchor
    return _relpath(to_uri, posixpath.dirname(from_uri) or ".") + anchor


@functools.lru_cache(maxsize=65536)
def _relpath(to_uri: str, start: str) -> str:
    """``posixpath.relpath``, remembered: pages link to the same few hundred pages again and again."""
    return posixpath.relpath(to_uri, start)


def variant(slug: str) -> str:
    """The page of a programme variant, e.g. the 1-day version."""
    return f"program-{slug}.md"
