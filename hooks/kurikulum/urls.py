"""Where each generated page lives (source URIs, the same in every language)."""

from __future__ import annotations

import posixpath

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


def relative(from_uri: str, to_uri: str) -> str:
    """A Markdown link from one source page to another (MkDocs turns it into the right URL)."""
    anchor = ""
    if "#" in to_uri:
        to_uri, anchor = to_uri.split("#", 1)
        anchor = "#" + anchor
    if not to_uri:
        return anchor
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".") + anchor


def variant(slug: str) -> str:
    """The page of a programme variant, e.g. the 1-day version."""
    return f"program-{slug}.md"
