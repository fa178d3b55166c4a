"""Text follows the settings ({{groups}} ...), and a scaffold's TODO texts are not finished text."""

from __future__ import annotations

import shutil

import pytest
from conftest import curriculum
from kurikulum import placeholders
from kurikulum.printplan import copies_values
from kurikulum.render import Renderer, make_environment
from kurikulum.site import SiteBuild
from sitekit import FIXTURES, ROOT, make_site
from test_errors_golden import broken_copy, warnings_only


def _mini(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    shutil.copy(ROOT / "data" / "ui.yml", tmp_path / "data" / "ui.yml")
    return tmp_path


def _set_summary(root, id_text: str, en_text: str) -> None:
    intro = root / "modules" / "intro.yml"
    text = intro.read_text(encoding="utf-8")
    old = "summary: {id: Perkenalan dan kesepakatan, en: Introductions and agreements}"
    assert old in text
    intro.write_text(text.replace(old, f'summary: {{id: "{id_text}", en: "{en_text}"}}'), encoding="utf-8")


def test_placeholders_are_filled_from_the_programme_in_every_language(tmp_path):
    root = _mini(tmp_path)
    _set_summary(
        root,
        "{{participants}} peserta, **{{ groups }}** kelompok ({{group-size}} orang), "
        "{{facilitators}} fasilitator, {{copies:agreement}} salinan",
        "{{participants}} participants in {{groups}} groups over {{days}} day(s)",
    )
    build = SiteBuild(root, ["id", "en"], strict=True)
    report = build.check()
    assert report.problems == [], report.as_text()
    cur = build.curriculum
    copies = copies_values(cur)
    pages = {
        lang: Renderer(cur, lang, make_environment()).module(cur.modules["intro"]).markdown.replace("\\", "")
        for lang in ("id", "en")
    }
    # 12 participants, 3 groups of 4, 2 facilitators (tests/fixtures/mini/data/programme.yml)
    assert (
        f"12 peserta, **3** kelompok (4 orang), 2 fasilitator, {copies['agreement']} salinan" in pages["id"]
    )
    assert "12 participants in 3 groups over 1 day(s)" in pages["en"]
    assert "{{" not in pages["id"] + pages["en"]


def test_the_numbers_change_with_the_settings(tmp_path):
    root = _mini(tmp_path)
    _set_summary(root, "{{groups}} kelompok dari {{group-size}} orang", "{{groups}} groups")
    programme = root / "data" / "programme.yml"
    text = programme.read_text(encoding="utf-8").replace("participants: 12", "participants: 13")
    programme.write_text(text.replace("groups: 3", "groups: 4"), encoding="utf-8")
    build = SiteBuild(root, ["id", "en"])
    build.check()
    page = Renderer(build.curriculum, "id", make_environment()).module(build.curriculum.modules["intro"])
    assert "4 kelompok dari 3–4 orang" in page.markdown


def test_a_placeholder_is_not_read_as_an_attribute_list(tmp_path):
    root = _mini(tmp_path)
    intro = root / "modules" / "intro.yml"
    original = intro.read_text(encoding="utf-8")
    old = '  - {id: "Ruang ini **aman**", en: "This room is **safe**"}'
    assert old in original  # a Markdown field: attribute lists are refused there
    intro.write_text(
        original.replace(old, '  - {id: "Ada **{{groups}}**{{participants}}", en: "**{{groups}}**"}')
    )
    report = SiteBuild(root, ["id", "en"], strict=True).check()
    assert report.problems == [], report.as_text()
    # ... while a real attribute list after bold text is still refused
    intro.write_text(original.replace(old, '  - {id: "Ada **tiga**{.kelas}", en: "**three**"}'))
    report = SiteBuild(root, ["id", "en"]).check()
    assert [p.code for p in report.problems] == ["unsafe-text"]


@pytest.mark.parametrize("text", ["{id: 1}", "kurung {kurawal} tunggal", "{{ tidak tertutup"])
def test_single_braces_and_unclosed_ones_are_left_alone(text):
    assert placeholders.fill(text, {"groups": "3"}) == text
    assert list(placeholders.PLACEHOLDER.finditer(text)) == []


def test_shipped_content_states_no_fixed_group_or_participant_counts():
    """The numbers of groups, participants and facilitators come from data/programme.yml."""
    import re

    words = r"(?:empat|lima|enam|tujuh|four|five|six|seven|\d+)"
    pattern = re.compile(
        rf"\b(?:dengan\s+{words}\s+(?:kelompok|peserta)|with\s+{words}\s+(?:groups|participants)"
        rf"|{words}\s+(?:kelompok|groups)\s+(?:of|berisi)|mendampingi\s+dua\s+kelompok"
        rf"|accompanies\s+two\s+groups)\b",
        re.IGNORECASE,
    )
    build = SiteBuild(ROOT, ["id", "en"])
    build.check()
    from kurikulum.walk import texts

    found = [
        f"{entry.doc.file}: {path}"
        for kind in ("module", "case", "worksheet", "assessment")
        for entry in build.curriculum.loaded.get(kind, [])
        for path, value in texts(entry.item)
        for text in value.root.values()
        if pattern.search(text)
    ]
    assert found == [], "write {{groups}}, {{participants}}... instead: " + ", ".join(found)


def test_todo_texts_are_warnings_and_strict_fails(tmp_path):
    todos = [p for p in warnings_only(broken_copy("scaffold-todo", tmp_path)).problems if p.code == "todo"]
    assert [(p.file, p.line, p.path, p.severity) for p in todos] == [
        ("case_studies/case-a.yml", 2, "title.en", "warning"),
        ("case_studies/case-a.yml", 15, "narrative.en", "warning"),
    ]


def test_a_new_case_fails_strict_until_its_todos_are_written(tmp_path):
    site = make_site("mini", tmp_path)
    assert curriculum("new", "case", "local-case", cwd=site).returncode == 0
    done = curriculum("check", "--strict", cwd=site)
    assert done.returncode == 1
    assert "case_studies/local-case.yml:7:" in done.stdout and "text still to write: `TODO" in done.stdout
    assert "anonymity.reviewed_by" in done.stdout  # plain text fields too
    listing = curriculum("translations", cwd=site).stdout
    count = int(listing.split("en: ", 1)[1].split(" ", 1)[0])
    assert count >= 8, listing  # every English TODO text counts as not yet translated
    assert "case_studies/local-case.yml:7: title" in listing
    listing_id = curriculum("translations", "--lang", "id", cwd=site).stdout
    assert "id: 0 text" not in listing_id
