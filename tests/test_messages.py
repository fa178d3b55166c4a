"""Messages a non-developer can act on: positions counted from 1 and named, errors first,
warnings summarised per language, and shown after a build."""

from __future__ import annotations

from conftest import curriculum
from kurikulum.problems import Problem, Report, describe, ordinal
from kurikulum.yamlsrc import dotted
from sitekit import make_site
from test_errors_golden import broken_copy


def test_positions_count_from_one_and_name_the_entry():
    assert dotted(("group_work", "cases", 13)) == "group_work.cases[14]"
    assert describe("group_work.cases[14]") == "the 14th case in group_work.cases"
    assert describe("days[1].items[3].session") == "the 3rd item in days[1].items"
    assert describe("agenda[2].method") == "the 2nd block in agenda"
    assert describe("guiding_questions[21]") == "the 21st guiding question in guiding_questions"
    assert describe("summary.en") == ""
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "22nd", "101st", "111th",
    ]  # fmt: skip
    problem = Problem("modules/m.yml", 40, 7, "group_work.cases[14]", "unknown case `x`", "fix it")
    assert problem.text() == (
        "modules/m.yml:40:7: error: group_work.cases[14] (the 14th case in group_work.cases): "
        "unknown case `x` Fix: fix it"
    )
    assert "group_work.cases[14] (the 14th case in group_work.cases): unknown case" in problem.github()


def _warning(path: str, message: str = "something", code: str = "terminology") -> Problem:
    return Problem("modules/m.yml", 1, 1, path, message, "fix", "warning", code)


def test_warnings_are_summarised_per_language():
    report = Report(
        [
            _warning("summary", "missing `en` text; the page shows ...", "missing-translation"),
            _warning("title", "missing `jv` text; the page shows ...", "missing-translation"),
            _warning("objectives[2]", "missing `en` text; the page shows ...", "missing-translation"),
            _warning("narrative.en"),
            _warning("narrative.id"),
            _warning("slug", "module `x` is not in the programme", "unscheduled"),
            Problem("modules/m.yml", 2, 1, "duration", "wrong", "fix"),
        ]
    )
    assert report.summary(["id", "en", "jv"]) == "1 error(s), 6 warning(s) (1 id, 3 en, 1 jv, 1 other)"
    assert report.summary() == "1 error(s), 6 warning(s)"
    only_other = Report([_warning("slug", "module `x` is not in the programme", "unscheduled")])
    assert only_other.summary(["id", "en"]) == "0 error(s), 1 warning(s)"


def test_errors_only_prints_errors_and_keeps_the_exit_code(tmp_path):
    site = make_site(broken_copy("bad-reference", tmp_path / "src"), tmp_path / "site")
    full = curriculum("check", "--format", "text", cwd=site)  # no CI annotations in the output
    short = curriculum("check", "--errors-only", "--format", "text", cwd=site)
    assert full.returncode == short.returncode == 1
    assert ": warning: " in full.stdout and ": warning: " not in short.stdout
    errors = [line for line in full.stdout.splitlines() if ": error: " in line]
    assert short.stdout.splitlines() == errors
    assert short.stderr == full.stderr  # the summary still counts the warnings
    lenient = make_site(broken_copy("missing-translation", tmp_path / "src2"), tmp_path / "site2")
    done = curriculum("check", "--errors-only", "--strict", "--format", "text", cwd=lenient)
    assert done.returncode == 1 and done.stdout == ""
    assert "FAILED: 0 error(s), 1 warning(s) (1 en)" in done.stderr


def test_build_shows_the_warning_summary(tmp_path):
    site = make_site(broken_copy("scaffold-todo", tmp_path / "src"), tmp_path / "site")
    done = curriculum("build", "--no-pdf", cwd=site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "case_studies/case-a.yml:2:26: warning: title.en: text still to write" in done.stdout
    assert "curriculum: content check: 0 error(s), 2 warning(s) (2 en)" in done.stdout
    assert "run `curriculum check`" in done.stdout
