"""The terminology check: avoided words in running text are warnings at their file and line."""

from __future__ import annotations

import pytest
from kurikulum.site import SiteBuild
from kurikulum.terminology import Rule, _word_pattern, exempt_mask, findings, page_language
from sitekit import make_site

GLOSSARY_TERMS = """
  - slug: daring
    term: {id: Daring, en: Online}
    definition: {id: Lewat internet., en: Over the internet.}
    prefer: {id: [daring]}
    avoid: {id: [online]}
  - slug: tangkapan-layar
    term: {id: Tangkapan layar, en: Screenshot}
    definition: {id: Gambar layar., en: An image of the screen.}
    prefer: {id: [tangkapan layar]}
    avoid: {id: [screenshot]}
"""
LEGAL_AVOID = """    avoid:
      id: [pornografi anak]
      en: [child pornography]
"""


def site_with_rules(tmp_path):
    """The mini fixture with house-style rules and the Luxembourg "avoid" words in its glossary."""
    site = make_site("mini", tmp_path)
    glossary = site / "data/glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace("    use_instead: [csam]\n", "    use_instead: [csam]\n" + LEGAL_AVOID, 1)
    glossary.write_text(text.rstrip("\n") + "\n" + GLOSSARY_TERMS, encoding="utf-8")
    return site


def set_reading(site, indonesian: str, english: str = "A short reading.") -> int:
    """Give the intro module a block-scalar reading; returns the line of its first text line."""
    module = site / "modules/intro.yml"
    text = module.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("reading:"))
    block = "reading:\n  id: |\n" + "".join(f"    {line}\n" for line in indonesian.split("\n"))
    block += f"  en: {english!r}\n"
    module.write_text(text.replace(old + "\n", block), encoding="utf-8")
    return text.splitlines().index(old) + 3


def terminology(site, *files: str):
    """Terminology problems, only in ``files`` if given (the fixture's quiz quotes the old term)."""
    found = [p for p in SiteBuild(site, ["id", "en"]).check().problems if p.code == "terminology"]
    return [p for p in found if not files or p.file in files]


def test_avoided_word_is_a_warning_at_its_line_naming_the_preferred_word(tmp_path):
    site = site_with_rules(tmp_path)
    first = set_reading(site, "Baris pertama.\nAnak bermain gim secara *online* setiap malam.")
    found = terminology(site, "modules/intro.yml")
    assert [(p.file, p.line, p.path, p.severity) for p in found] == [
        ("modules/intro.yml", first + 1, "reading.id", "warning")
    ]
    assert "“online”" in found[0].message and "“daring”" in found[0].message
    assert "glossary: `daring`" in found[0].hint


def test_strict_turns_the_warning_into_a_failure(tmp_path):
    site = site_with_rules(tmp_path)
    set_reading(site, "Simpan screenshot percakapan.")
    build = SiteBuild(site, ["id", "en"], strict=True)
    report = build.check()
    assert [p.code for p in report.errors(strict=True)] == ["terminology"] * len(report.errors(strict=True))
    assert not report.failed() and report.failed(strict=True)
    assert not build.ok


def test_gloss_in_parentheses_after_the_preferred_word_passes(tmp_path):
    site = site_with_rules(tmp_path)
    set_reading(site, "Ambil tangkapan layar (*screenshot*) teks percakapan.\nGim daring (online) juga.")
    assert terminology(site, "modules/intro.yml") == []


def test_avoided_word_not_right_after_the_preferred_word_is_reported(tmp_path):
    site = site_with_rules(tmp_path)
    set_reading(site, "Ambil tangkapan layar. Kata lain untuknya (screenshot) juga dipakai.")
    assert [p.message.split(" in ")[0] for p in terminology(site, "modules/intro.yml")] == ["“screenshot”"]


def test_legal_quotation_in_quotation_marks_passes_and_law_names_are_exempt(tmp_path):
    site = site_with_rules(tmp_path)
    legal = site / "data/legal.yml"
    text = legal.read_text(encoding="utf-8")
    text = text.replace(
        "summary: {id: Mengatur KSBE., en:", 'summary: {id: "Pasal 4 memakai “pornografi anak”.", en:', 1
    )
    text = text.replace(
        "title: {id: Tindak Pidana Kekerasan Seksual,", "title: {id: Larangan Pornografi Anak,", 1
    )
    legal.write_text(text, encoding="utf-8")
    assert terminology(site, "data/legal.yml") == []
    legal.write_text(text.replace("“pornografi anak”", "pornografi anak", 1), encoding="utf-8")
    found = terminology(site, "data/legal.yml")
    assert [(p.file, p.path) for p in found] == [("data/legal.yml", "instruments[1].summary.id")]
    assert "materi kekerasan seksual terhadap anak" in found[0].message.lower()


def test_english_text_is_not_checked_with_indonesian_rules(tmp_path):
    site = site_with_rules(tmp_path)
    set_reading(site, "Bacaan singkat.", english="Take a screenshot of the online chat.")
    assert terminology(site, "modules/intro.yml") == []


def test_english_text_is_checked_with_english_rules(tmp_path):
    site = site_with_rules(tmp_path)
    set_reading(site, "Bacaan singkat.", english="Never call it child pornography.")
    found = terminology(site, "modules/intro.yml")
    assert [(p.path, "English" in p.message) for p in found] == [("reading.en", True)]


def test_hand_written_pages_are_checked_in_their_own_language(tmp_path):
    site = site_with_rules(tmp_path)
    (site / "docs/about.md").write_text(
        "# Tentang\n\nPelatihan tentang anak\ndan dunia online.\n", encoding="utf-8"
    )
    (site / "docs/about.en.md").write_text("# About\n\nA training about children online.\n", encoding="utf-8")
    found = terminology(site, "docs/about.md", "docs/about.en.md")
    assert [(p.file, p.line, p.column) for p in found] == [("docs/about.md", 4, 11)]


def test_without_avoid_lists_nothing_is_reported(tmp_path):
    site = make_site("mini", tmp_path)
    set_reading(site, "Anak bermain game online dan mengambil screenshot.")
    assert terminology(site) == []


RULES = [
    Rule("id", "online", ("daring",), "daring", False, _word_pattern("online")),
    Rule(
        "id",
        "pornografi anak",
        ("materi kekerasan seksual terhadap anak",),
        "x",
        True,
        _word_pattern("pornografi anak"),
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        "Lihat [panduan](https://online.example.org/a) dan www.online.example.org.",
        "Jalankan `curriculum --online` di terminal.",
        "Kata “ESA Online” dipakai ECPAT Indonesia.",
        'Pasal itu memakai istilah "pornografi anak".',
        "Pasal itu memakai istilah ‘pornografi anak’.",
    ],
)
def test_exempt_spans(text):
    assert list(findings(text, RULES)) == []


@pytest.mark.parametrize(
    "text,word",
    [
        ("Anak di-*online*-kan.", "online"),
        ("memuat pornografi\nanak di situ", "pornografi\nanak"),
        ('Kutipan "tidak ditutup\n\nlalu online di paragraf lain', "online"),
    ],
)
def test_reported_spans(text, word):
    assert [w for _, _, w in findings(text, RULES)] == [word]


def test_mask_keeps_offsets_and_line_breaks():
    text = 'Baris "satu"\n`dua` tiga'
    masked = exempt_mask(text)
    assert len(masked) == len(text) and masked.count("\n") == 1 and "tiga" in masked


def test_page_language_from_file_name(tmp_path):
    assert page_language(tmp_path / "about.md", ["id", "en"]) == "id"
    assert page_language(tmp_path / "about.en.md", ["id", "en"]) == "en"
    assert page_language(tmp_path / "v1.2.md", ["id", "en"]) == "id"
