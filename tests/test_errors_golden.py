"""Broken content gives exact, tidy `file:line` messages (golden files in fixtures/broken/)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from kurikulum.site import SiteBuild
from sitekit import FIXTURES, ROOT

CASES = sorted(p.name for p in (FIXTURES / "broken").iterdir() if p.is_dir())


def broken_copy(case: str, dest: Path) -> Path:
    shutil.copytree(FIXTURES / "mini", dest, dirs_exist_ok=True)
    shutil.copy(ROOT / "data" / "ui.yml", dest / "data" / "ui.yml")
    overlay = FIXTURES / "broken" / case
    for path in overlay.rglob("*"):
        if path.is_file() and path.name != "expected.txt":
            target = dest / path.relative_to(overlay)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target)
    return dest


@pytest.mark.parametrize("case", CASES)
def test_messages_match_golden_file(case, tmp_path):
    root = broken_copy(case, tmp_path)
    report = SiteBuild(root, ["id", "en"]).check()
    actual = report.as_text() + "\n"
    golden = FIXTURES / "broken" / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_every_message_names_file_line_field_and_fix(case, tmp_path):
    report = SiteBuild(broken_copy(case, tmp_path), ["id", "en"]).check()
    assert report.problems, "a broken fixture must produce at least one problem"
    for problem in report.problems:
        # a problem with a whole file (a `.yaml` name, a folder named x.yml) has no line to show
        assert problem.file and (problem.line >= 1 or problem.code == "file"), problem
        assert problem.hint, problem
        assert "Traceback" not in problem.text()


def test_the_mini_fixture_itself_is_clean(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    shutil.copy(ROOT / "data" / "ui.yml", tmp_path / "data" / "ui.yml")
    report = SiteBuild(tmp_path, ["id", "en"], strict=True).check()
    assert report.problems == []


def test_a_friday_whose_break_covers_the_prayer_time_is_clean(tmp_path):
    root = broken_copy("friday-prayer", tmp_path)
    programme = root / "data" / "programme.yml"
    text = programme.read_text(encoding="utf-8")
    # 10:30 intro (45 min), 11:15 a break of 105 minutes over the prayer time, 13:00 cases (60 min).
    text = text.replace('end: "13:00"', 'end: "14:00"').replace("minutes: 15", "minutes: 105")
    programme.write_text(text, encoding="utf-8")
    report = SiteBuild(root, ["id", "en"], strict=True).check()
    assert report.problems == [], report.as_text()


def warnings_only(root):
    """The report of a lenient check of ``root``, once a lenient check passes and a strict one fails."""
    lenient, strict = SiteBuild(root, ["id", "en"]), SiteBuild(root, ["id", "en"], strict=True)
    lenient.check()
    strict.check()
    assert lenient.ok and not strict.ok
    return lenient.report


def test_missing_translation_is_a_warning_unless_strict(tmp_path):
    report = warnings_only(broken_copy("missing-translation", tmp_path))
    assert [p.severity for p in report.problems] == ["warning"]
