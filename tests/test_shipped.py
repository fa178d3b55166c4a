"""The shipped curriculum: complete, strict, every page type in both languages, sound PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from kurikulum import model as m
from kurikulum.site import SiteBuild, languages_from_config
from kurikulum.walk import participant_copy, texts
from sitekit import ROOT

A4 = (595.0, 842.0)
MODULES = [
    "opening",
    "concepts",
    "case-analysis",
    "legal-framework",
    "prevention-features",
    "survey-results",
    "field-visit",
    "disclosure-response",
    "account-security",
    "action-plan",
    "closing",
]
PARTICIPANT_PDFS = (
    "sesi-",
    "diskusi-",
    "lembar-",
    "tes-",
    "kartu-darurat",
    "session-",
    "discussion-",
    "worksheet-",
    "test-",
    "emergency-card",
)


def pdf_path(site: Path, lang: str, stem_id: str, stem_en: str) -> Path:
    """A PDF of the built site by its Indonesian and English file name."""
    return site / "unduhan" / lang / f"{stem_id if lang == 'id' else stem_en}.pdf"


@pytest.fixture(scope="module")
def shipped():
    build = SiteBuild(ROOT, languages_from_config(ROOT / "mkdocs.yml"), strict=True)
    build.check()
    return build


def test_shipped_content_passes_the_strict_check(shipped):
    assert shipped.report.as_text() == ""


def test_every_outline_element_has_its_module_in_programme_order(shipped):
    assert [mod.slug for mod in shipped.curriculum.sessions()] == MODULES


def test_content_volume_matches_the_brief(shipped):
    cur = shipped.curriculum
    assert len(cur.cases) >= 10 and len(cur.instruments) >= 10 and len(cur.terms) >= 30
    assert len(cur.assessments["pre-post-test"].items) >= 15
    assert {"legal-analysis", "action-plan", "visit-observation", "evaluation"} <= set(cur.worksheets)
    assert cur.programme.groups == 6 and cur.programme.participants / cur.programme.groups < 10
    group_cases = cur.modules["case-analysis"].group_work.cases
    assert len(group_cases) >= 2 * cur.programme.groups
    for form in cur.forms:
        assert any(form in case.forms for case in cur.cases.values()), form
    for slug in ["uu-tpks", "uu-ite", "kuhp-2023", "pp-tunas", "uu-sppa", "uu-pdp", "uu-opsc"]:
        assert slug in cur.instruments


MATERIALS = {
    "term-cards": "group",
    "account-security-cards": "participant",
    "reporting-card": "participant",
    "referral-poster": "room",
    "pair-practice-checklist": "pair",
}


def test_group_work_fits_the_time_and_the_programme_can_run(shipped):
    cur = shipped.curriculum
    work = cur.modules["case-analysis"].group_work
    assert len(work.roles) == 4 and work.extra_cases == 1 and len(work.report_back) <= 4
    for case in cur.cases.values():
        assert len(case.guiding_questions) <= 4, case.slug
    assert sum(b.minutes for b in cur.modules["opening"].agenda[:2]) >= 45
    assert any(b.method == "role-play" for m in cur.sessions() for b in m.agenda)
    for slug, per in MATERIALS.items():
        sheet = cur.worksheets[slug]
        assert (sheet.kind, sheet.per) == ("material", per), slug
        assert any(slug in m.worksheets for m in cur.sessions()), slug
    variant = next(v for v in cur.programme.variants if v.slug == "1-hari")
    assert len(variant.days) == 1 and {s.session for s in variant.days[0].items if s.session} <= set(
        cur.modules
    )


def test_every_text_is_in_both_languages(shipped):
    for entries in shipped.curriculum.loaded.values():
        for entry in entries:
            for path, value in texts(entry.item):
                assert {"id", "en"} <= set(value.root), (entry.doc.file, path)


def test_unverified_facts_say_what_to_confirm(shipped):
    cur = shipped.curriculum
    for item in [*cur.instruments.values(), *cur.contacts.contacts]:
        if item.confidence != "verified":
            assert item.confirm is not None, item.slug


def html_text(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", page, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1) if match else page))


def test_built_site_has_every_page_type_in_both_languages(shipped_built):
    pages = [
        "index.html",
        "hari/1.html",
        "hari/2.html",
        "hari/1-catatan.html",
        "kasus/index.html",
        "glosarium.html",
        "hukum.html",
        "rujukan.html",
        "cetak.html",
        "hasil-survei.html",
        "terjemahan.html",
        "safeguarding.html",
        "replication.html",
        "about.html",
        "peserta/diskusi-case-analysis.html",
        "peserta/tes-pre-post-test.html",
        "fasilitator/kunci-pre-post-test.html",
        "peserta/lembar-action-plan.html",
    ]
    pages += [f"sesi/{slug}.html" for slug in MODULES] + [f"peserta/sesi-{slug}.html" for slug in MODULES]
    for rel in pages:
        assert (shipped_built / rel).is_file(), rel
        assert (shipped_built / "en" / rel).is_file(), "en/" + rel


def test_day_one_clock_times(shipped_built):
    day = html_text(shipped_built / "en" / "hari" / "1.html")
    for expected in [
        "08:00–09:35",
        "09:35–09:50",
        "09:50–11:40",
        "11:40–12:40",
        "12:40–14:40",
        "14:40–14:55",
        "14:55–16:10",
        "16:10–17:25",
        "WIB",
    ]:
        assert expected in day, expected


def test_day_two_field_visit_runs_in_the_morning_before_the_closing(shipped_built):
    day = html_text(shipped_built / "en" / "hari" / "2.html")
    visit, closing = day.index("Field visit to the police"), day.index("Post-test, evaluation and closing")
    assert visit < closing and "09:00–11:45" in day and "16:30–17:30" in day


def pdf_text(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in pypdf.PdfReader(path).pages]


def test_pdfs_are_a4_with_titles_in_their_language(shipped_built):
    for lang, word in (("id", "Sesi"), ("en", "Session")):
        pdfs = sorted((shipped_built / "unduhan" / lang).glob("*.pdf"))
        assert len(pdfs) >= 20, lang
        for path in pdfs:
            reader = pypdf.PdfReader(path)
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842), path.name
            assert reader.metadata.title and reader.trailer["/Root"]["/Lang"] == lang
        handout = pdf_text(pdf_path(shipped_built, lang, "sesi-opening", "session-opening"))[0]
        assert ("Bahan bacaan peserta" if lang == "id" else "Participant handout") in handout
        runsheet = pdf_text(pdf_path(shipped_built, lang, "hari-1", "day-1"))[0]
        assert word in runsheet


def test_each_discussion_sheet_starts_a_new_page(shipped_built):
    for lang, word in (("id", "Kelompok"), ("en", "Group")):
        pages = pdf_text(pdf_path(shipped_built, lang, "diskusi-case-analysis", "discussion-case-analysis"))
        for group in range(1, 7):
            starts = [i for i, text in enumerate(pages) if re.search(rf"(^|\s){word} {group}\s", text[:300])]
            assert starts, (lang, group)
        first_pages = [
            next(i for i, t in enumerate(pages) if re.search(rf"(^|\s){word} {g}\s", t[:300]))
            for g in range(1, 7)
        ]
        assert len(set(first_pages)) == 6 and first_pages == sorted(first_pages)


def _words(text: str) -> list[str]:
    return re.sub(r"[*_`#>\[\]()]", " ", text).split()


def facilitator_snippets(shipped) -> list[str]:
    """Opening words of every facilitator-only text, except phrases that participant fields
    share on purpose (such as the rule "report the link, never download")."""
    snippets, public = [], []
    for entries in shipped.curriculum.loaded.values():
        for entry in entries:
            snippets += _facilitator_texts(entry.item)
            for _, value in texts(participant_copy(entry.item)):
                public += [" ".join(_words(t)) for t in value.root.values()]
    shared = " | ".join(public)
    return [s for s in snippets if s not in shared]


def _facilitator_texts(item) -> list[str]:
    out = []
    if isinstance(item, list):
        for child in item:
            out += _facilitator_texts(child)
        return out
    if not isinstance(item, m.Strict):
        return out
    for name, info in type(item).model_fields.items():
        value = getattr(item, name)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        if extra.get("facilitator_only"):
            for _, text in texts(value):
                for lang_text in text.root.values():
                    words = _words(lang_text)
                    if len(words) >= 8:
                        out.append(" ".join(words[:8]))
        else:
            out += _facilitator_texts(value)
    return out


def test_no_facilitator_text_in_participant_pdfs_or_pages(shipped, shipped_built):
    snippets = facilitator_snippets(shipped)
    assert len(snippets) > 100
    for lang in ("id", "en"):
        for path in sorted((shipped_built / "unduhan" / lang).glob("*.pdf")):
            if not path.name.startswith(PARTICIPANT_PDFS):
                continue
            text = " ".join(pdf_text(path))
            leaked = [s for s in snippets if s in text]
            assert not leaked, (path.name, leaked[:3])
        base = shipped_built if lang == "id" else shipped_built / "en"
        for page in sorted((base / "peserta").glob("*.html")):
            text = html_text(page)
            leaked = [s for s in snippets if s in text]
            assert not leaked, (page.name, leaked[:3])


def test_materials_and_the_one_day_programme_are_in_the_print_pack(shipped_built):
    import zipfile

    for lang in ("id", "en"):
        names = zipfile.ZipFile(shipped_built / "unduhan" / f"paket-cetak-{lang}.zip").namelist()
        sheet = "lembar" if lang == "id" else "worksheet"
        stems = [f"peserta/{sheet}-{slug}" for slug in MATERIALS]
        stems += [f"fasilitator/{sheet}-disclosure-role-play"]
        stems += ["fasilitator/program-1-hari" if lang == "id" else "fasilitator/programme-1-day"]
        for stem in stems:
            assert f"paket-cetak-{lang}/{stem}.pdf" in names, (lang, stem)
        poster = pdf_path(shipped_built, lang, "lembar-referral-poster", "worksheet-referral-poster")
        assert len(pypdf.PdfReader(poster).pages) == 1, lang
    sheets = " ".join(pdf_text(shipped_built / "unduhan" / "en" / "discussion-case-analysis.pdf"))
    assert "(optional)" in sheets and "Legal questions: for the legal-framework session" in sheets
    assert "unsur pasal" not in " ".join(
        pdf_text(shipped_built / "unduhan" / "id" / "diskusi-case-analysis.pdf")
    )


def test_print_pack_and_offline_archive(shipped_built):
    import zipfile

    for lang in ("id", "en"):
        names = zipfile.ZipFile(shipped_built / "unduhan" / f"paket-cetak-{lang}.zip").namelist()
        handbook = "buku-panduan" if lang == "id" else "handbook"
        assert f"paket-cetak-{lang}/fasilitator/{handbook}.pdf" in names and len(names) >= 20
    names = zipfile.ZipFile(shipped_built / "unduhan" / "situs-offline.zip").namelist()
    assert "situs/index.html" in names and "situs/en/index.html" in names
