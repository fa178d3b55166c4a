"""Unsafe constructs in editors' text are refused, whatever their spelling."""

import pytest
from kurikulum.safety import unsafe
from kurikulum.site import SiteBuild
from kurikulum.urlcheck import channel_problem, source_problem
from sitekit import make_site

REFUSED_MARKDOWN = [
    "<script>alert(1)</script>",
    "text <img src=x onerror=alert(1)>",
    "<!-- hidden -->",
    "</div>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#115;cript&#58;alert(1))",
    "[x](vbscript:msgbox)",
    "[x](data:text/html,hi)",
    "[ref]: javascript:alert(1)",
    "![pic](https://example.org/a.png)",
    "Text{: onclick=alert(1) }",
    "[x](//evil.example/a)",
    # attribute lists in every position Markdown reads them, with or without a colon or dot
    "**Penting**{ x tabindex=0 autofocus onfocus=alert(document.domain) }",
    "[basis data](https://globaldatabase.ecpat.org/){onclick=alert(1)}",
    "`kode`{ onclick }",
    "## Judul { onclick }",
    "Paragraf.\n{: .kelas }",
    "- butir {#anchor}",
    # reference-style definitions, also inside quotes, lists and boxes
    "> [r]: data:text/html;base64,PHNjcmlwdD4=\n> lihat [di sini][r]",
    "- [r]: javascript:alert(1)",
    "1. [r]: https://example.org",
    '!!! note "Kotak"\n    [r]: vbscript:msgbox',
    # images in any form
    "![x][img]",
    "![logo]",
    # invisible characters and look-alike hosts
    "teks \u202eterbalik",
    "judul\u200bnol",
    "baris\x0bbaru",
    "[Google](https://g\u043e\u043egle.com/)",
    "[Google](https://xn--ggle-55da.com/)",
    "[situs](http://example.org/)",
    "[x](https://example.org/ onclick=1)",
]
ALLOWED_MARKDOWN = [
    "anak < 18 tahun",
    "[UNICEF](https://www.unicef.org/indonesia)",
    "[tel](tel:129)",
    "[top](#agenda)",
    "**tebal** dan *miring*",
    "- daftar\n- butir",
    "a > b",
    "rumus {a, b} di tengah kalimat",
    "[KPAI](https://www.kpai.go.id/pengaduan?x=1#form)",
    "teks dengan spasi\u00a0tak-putus dari aplikasi chat",
]


@pytest.mark.parametrize("text", REFUSED_MARKDOWN)
def test_refused_in_markdown(text):
    assert unsafe(text, markdown=True)


@pytest.mark.parametrize("text", ALLOWED_MARKDOWN)
def test_allowed_in_markdown(text):
    assert unsafe(text, markdown=True) == []


def test_raw_html_refused_in_plain_text_too():
    assert unsafe("Judul <b>tebal</b>", markdown=False)
    assert unsafe("Judul biasa", markdown=False) == []


URL_REFUSED = [
    "https://globaldatabase.ecpat.org/){onclick=alert(1)}",
    "https://example.org/a b",
    'https://example.org/"onmouseover="x',
    "https://g\u043e\u043egle.com/",
    "https://xn--ggle-55da.com/",
    "javascript:alert(1)",
    "http://example.org/",
    "ftp://example.org/",
    "https://user:secret@example.org/",
    "https://example.org:8443/",
    "https://localhost/",
    "https://exa_mple.org/",
    "example.org/page",
    "https://",
]
URL_ALLOWED = [
    "https://www.kemenpppa.go.id/page/view/NDIxNg==?x=1#bagian",
    "https://pengaduan.kpai.go.id",
    "https://peraturan.bpk.go.id/Details/38723/uu-no-35-tahun-2014",
]


@pytest.mark.parametrize("url", URL_REFUSED)
def test_source_urls_are_parsed_and_refused(url):
    assert source_problem(url)


@pytest.mark.parametrize("url", URL_ALLOWED)
def test_source_urls_allowed(url):
    assert source_problem(url) is None


@pytest.mark.parametrize(
    "value,ok",
    [
        ("aduankonten.id", True),
        ("report.cybertip.org", True),
        ("pengaduan.kpai.go.id/form", True),
        ("https://aduankonten.id", True),
        ("aduankonten.id){onclick=alert(1)}", False),
        ("javascript:alert(1)", False),
        ("g\u043e\u043egle.com", False),
        ("buka aplikasi", False),
    ],
)
def test_web_channel_values_are_hosts(value, ok):
    assert (channel_problem(value) is None) == ok


def test_url_field_error_names_file_line_and_field(tmp_path):
    site = make_site("mini", tmp_path)
    legal = site / "data/legal.yml"
    text = legal.read_text(encoding="utf-8")
    url = next(line for line in text.splitlines() if "url: https://" in line)
    legal.write_text(text.replace(url, url + "){onclick=alert(1)}", 1), encoding="utf-8")
    line = text.splitlines().index(url) + 1
    problems = [p for p in SiteBuild(site, ["id", "en"]).check().errors() if p.file == "data/legal.yml"]
    assert [(p.line, p.path.endswith(".url")) for p in problems] == [(line, True)]
    assert "brackets or braces" in problems[0].message


PAGE_REFUSED = [
    ("<script>alert(1)</script>", 3, "raw HTML"),
    ('Teks <span onmouseover="alert(1)">x</span>', 3, "raw HTML"),
    ('<iframe src="https://evil.example"></iframe>', 3, "raw HTML"),
    ("![foto](https://evil.example/a.png)", 3, "images"),
    ("[x](javascript:alert(1))", 3, "link target"),
    ("> [r]: javascript:alert(1)", 3, "reference-style"),
    ("**a**{ x onfocus=alert(1) }", 3, "attribute list"),
    ("Baris\n\nteks \u202egnp", 5, "U+202E"),
]


@pytest.mark.parametrize("text,line,what", PAGE_REFUSED)
def test_hand_written_pages_are_checked_with_file_and_line(tmp_path, text, line, what):
    site = make_site("mini", tmp_path)
    (site / "docs/about.md").write_text("# Tentang\n\n" + text + "\n", encoding="utf-8")
    problems = [p for p in SiteBuild(site, ["id", "en"]).check().errors() if p.file == "docs/about.md"]
    assert problems and problems[0].line == line and what in problems[0].message, problems


def test_hand_written_pages_may_show_code_and_link_to_pages(tmp_path):
    site = make_site("mini", tmp_path)
    (site / "docs/about.md").write_text(
        "# Tentang\n\nJalankan `curriculum new case <slug>` lalu lihat [panduan](replication.md#langkah).\n\n"
        "```yaml\nurl: <https://contoh>  # {: .x }\n```\n",
        encoding="utf-8",
    )
    assert [p for p in SiteBuild(site, ["id", "en"]).check().errors() if p.file == "docs/about.md"] == []


@pytest.mark.parametrize("name", ["evil.html", "sub/x.svg", "assets/x.htm", "assets/stylesheets/run.js"])
def test_files_a_browser_would_run_are_refused_in_docs(tmp_path, name):
    site = make_site("mini", tmp_path)
    (site / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
    (site / "docs" / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    problems = [p for p in SiteBuild(site, ["id", "en"]).check().errors() if p.file == f"docs/{name}"]
    assert problems and "published as they are" in problems[0].message
    assert "docs/" + name + ": error:" in problems[0].text()
