"""The `curriculum` command as a user runs it."""

from __future__ import annotations

import json
import shutil

from conftest import curriculum
from kurikulum.jsonschema import schemas
from sitekit import FIXTURES, ROOT, make_site
from test_errors_golden import broken_copy


def test_check_passes_on_mini_and_fails_with_file_line_on_broken(tmp_path):
    good = make_site("mini", tmp_path / "good")
    done = curriculum("check", cwd=good)
    assert done.returncode == 0, done.stdout + done.stderr
    bad = make_site(broken_copy("anonymity", tmp_path / "bad-src"), tmp_path / "bad")
    done = curriculum("check", cwd=bad)
    assert done.returncode == 1
    assert (
        "case_studies/case-b.yml:12:1: error: narrative.id: possible identifying detail (phone)"
        in done.stdout
    )
    assert "Traceback" not in done.stdout + done.stderr


def test_check_json_and_github_annotations(tmp_path):
    bad = make_site(broken_copy("agenda-sum", tmp_path / "src"), tmp_path / "site")
    problems = json.loads(curriculum("check", "--format", "json", cwd=bad).stdout)
    assert problems[0]["file"] == "modules/cases.yml" and problems[0]["line"] == 4
    assert problems[0]["path"] == "duration" and problems[0]["severity"] == "error"
    done = curriculum("check", cwd=bad, env={"CI": "true"})
    assert (
        "::error file=modules/cases.yml,line=4,col=11::duration: agenda blocks add up to 65 min"
        in done.stdout
    )


def test_strict_fails_on_missing_translation(tmp_path):
    site = make_site(broken_copy("missing-translation", tmp_path / "src"), tmp_path / "site")
    assert curriculum("check", cwd=site).returncode == 0
    assert curriculum("check", "--strict", cwd=site).returncode == 1
    listing = curriculum("translations", cwd=site).stdout
    assert "en: 1 text(s) not yet translated" in listing and "modules/cases.yml:3: summary" in listing


def test_new_case_and_module_are_valid_and_never_overwrite(tmp_path):
    site = make_site("mini", tmp_path)
    assert curriculum("new", "case", "local-case", cwd=site).returncode == 0
    assert curriculum("new", "module", "local-session", cwd=site).returncode == 0
    done = curriculum("check", cwd=site)
    assert done.returncode == 0, done.stdout
    assert "module `local-session` is not in the programme" in done.stdout
    again = curriculum("new", "case", "local-case", cwd=site)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert curriculum("new", "case", "Bad Slug", cwd=site).returncode == 1


def test_committed_json_schemas_are_up_to_date():
    for name, schema in schemas().items():
        committed = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == json.loads(json.dumps(schema)), f"run `curriculum schema` ({name})"


def test_no_mkdocs_yml_is_a_clear_error(tmp_path):
    shutil.copytree(FIXTURES / "mini", tmp_path / "x")
    done = curriculum("check", cwd=tmp_path / "x")
    assert done.returncode == 2 and "no mkdocs.yml" in done.stderr
