"""A programme variant may name its PDF per language (`file:` in data/programme.yml)."""

from __future__ import annotations

from conftest import copy_project, curriculum


def _with_file(tmp_path, value: str):
    (tmp_path / "p").mkdir()
    project = copy_project(tmp_path / "p")
    programme = project / "data" / "programme.yml"
    text = programme.read_text(encoding="utf-8")
    assert "    file: {en: programme-1-day}\n" in text
    programme.write_text(text.replace("{en: programme-1-day}", value), encoding="utf-8")
    return curriculum("check", "--format", "text", cwd=project)


def test_a_variant_file_name_taken_by_another_pdf_is_an_error_at_its_line(tmp_path):
    done = _with_file(tmp_path, "{en: handbook}")
    assert done.returncode != 0
    assert "data/programme.yml:" in done.stdout
    assert "variants[1].file.en" in done.stdout
    assert "`handbook` is already the file name of another PDF" in done.stdout


def test_a_variant_file_name_must_be_a_plain_name(tmp_path):
    done = _with_file(tmp_path, '{en: "../outside"}')
    assert done.returncode != 0
    assert "variants[1].file.en" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
