"""Build-level guards: injection, link integrity, reproducible output, atomic site replacement."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from browser import chromium_page
from conftest import curriculum
from kurikulum.linkcheck import check_site
from kurikulum.site import SiteBuild
from sitekit import make_site, mkdocs_build

PAYLOADS = {
    "entity": "&lt;/title&gt;&lt;script&gt;alert('entity')&lt;/script&gt;",
    "script": "<script>alert('script')</script>",
    "handler": '"><img src=x onerror=alert("handler")>',
    "jslink": "[click](javascript:alert('jslink'))",
}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Every kind of text field: plain localized text, localized Markdown, interface labels.
HTML_REFUSED = [
    ("modules/intro.yml", "title: {id: Pembukaan, en: Opening}", "title: {id: 'Pembukaan X', en: Opening}"),
    (
        "modules/intro.yml",
        'key_messages:\n  - {id: "Ruang ini **aman**"',
        "key_messages:\n  - {id: 'Ruang X'",
    ),
    ("case_studies/case-a.yml", "Kisah kasus a.", "Kisah X."),
    ("data/glossary.yml", "term: {id: Bujuk rayu, en: Grooming}", "term: {id: 'Bujuk X', en: Grooming}"),
    (
        "data/contacts.yml",
        "name: {id: Layanan Contoh, en: Example Service}",
        "name: {id: 'Layanan X', en: S}",
    ),
    (
        "data/programme.yml",
        "title: {id: Pelatihan Mini, en: Mini Training}",
        "title: {id: 'Pelatihan X', en: M}",
    ),
    ("data/worksheets/agreement.yml", "prompt: {id: Aturan tambahan", "prompt: {id: 'Aturan X'"),
    ("data/ui.yml", "home: {id: Beranda, en: Home}", "home: {id: 'Beranda X', en: Home}"),
]


@pytest.mark.parametrize("payload", ["script", "handler", "entity"])
@pytest.mark.parametrize("file,old,new", HTML_REFUSED)
def test_html_in_any_text_field_is_refused(tmp_path, file, old, new, payload):
    site = make_site("mini", tmp_path)
    _edit(site / file, old, new.replace("X", PAYLOADS[payload].replace("'", "''")))
    report = SiteBuild(site, ["id", "en"]).check()
    assert any(p.code == "unsafe-text" and p.file == file for p in report.errors()), report.as_text()


def test_javascript_link_in_markdown_is_refused(tmp_path):
    site = make_site("mini", tmp_path)
    _edit(site / "case_studies/case-a.yml", "Kisah kasus a.", "Kisah " + PAYLOADS["jslink"])
    assert any("javascript:" in p.message for p in SiteBuild(site, ["id", "en"]).check().errors())


# Plain fields (names, sources, numbers) are not Markdown: payloads there must show as text.
ESCAPED = [
    ("data/legal.yml", "title: Contoh sumber", "title: 'SRC-{p}'"),
    ("data/contacts.yml", 'value: "129"', "value: 'TEL-{p}'"),
    ("case_studies/case-a.yml", "reviewed_by: Tim kurikulum", "reviewed_by: 'REV-{p}'"),
    ("data/legal.yml", "article: Pasal 14", "article: 'ART-{p}'"),
    ("modules/intro.yml", "title: {id: Pembukaan, en: Opening}", "title: {{id: 'TTL-{p}', en: 'TTL-{p}'}}"),
]


def test_payloads_in_plain_fields_render_as_text_and_never_run(tmp_path):
    site = make_site("mini", tmp_path)
    for file, old, new in ESCAPED[:4]:
        _edit(
            site / file,
            old,
            new.format(p=" ".join(PAYLOADS[k].replace("'", "''") for k in ("script", "handler", "entity"))),
        )
    _edit(site / ESCAPED[4][0], ESCAPED[4][1], ESCAPED[4][2].format(p=PAYLOADS["jslink"].replace("'", "''")))
    done = mkdocs_build(site, "--strict")
    assert done.returncode == 0, done.stderr
    dialogs, pages = [], sorted((site / "site").rglob("*.html"))
    with chromium_page() as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for html in pages:
            page.goto(html.as_uri())
            assert (
                page.evaluate(
                    "[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                    ".some(a => a.name.startsWith('on'))).length"
                )
                == 0
            ), html
            assert (
                page.evaluate(
                    "[...document.querySelectorAll('a[href]')]"
                    ".filter(a => a.href.trim().toLowerCase().startsWith('javascript')).length"
                )
                == 0
            )
        page.goto((site / "site/en/hukum.html").as_uri())
        shown = page.inner_text("article")
        assert "SRC-<script>alert('script')</script>" in shown and "ART-<script>" in shown
        assert "&lt;/title&gt;&lt;script&gt;alert('entity')" in shown
        page.goto((site / "site/en/sesi/intro.html").as_uri())
        assert "TTL-[click](javascript:alert('jslink'))" in page.inner_text("article h1")
        page.click("text=Participant handout")  # navigation still works
    assert dialogs == []


def test_links_and_anchors_resolve_in_every_language(shipped_built):
    report = check_site(shipped_built)
    assert report.broken == []
    assert report.checked > 5000
    assert any(link.startswith("https://") for link in report.external)


def test_link_checker_reports_broken_links_and_anchors(tmp_path):
    (tmp_path / "a.html").write_text(
        '<a href="b.html#nope">x</a><a href="c.html">y</a>'
        '<a href="https://example.org/">z</a><a href="b.html#here">ok</a>'
    )
    (tmp_path / "b.html").write_text('<h1 id="here">B</h1>')
    report = check_site(tmp_path)
    assert sorted((b.target, b.reason) for b in report.broken) == [
        ("b.html#nope", "no anchor #nope in b.html"),
        ("c.html", "no such file"),
    ]
    assert set(report.external) == {"https://example.org/"}


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    digests = []
    for name in ("one", "two"):
        site = make_site("mini", tmp_path / name)
        done = curriculum("build", "--strict", cwd=site)
        assert done.returncode == 0, done.stdout + done.stderr
        digests.append(_tree_digest(site / "site"))
    assert digests[0].keys() == digests[1].keys()
    differ = [name for name in digests[0] if digests[0][name] != digests[1][name]]
    assert differ == []
    assert any(name.endswith(".pdf") for name in digests[0])


def test_a_failed_build_leaves_the_previous_site_in_place(tmp_path):
    site = make_site("mini", tmp_path)
    assert curriculum("build", "--no-pdf", cwd=site).returncode == 0
    before = _tree_digest(site / "site")
    _edit(site / "modules/cases.yml", "    minutes: 40", "    minutes: 41")
    failed = curriculum("build", "--no-pdf", cwd=site)
    assert failed.returncode == 1 and "site/ was not changed" in failed.stderr
    assert "modules/cases.yml:4:11: error: duration" in failed.stderr and "Traceback" not in failed.stderr
    assert _tree_digest(site / "site") == before
    _edit(site / "modules/cases.yml", "    minutes: 41", "    minutes: 40")
    (site / "docs/about.md").write_text("# Tentang\n\n[rusak](tidak-ada.md)\n", encoding="utf-8")
    failed = curriculum("build", "--no-pdf", "--strict", cwd=site)
    assert failed.returncode == 1 and "tidak-ada.md" in failed.stderr
    assert _tree_digest(site / "site") == before


def test_offline_copy_makes_no_outside_request_and_search_works(shipped_built):
    outside = []
    with chromium_page() as page:
        page.on(
            "request",
            lambda r: None if r.url.startswith(("file:", "data:", "blob:")) else outside.append(r.url),
        )
        page.goto((shipped_built / "en" / "index.html").as_uri())
        page.click("[data-site-search-open]", timeout=5000)
        page.keyboard.type("grooming", delay=30)
        page.wait_for_selector(".site-search__result", timeout=15000)
        assert page.locator(".site-search__result").count() > 0
        for rel in ("index.html", "sesi/opening.html", "peserta/diskusi-case-analysis.html"):
            page.goto((shipped_built / rel).as_uri())
    assert [u for u in outside if not re.match(r"^(file|data|blob):", u)] == []
