"""Dates as people read them, in every language, and the calendar checks of the programme."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from kurikulum.dates import long_date, plain_date
from kurikulum.render import Renderer, make_environment
from kurikulum.site import SiteBuild
from sitekit import FIXTURES, ROOT

WEDNESDAY = dt.date(2027, 3, 3)


@pytest.mark.parametrize(
    "lang, long, plain",
    [
        ("id", "Rabu, 3 Maret 2027", "3 Maret 2027"),
        ("en", "Wednesday, 3 March 2027", "3 March 2027"),
        ("jv", "Rabu, 3 Maret 2027", "3 Maret 2027"),
        ("su", "Rebo, 3 Maret 2027", "3 Maret 2027"),
    ],
)
def test_dates_in_the_words_of_each_language(lang, long, plain):
    assert long_date(WEDNESDAY, lang) == long
    assert plain_date(WEDNESDAY, lang) == plain


def test_a_language_babel_does_not_know_gets_the_iso_date():
    assert long_date(WEDNESDAY, "xx") == "2027-03-03"
    assert plain_date(WEDNESDAY, "zz") == "2027-03-03"


def _mini(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path, dirs_exist_ok=True)
    shutil.copy(ROOT / "data" / "ui.yml", tmp_path / "data" / "ui.yml")
    return tmp_path


def test_day_pages_and_home_show_the_long_date(tmp_path):
    build = SiteBuild(_mini(tmp_path), ["id", "en"])
    build.check()
    for lang, shown in (("id", "Senin, 2 Maret 2026"), ("en", "Monday, 2 March 2026")):
        renderer = Renderer(build.curriculum, lang, make_environment())
        assert shown in renderer.day(1).markdown
        assert shown in renderer.home().markdown
        assert "2026-03-02" not in renderer.day(1).markdown


def test_days_in_order_that_end_on_time_are_clean(tmp_path):
    root = _mini(tmp_path)
    programme = root / "data" / "programme.yml"
    programme.write_text(
        programme.read_text(encoding="utf-8")
        + '  - title: {id: Hari 2, en: Day 2}\n    date: 2026-03-03\n    start: "08:30"\n'
        '    end: "09:30"\n    items:\n      - break: {id: Refleksi, en: Reflection}\n        minutes: 30\n',
        encoding="utf-8",
    )
    report = SiteBuild(root, ["id", "en"], strict=True).check()
    assert report.problems == [], report.as_text()  # 30 minutes early is within the 60 allowed


def test_calendar_warnings_name_the_fix_and_fail_strict(tmp_path):
    from test_errors_golden import broken_copy, warnings_only

    found = {p.path: p for p in warnings_only(broken_copy("calendar", tmp_path)).problems}
    assert set(found) == {"days[2].date", "days[2].end"}
    assert "not in date order" in found["days[2].date"].message
    assert 'set `end: "09:00"`' in found["days[2].end"].hint
