"""A regional edition in local/, kept apart from upstream and merged with git.

The scenario of a provincial team: the edition sets 3 groups, 24 participants and a new Day 1
title in local/data/programme.yml, adds a contact in local/data/contacts.yml, overrides only the
title of `closing`, and adds Javanese to a summary. Upstream then edits the summary of
modules/closing.yml and a break label in data/programme.yml. `git merge` must be clean, and the
built site must show the edition's title, contact, day title and 3 groups together with
upstream's new summary and break label.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import copy_project, curriculum
from sitekit import ROOT, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))

from kurikulum.site import SiteBuild, languages_from_config  # noqa: E402

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Tim Edisi",
    "GIT_AUTHOR_EMAIL": "edisi@example.org",
    "GIT_COMMITTER_NAME": "Tim Edisi",
    "GIT_COMMITTER_EMAIL": "edisi@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}

EDITION_TITLE = "Penutupan edisi Jawa Timur"
DAY_TITLE = "Hari 1: Memahami bersama tim Jawa Timur"
CONTACT = "UPTD PPA Kota Contoh (fiktif)"
NEW_SUMMARY = "Ringkasan baru dari upstream untuk sesi penutupan."
NEW_BREAK = "Rehat kopi dan teh hangat"
LOCAL_CASE = "Kasus Jawa Timur (gabungan)"

PROGRAMME = f"""\
participants: 24
groups: 3
days:
  - title: {{id: "{DAY_TITLE}", en: "Day 1: Understanding, with the East Java team"}}
"""
CLOSING = f"""\
slug: closing
title: {{id: {EDITION_TITLE}, en: East Java edition closing}}
"""
CONTACTS = f"""\
contacts:
  - slug: uptd-ppa-kota-contoh
    level: local
    name: {{id: {CONTACT}, en: UPTD PPA of Example City (fictional)}}
    region: {{id: Kota Contoh, en: Example City}}
    scope: {{id: Layanan bagi korban kekerasan., en: Services for victims of violence.}}
    what: {{id: Melapor dan meminta pendampingan., en: Reporting and asking for support.}}
    channels:
      - kind: phone
        value: "031-0000000"
    confidence: unverified
    confirm: {{id: Lakukan uji panggil dulu., en: Test-call it first.}}
    last_verified: 2026-11-29
    sources:
      - title: Daftar layanan kota (contoh)
        url: https://example.org/layanan
"""


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True, timeout=120)


def commit(cwd: Path, message: str) -> None:
    assert git(cwd, "add", "-A").returncode == 0
    done = git(cwd, "commit", "-q", "-m", message)
    assert done.returncode == 0, done.stdout + done.stderr


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _first_break_label(programme: Path) -> str:
    match = re.search(r"- break: \{id: ([^,]+),", programme.read_text(encoding="utf-8"))
    assert match, "a break with an inline label in data/programme.yml"
    return match.group(1)


def _closing_summary(closing: Path) -> str:
    match = re.search(r"(?ms)^summary:\n  id: >-\n(.*?)\n  en:", closing.read_text(encoding="utf-8"))
    assert match, "modules/closing.yml has a folded summary"
    return match.group(1)


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    base = tmp_path_factory.mktemp("edition")
    (base / "upstream").mkdir()
    upstream = copy_project(base / "upstream")
    shutil.copytree(ROOT / "local", upstream / "local")
    shutil.copytree(ROOT / "translations", upstream / "translations")
    assert git(upstream, "init", "-q", "-b", "main").returncode == 0
    commit(upstream, "upstream curriculum")
    fork = base / "fork"
    assert git(base, "clone", "-q", str(upstream), str(fork)).returncode == 0
    (fork / "local" / "data").mkdir(parents=True)
    (fork / "local" / "modules").mkdir()
    (fork / "local" / "data" / "programme.yml").write_text(PROGRAMME, encoding="utf-8")
    (fork / "local" / "data" / "contacts.yml").write_text(CONTACTS, encoding="utf-8")
    (fork / "local" / "modules" / "closing.yml").write_text(CLOSING, encoding="utf-8")
    case = yaml.safe_load((fork / "case_studies" / "game-chat-gifts.yml").read_text(encoding="utf-8"))
    case.update(slug="kasus-lokal-jatim", title={"id": LOCAL_CASE, "en": "An East Java case (composite)"})
    (fork / "local" / "case_studies").mkdir()
    (fork / "local" / "case_studies" / "kasus-lokal-jatim.yml").write_text(
        yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    (fork / "local" / "modules" / "case-analysis.yml").write_text(
        "slug: case-analysis\ngroup_work:\n  assign:\n    2: [kasus-lokal-jatim]\n", encoding="utf-8"
    )
    commit(fork, "Edisi Jawa Timur 2027")
    # upstream edits the summary of closing (both languages) and one break label
    closing = upstream / "modules" / "closing.yml"
    summary = _closing_summary(closing)
    _edit(closing, summary, f"    {NEW_SUMMARY}")
    _edit(
        closing,
        "  en: >-\n",
        "  en: >-\n    A new summary from upstream for the closing session.\n",
    )
    programme = upstream / "data" / "programme.yml"
    _edit(programme, _first_break_label(programme), NEW_BREAK)
    recorded = curriculum("translations", "--record", "en", cwd=upstream)
    assert recorded.returncode == 0 and "translations/en.tsv" in recorded.stdout, recorded.stdout
    commit(upstream, "upstream: closing summary and a break label")
    merged = git(fork, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
    return fork, upstream, merged


def test_upstream_updates_merge_cleanly_into_the_edition(edition):
    fork, _, merged = edition
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert git(fork, "diff", "--name-only", "--diff-filter=U").stdout == ""
    assert "<<<<<<<" not in (fork / "modules" / "closing.yml").read_text(encoding="utf-8")


def test_the_built_edition_shows_its_changes_and_upstreams(edition):
    fork, _, _ = edition
    done = mkdocs_build(fork)
    assert done.returncode == 0, done.stdout + done.stderr
    site = fork / "site"
    closing = (site / "sesi" / "closing.html").read_text(encoding="utf-8")
    assert EDITION_TITLE in closing and NEW_SUMMARY in closing
    assert "A new summary from upstream" in (site / "en" / "sesi" / "closing.html").read_text(
        encoding="utf-8"
    )
    day = (site / "hari" / "1.html").read_text(encoding="utf-8")
    assert DAY_TITLE in day and NEW_BREAK in day
    assert CONTACT in (site / "rujukan.html").read_text(encoding="utf-8")
    sheets = next((site / "peserta").glob("diskusi-*.html")).read_text(encoding="utf-8")
    groups = set(re.findall(r"Kelompok (\d+)", sheets))
    assert groups == {"1", "2", "3"}
    group2 = sheets.split("Kelompok 2", 1)[1].split("Kelompok 3", 1)[0]
    assert LOCAL_CASE in group2, "the edition's case is assigned to group 2 by its slug"
    assert (site / "kasus" / "kasus-lokal-jatim.html").is_file()


def test_a_problem_in_a_local_file_names_the_local_file(edition, tmp_path):
    fork, _, _ = edition
    copy = tmp_path / "fork"
    shutil.copytree(fork, copy, ignore=shutil.ignore_patterns(".git", "site"))
    _edit(copy / "local" / "modules" / "closing.yml", "title:", "titel:")
    done = curriculum("check", "--format", "text", cwd=copy)
    assert done.returncode == 1
    assert "local/modules/closing.yml:2:" in done.stdout and "titel" in done.stdout


def test_an_override_of_a_value_upstream_then_changed_is_reported(edition, tmp_path):
    fork, upstream, _ = edition
    base = tmp_path
    up = base / "up"
    shutil.copytree(upstream, up)
    mine = base / "mine"
    shutil.copytree(fork, mine, ignore=shutil.ignore_patterns("site"))
    assert git(mine, "remote", "set-url", "origin", str(up)).returncode == 0
    closing = up / "modules" / "closing.yml"
    old_title = re.search(r"(?m)^  id: (.+)$", closing.read_text(encoding="utf-8")).group(1)
    _edit(closing, f"  id: {old_title}", "  id: Penutupan dan evaluasi (judul baru upstream)")
    commit(up, "upstream: new closing title")
    assert git(mine, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main").returncode == 0
    done = curriculum("check", "--format", "text", cwd=mine)
    assert "local/modules/closing.yml:2:1: warning:" in done.stdout
    assert "upstream changed this value (modules/closing.yml:" in done.stdout
    # the edition reviews its title and saves the line again: the warning goes
    _edit(
        mine / "local" / "modules" / "closing.yml",
        "East Java edition closing}",
        "East Java edition closing}  # checked",
    )
    commit(mine, "Edisi: judul penutupan diperiksa terhadap upstream")
    again = curriculum("check", "--format", "text", cwd=mine)
    assert "upstream changed this value" not in again.stdout


def test_translations_older_than_their_changed_source_are_listed(edition, tmp_path):
    fork, upstream, _ = edition
    mine = tmp_path / "mine"
    shutil.copytree(fork, mine, ignore=shutil.ignore_patterns("site"))
    # the edition adds Javanese and confirms it
    config = mine / "mkdocs.yml"
    _edit(
        config,
        "        - locale: en\n",
        "        - locale: jv\n          name: Basa Jawa\n          build: true\n        - locale: en\n",
    )
    _edit(
        mine / "local" / "modules" / "closing.yml",
        "title: {id:",
        "summary: {jv: Ringkesan sesi panutup.}\ntitle: {id:",
    )
    record = curriculum("translations", "--record", "jv", cwd=mine)
    assert record.returncode == 0, record.stdout + record.stderr
    assert (mine / "local" / "translations" / "jv.tsv").is_file()
    assert not (mine / "translations" / "jv.tsv").exists()
    before = curriculum("translations", cwd=mine)
    assert "older than their source" not in before.stdout
    # upstream's Indonesian summary changes; neither en nor jv follows
    closing = mine / "modules" / "closing.yml"
    _edit(closing, NEW_SUMMARY, "Ringkasan yang diubah lagi oleh upstream.")
    after = curriculum("translations", cwd=mine)
    assert re.search(
        r"en: 1 translation\(s\) older than their source text\n  modules/closing.yml:\d+: summary.en",
        after.stdout,
    ), after.stdout
    assert re.search(
        r"jv: 1 translation\(s\) older than their source text\n  local/modules/closing.yml:\d+: summary.jv",
        after.stdout,
    ), after.stdout
    languages = languages_from_config(mine / "mkdocs.yml")
    build = SiteBuild(mine, languages)
    build.check()
    status = next(p for p in build.pages("en", mine / "docs", languages[0]) if p.uri == "terjemahan.md")
    older = status.markdown.split("## Older than their source", 1)[1]
    assert "`summary.en`" in older and "`summary.jv`" in older
    check = curriculum("check", "--format", "text", cwd=mine)
    assert "local/modules/closing.yml" in check.stdout
    assert "warning: summary.jv: the `jv` text was written for an older `id` text" in check.stdout


def test_an_edition_that_drops_a_session_is_told_what_it_left_behind(tmp_path):
    (tmp_path / "p").mkdir()
    project = copy_project(tmp_path / "p")
    programme = yaml.safe_load((project / "data" / "programme.yml").read_text(encoding="utf-8"))
    day = next(
        n
        for n, d in enumerate(programme["days"])
        if any(i.get("session") == "field-visit" for i in d["items"])
    )
    kept = [item for item in programme["days"][day]["items"] if item.get("session") != "field-visit"]
    local = project / "local" / "data"
    local.mkdir(parents=True)
    days = [{} for _ in range(day)] + [{"items": kept}]
    (local / "programme.yml").write_text(yaml.safe_dump({"days": days}, allow_unicode=True), encoding="utf-8")
    build = SiteBuild(project, ["id", "en"])
    report = build.check()
    texts = [p.text() for p in report.sorted()]
    assert not any(": error:" in t for t in texts), [t for t in texts if ": error:" in t]
    assert any(": info:" in t and "`field-visit`" in t and "dropped" in t for t in texts)
    left = [t for t in texts if "not in the programme" in t and ": warning:" in t]
    assert left, "mentions of the dropped session in other texts are reported"
    assert all(re.match(r"^(local/)?[a-z_/.-]+\.yml:\d+:\d+: warning:", t) for t in left), left
    assert not any(t.startswith("modules/field-visit.yml") and ": warning:" in t for t in texts)
    in_use = build.curriculum.worksheets_in_use()
    only_visit = set(build.curriculum.modules["field-visit"].worksheets) - {
        s for m in build.curriculum.modules.values() if m.slug != "field-visit" for s in m.worksheets
    }
    assert only_visit and not (only_visit & set(in_use))


def _project(tmp_path: Path) -> Path:
    (tmp_path / "p").mkdir()
    project = copy_project(tmp_path / "p")
    shutil.copytree(ROOT / "local", project / "local")
    return project


def test_local_docs_replace_a_page_and_add_one(tmp_path):
    project = _project(tmp_path)
    docs = project / "local" / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# Tentang edisi ini\n\nEdisi Jawa Timur 2027.\n", encoding="utf-8")
    (docs / "edisi.md").write_text("# Catatan edisi\n\nHalaman baru edisi.\n", encoding="utf-8")
    (docs / "edisi.en.md").write_text("# Edition notes\n\nA new page of the edition.\n", encoding="utf-8")
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stdout + done.stderr
    site = project / "site"
    assert "Edisi Jawa Timur 2027" in (site / "about.html").read_text(encoding="utf-8")
    assert "Halaman baru edisi" in (site / "edisi.html").read_text(encoding="utf-8")
    assert "A new page of the edition" in (site / "en" / "edisi.html").read_text(encoding="utf-8")
    (docs / "edisi.md").write_text("# Catatan\n\n<script>alert(1)</script>\n", encoding="utf-8")
    check = curriculum("check", "--format", "text", cwd=project)
    assert check.returncode == 1 and "local/docs/edisi.md:3:" in check.stdout
    (docs / "about.md").write_text(
        "# Tentang\n\n<<<<<<< HEAD\nSatu.\n=======\nDua.\n>>>>>>> upstream/main\n", encoding="utf-8"
    )
    check = curriculum("check", "--format", "text", cwd=project)
    assert "local/docs/about.md:3:1: error: unresolved merge conflict" in check.stdout


def test_a_merge_conflict_in_mkdocs_yml_is_named_not_a_traceback(tmp_path):
    project = _project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("site_name:", "<<<<<<< HEAD\nsite_name:", 1).replace(
            "site_description:", "=======\nsite_name: X\n>>>>>>> upstream/main\nsite_description:", 1
        ),
        encoding="utf-8",
    )
    done = curriculum("check", "--format", "text", cwd=project)
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert re.search(r"mkdocs.yml:\d+:1: error: unresolved merge conflict", done.stdout), done.stdout


def test_an_edition_can_drop_a_day_and_write_new_files_in_local(tmp_path):
    project = _project(tmp_path)
    (project / "local" / "data").mkdir()
    (project / "local" / "data" / "programme.yml").write_text(
        "days:\n  - {}\n  - {remove: true}\n", encoding="utf-8"
    )
    build = SiteBuild(project, ["id", "en"])
    build.check()
    assert len(build.curriculum.programme.days) == 1
    made = curriculum("new", "case", "kasus-baru", cwd=project)
    assert made.returncode == 0, made.stderr
    assert (project / "local" / "case_studies" / "kasus-baru.yml").is_file()
    assert not (project / "case_studies" / "kasus-baru.yml").exists()


def test_the_edition_checklist_lists_placeholders_not_contents(tmp_path):
    from kurikulum.checklist import to_confirm, to_fill

    build = SiteBuild(ROOT, ["id", "en"])
    build.check()
    rows = to_fill(build.curriculum, "en")
    where = [row.where for row in rows]
    assert any(w.startswith("data/programme.yml:") for w in where)
    assert any(w.startswith("data/contacts.yml:") for w in where)
    assert not any(w.startswith(("data/ui.yml", "data/worksheets/evaluation.yml")) for w in where), where
    assert not any(row.field.endswith("confirm") for row in rows)
    unverified = to_confirm(build.curriculum, "en")
    assert unverified and all(row.field in ("secondary", "unverified") for row in unverified)
