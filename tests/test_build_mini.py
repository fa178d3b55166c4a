"""`mkdocs build --strict` of the tiny bilingual fixture: pages, languages, switcher, clock times."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sitekit import make_site, mkdocs_build
from test_errors_golden import broken_copy

EXPECTED_PAGES = [
    "index.html",
    "hari/1.html",
    "hari/1-catatan.html",
    "sesi/intro.html",
    "sesi/cases.html",
    "kasus/index.html",
    "kasus/case-a.html",
    "glosarium.html",
    "hukum.html",
    "rujukan.html",
    "peserta/sesi-intro.html",
    "peserta/diskusi-cases.html",
    "peserta/lembar-agreement.html",
    "peserta/tes-quiz.html",
    "fasilitator/kunci-quiz.html",
    "hasil-survei.html",
    "cetak.html",
    "terjemahan.html",
    "fasilitator/buku-panduan.html",
    "safeguarding.html",
]


def html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def text(site: Path, rel: str) -> str:
    """The visible text of the page's main article (not the navigation or table of contents)."""
    page = html(site, rel)
    match = re.search(r"<article[^>]*>(.*?)</article>", page, re.S)
    body = match.group(1) if match else page
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).replace("&amp;", "&")


def test_every_page_type_exists_in_both_languages(mini_built):
    for rel in EXPECTED_PAGES:
        assert (mini_built / rel).is_file(), rel
        assert (mini_built / "en" / rel).is_file(), "en/" + rel


def test_html_lang_and_content_language(mini_built):
    assert '<html lang="id"' in html(mini_built, "sesi/intro.html")
    assert '<html lang="en"' in html(mini_built, "en/sesi/intro.html")
    assert "Sesi 1: Pembukaan" in text(mini_built, "sesi/intro.html")
    assert "Session 1: Opening" in text(mini_built, "en/sesi/intro.html")


def test_language_switcher_lands_on_the_same_page(mini_built):
    page = html(mini_built, "en/kasus/case-a.html")
    assert 'href="../../kasus/case-a.html" hreflang="id"' in page
    assert 'href="case-a.html" hreflang="en"' in page
    page = html(mini_built, "kasus/case-a.html")
    assert 'href="../en/kasus/case-a.html" hreflang="en"' in page


def test_agenda_clock_times_include_breaks_and_time_zone(mini_built):
    day = text(mini_built, "en/hari/1.html")
    # 08:30 start; intro 45 min (15 + 30); coffee 15; cases 60 (40 + 20).
    for expected in [
        "08:30–09:15",
        "08:30–08:45",
        "08:45–09:15",
        "09:15–09:30",
        "Coffee break",
        "09:30–10:30",
        "09:30–10:10",
        "10:10–10:30",
        "WITA",
    ]:
        assert expected in day, expected
    assert "Day 1, 09:30–10:30 WITA · 60 minutes" in text(mini_built, "en/sesi/cases.html")


def test_sitemap_lists_both_languages(mini_built):
    sitemap = html(mini_built, "sitemap.xml")
    assert "sesi/intro.html" in sitemap and "en/sesi/intro.html" in sitemap


def test_facilitator_blocks_are_marked_on_handbook_pages(mini_built):
    page = html(mini_built, "en/sesi/intro.html")
    assert 'class="admonition facilitator"' in page
    assert "NOTE-EN-1" in page and "FACILITATOR-SECRET-INTRO" in page


def test_participant_pages_have_no_facilitator_text(mini_built):
    secrets = [
        "NOTE-EN-1",
        "NOTE-ID-1",
        "FACILITATOR-SECRET-INTRO",
        "RAHASIA-FASILITATOR-INTRO",
        "CASE-NOTE-a",
        "CASE-NOTE-b",
        "ANSWER-KEY-Q01",
        "KUNCI-Q01",
        "Have a support person",
    ]
    for rel in [
        "peserta/sesi-intro.html",
        "peserta/sesi-cases.html",
        "peserta/diskusi-cases.html",
        "peserta/lembar-agreement.html",
        "peserta/tes-quiz.html",
    ]:
        for lang_rel in (rel, "en/" + rel):
            page = html(mini_built, lang_rel)
            leaked = [s for s in secrets if s in page]
            assert not leaked, (lang_rel, leaked)
    assert "ANSWER-KEY-Q01" in html(mini_built, "en/fasilitator/kunci-quiz.html")


def test_discussion_sheets_one_per_group_with_stable_assignment(mini_built):
    page = text(mini_built, "en/peserta/diskusi-cases.html")
    # 3 groups, 2 cases, round-robin: group 1 -> a, group 2 -> b, group 3 -> a (shared).
    groups = re.split(r"Group (?=\d )", page)[1:]
    assert [g[0] for g in groups] == ["1", "2", "3"]
    # Each group's first case is its main case; the legal questions are kept for the legal session.
    assert ["main case: Case a" in g for g in groups] == [True, False, True]
    assert ["main case: Case b" in g for g in groups] == [False, True, False]
    assert all("Legal questions: for the legal-framework session" in g for g in groups)
    assert html(mini_built, "en/peserta/diskusi-cases.html").count('class="sheet') == 3


def test_glossary_links_and_guidance(mini_built):
    assert 'href="../glosarium.html#term-csam"' in html(mini_built, "en/sesi/intro.html")
    glossary = html(mini_built, "en/glosarium.html")
    assert 'id="term-child-porn"' in glossary and "guidance-avoid" in glossary


def test_fallback_page_shows_not_translated_notice(tmp_path):
    site = make_site(broken_copy("missing-translation", tmp_path / "src"), tmp_path / "site-src")
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    page = text(site / "site", "en/sesi/cases.html")
    assert "Not yet translated" in page and "Diskusi kelompok" in page
    assert "Not yet translated" not in text(site / "site", "en/sesi/intro.html")
    strict = mkdocs_build(site, "--strict")
    assert strict.returncode != 0


def test_broken_content_fails_mkdocs_build_without_traceback(tmp_path):
    site = make_site(broken_copy("bad-reference", tmp_path / "src"), tmp_path / "site-src")
    done = mkdocs_build(site)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert (
        "modules/intro.yml:24:9: error: terms[1] (the 1st term in terms): unknown term `csma`" in done.stderr
    )
    assert "did you mean `csam`?" in done.stderr


def test_build_never_writes_into_docs(tmp_path):
    site = make_site("mini", tmp_path)
    before = sorted(p.relative_to(site / "docs") for p in (site / "docs").rglob("*"))
    assert mkdocs_build(site, "--strict").returncode == 0
    after = sorted(p.relative_to(site / "docs") for p in (site / "docs").rglob("*"))
    assert before == after
    shutil.rmtree(site / "site")


def test_a_third_language_is_configuration_plus_text(tmp_path):
    site = make_site("mini", tmp_path)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "          copyright: An open curriculum for child-protection organisations and PATBM groups\n"
    config = config.replace(
        anchor, anchor + "        - locale: jv\n          name: Basa Jawa\n          build: true\n"
    )
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "missing `jv` text" in done.stderr
    page = html(site / "site", "jv/sesi/intro.html")
    assert '<html lang="jv"' in page and 'hreflang="jv"' in page
    assert "Belum diterjemahkan" in text(site / "site", "jv/sesi/intro.html")
    assert mkdocs_build(site, "--strict").returncode != 0
