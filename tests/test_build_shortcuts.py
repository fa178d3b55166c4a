"""The build's shortcuts give exactly the result of doing the work in full.

Speed comes from: libyaml reading the files, files and anonymity findings remembered by their
content, one template environment, pages audited in a second process, and (in ``mkdocs serve``
only) pages whose Markdown did not change not converted again. Each test here does the work
both ways, or changes what a shortcut depends on, and compares.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sitekit import ROOT, make_site, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from kurikulum import yamlsrc  # noqa: E402
from kurikulum.site import SiteBuild  # noqa: E402

SHIPPED_YAML = sorted(
    p for folder in ("data", "modules", "case_studies") for p in (ROOT / folder).rglob("*.yml") if p.is_file()
)

TRICKY = [
    "a: 1\nb: [x, y]\nc: {d: e}\n",
    "k: |\n  line one\n\n  line three\n",
    "k: >-\n  folded\n  text\n",
    "t: 09:30\nu: 1:30:00\n",
    "d: 2026-01-02\ne: 2026-13-45\n",
    "q: 'it''s'\nr: \"tab\\there \\u00e9\"\n",
    "yes: no\non: off\n",
    "- a\n- b: c\n  d: [1, 2.5, -3, +4, .5, 1e3]\n",
    "empty:\nnull_value: null\ntilde: ~\n",
    "nama: Éva Łukasz — “kutip” ‘satu’ 中文 😀\nlagi: x\n",
    "# komentar\nkey: value # bukan komentar? ya, komentar\n",
    "list:\n- satu\n-   dua\n-\n  tiga\n",
    "a:\n  b:\n    c:\n      - d: 1\n        e: 2\n",
    "? complex\n: value\n",
    "key: 'multi\n  line single'\nother: \"multi\n  line double\"\n",
    "dup: 1\ndup: 2\n",
    "123: numeric key\ntrue: boolean key\n",
]


def _both(text: str):
    """The document read by libyaml and by the pure reader."""
    node = yamlsrc._fast_node(text)
    loader = yamlsrc._Loader(text)
    try:
        slow_node = loader.get_single_node()
    finally:
        loader.dispose()
    results = []
    for tree in (node, slow_node):
        builder = yamlsrc._Builder("f.yml")
        data = builder.build(tree, ()) if tree is not None else None
        results.append((data, builder.positions, [p.text() for p in builder.problems]))
    return results


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_libyaml_reads_every_shipped_file_like_the_pure_reader(path):
    fast, slow = _both(path.read_text(encoding="utf-8"))
    assert fast == slow
    assert fast[0] is not None


@pytest.mark.parametrize("text", TRICKY)
def test_libyaml_reads_tricky_yaml_like_the_pure_reader(text):
    fast, slow = _both(text)
    assert fast == slow


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!int '3'\n",
        "a: !custom x\n",
        "title: Tips: stay safe\n",
        "a: 1\nb\nc: 2\n",
        'a: "never closed\nb: 2\n',
        "a: 1\n---\nb: 2\n",
        "a: [" * 60 + "]" * 60 + "\n",
    ],
)
def test_a_file_with_an_error_gets_the_pure_readers_message(text, monkeypatch):
    with_libyaml = yamlsrc.parse_yaml(text, "f.yml")
    monkeypatch.setattr(yamlsrc, "CParser", None)
    without = yamlsrc.parse_yaml(text, "f.yml")
    assert with_libyaml[0] is None and without[0] is None
    assert [p.text() for p in with_libyaml[1]] == [p.text() for p in without[1]]
    assert with_libyaml[1], "an error must be reported"


def test_an_edited_file_is_read_again_even_with_the_same_size_and_time(tmp_path):
    path = tmp_path / "f.yml"
    path.write_text("title: satu\n", encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    assert yamlsrc.read_yaml(path, "f.yml", tmp_path)[0].data == {"title": "satu"}
    path.write_text("title: dua!\n", encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))
    assert yamlsrc.read_yaml(path, "f.yml", tmp_path)[0].data == {"title": "dua!"}


# -- the anonymity findings cache ------------------------------------------------------------

PHONE_CASE = "Ibunya menelepon dari nomor 0812 3456 7890 malam itu."


def _mini_with_case_text(tmp_path: Path, text: str) -> Path:
    site = make_site("mini", tmp_path / "site")
    case = site / "case_studies" / "case-a.yml"
    data = case.read_text(encoding="utf-8")
    assert "Kisah kasus a." in data
    case.write_text(data.replace("Kisah kasus a.", text, 1), encoding="utf-8")
    return site


def _anonymity(site: Path) -> list[str]:
    report = SiteBuild(site, ["id", "en"]).check()
    return [p.text() for p in report.sorted() if p.code and p.code.startswith("anonymity")]


def test_cached_findings_are_the_findings(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CURRICULUM_CACHE", str(cache))
    site = _mini_with_case_text(tmp_path, PHONE_CASE)
    first = _anonymity(site)
    assert any("0812 3456 7890" in line for line in first)
    files = list(cache.glob("anonymity-*.json"))
    assert len(files) == 1 and not list(site.rglob("anonymity-*.json"))
    assert _anonymity(site) == first
    files[0].write_text("{not json", encoding="utf-8")  # a damaged cache is ignored
    assert _anonymity(site) == first
    entries = json.loads(files[0].read_text(encoding="utf-8"))["entries"]
    assert entries, "the cache was written again"


def test_a_projects_own_word_list_applies_even_with_a_warm_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CURRICULUM_CACHE", str(tmp_path / "cache"))
    # a town of places.txt is reported only with something it narrows down in its sentence: here an exact age
    site = _mini_with_case_text(tmp_path, "Anak berusia 12 tahun itu bertemu pelaku di Zwartkop setiap sore.")
    before = _anonymity(site)
    local = site / "local" / "data" / "anonymity"
    local.mkdir(parents=True)
    (local / "places.txt").write_text("Zwartkop\n", encoding="utf-8")
    after = _anonymity(site)
    assert not any("Zwartkop" in line for line in before)
    assert any("Zwartkop" in line for line in after)


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("CURRICULUM_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    site = _mini_with_case_text(tmp_path, PHONE_CASE)
    assert any("0812 3456 7890" in line for line in _anonymity(site))
    assert not (tmp_path / "home").exists()


# -- `curriculum build`: validate once, render once -------------------------------------


def test_mkdocs_validates_again_unless_the_content_is_exactly_what_was_checked(tmp_path):
    site = make_site("mini", tmp_path / "site")
    checked = SiteBuild(site, ["id", "en"])
    checked.check()
    claimed = checked.fingerprint()
    timings = tmp_path / "timings.json"
    env = {"CURRICULUM_VALIDATED": claimed, "CURRICULUM_TIMINGS": str(timings)}
    done = mkdocs_build(site, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(timings.read_text(encoding="utf-8"))["validated"] == 0.0
    case = site / "case_studies" / "case-a.yml"
    case.write_text(case.read_text(encoding="utf-8").replace("Kisah kasus a.", PHONE_CASE), encoding="utf-8")
    stale = mkdocs_build(site, env=env)
    assert stale.returncode == 1
    assert "0812 3456 7890" in stale.stdout + stale.stderr


def test_pdfs_listed_by_the_mkdocs_run_are_the_pdfs_of_the_rendered_pages(tmp_path):
    from kurikulum.pipeline import pdf_jobs
    from kurikulum.site import printable

    build = SiteBuild(ROOT, ["id", "en"])
    build.check()
    manifest = tmp_path / "pages.json"
    listed = {lang: printable(build.pages(lang, ROOT / "docs", "id")) for lang in ("id", "en")}
    manifest.write_text(json.dumps(listed), encoding="utf-8")
    from_manifest = pdf_jobs(build, ROOT, tmp_path / "site", ["id", "en"], manifest)
    fresh = SiteBuild(ROOT, ["id", "en"])
    fresh.check()
    rendered = pdf_jobs(fresh, ROOT, tmp_path / "site", ["id", "en"])
    assert from_manifest == rendered
    assert len(from_manifest) > 20


# -- mkdocs serve: the preview cache -------------------------------------------------------

LIVERELOAD = re.compile(r"<script>\s*var livereload.*?</script>", re.S)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def _wait(port: int, path: str, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status, body = _get(port, path)
            if status == 200 and text in body:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{path} did not show {text!r}")


class _Serve:
    def __init__(self, site: Path, port: int, log: Path, ahead: int = 1_000_000_000, verbose: bool = False):
        """``ahead``: from how many characters a changed page is converted in a second process
        (kurikulum/aheadconvert.py); by default never."""
        self.log = log.open("w")
        env = {
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SOURCE_DATE_EPOCH": "1767225600",
            "CURRICULUM_AHEAD_LARGE": str(ahead),
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
            + (["-v"] if verbose else []),
            cwd=site,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


def _pages(port: int, names: list[str]) -> dict[str, str]:
    return {name: LIVERELOAD.sub("", _get(port, "/" + name)[1]) for name in names}


SEARCH_FILES = ["search/id.js", "search/en.js"]


def test_serve_after_an_edit_serves_what_a_fresh_serve_serves(tmp_path):
    site = make_site("mini", tmp_path / "site")
    about = site / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    built = mkdocs_build(site)
    assert built.returncode == 0, built.stderr
    names = sorted(p.relative_to(site / "site").as_posix() for p in (site / "site").rglob("*.html"))
    names += SEARCH_FILES  # pages written again as they were are not read again for the index
    module = site / "modules" / "intro.yml"
    text = module.read_text(encoding="utf-8")
    title = "Pembukaan"
    assert f"id: {title}," in text
    programme = site / "data" / "programme.yml"
    venue = "venue: {id: Ruang Contoh, en: Example Room}"
    assert venue in programme.read_text(encoding="utf-8")
    port = _free_port()
    # The edited server converts the handbook (the largest page) in a second process; the
    # fresh one below converts every page itself, as a build does.
    serve = _Serve(site, port, tmp_path / "serve.log", ahead=1_000, verbose=True)
    try:
        _wait(port, "/sesi/intro.html", title)
        text = text.replace(f"id: {title},", f"id: {title} Diubah,", 1)
        module.write_text(text, encoding="utf-8")
        _wait(port, "/sesi/intro.html", f"{title} Diubah")
        # Then an edit that changes one page's body only: the other pages are reused.
        module.write_text(text.replace("Ruang ini **aman**", "Ruang ini **aman** BARU", 1), encoding="utf-8")
        _wait(port, "/sesi/intro.html", "aman</strong> BARU")
        # And one in data/ that only the English pages show.
        programme.write_text(
            programme.read_text(encoding="utf-8").replace(venue, venue.replace("Room", "Hall")),
            encoding="utf-8",
        )
        _wait(port, "/en/fasilitator/buku-panduan.html", "Example Hall")
        time.sleep(1)
        edited = _pages(port, names)
    finally:
        serve.stop()
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert log.count("no-such-page.md") >= 2, "warnings of reused pages are logged on every rebuild"
    ahead = re.findall(r"(\S+): converted in a second process", log)
    assert {"fasilitator/buku-panduan.html", "en/fasilitator/buku-panduan.html"} <= set(ahead)
    assert len(ahead) >= 5, ahead  # both languages at the start, then after each of the three edits
    fresh = _Serve(site, port, tmp_path / "fresh.log")
    try:
        _wait(port, "/sesi/intro.html", f"{title} Diubah")
        again = _pages(port, names)
    finally:
        fresh.stop()
    assert "converted in a second process" not in (tmp_path / "fresh.log").read_text(encoding="utf-8")
    assert len(names) > 20
    different = [name for name in names if edited[name] != again[name]]
    assert different == []
    assert all(f"{title} Diubah" in edited[name] for name in ("sesi/intro.html", "index.html"))
    assert "aman</strong> BARU" in again["sesi/intro.html"]
    assert "Example Hall" in edited["en/fasilitator/buku-panduan.html"]
    assert "Ruang Contoh" in edited["fasilitator/buku-panduan.html"]
    assert "baru" in edited["search/id.js"] and "baru" not in edited["search/en.js"]


# -- the audit worker ------------------------------------------------------------------------


def _written_pages(site: Path) -> list[tuple[str, str]]:
    return [
        (p.relative_to(site).as_posix(), p.read_text(encoding="utf-8")) for p in sorted(site.rglob("*.html"))
    ]


def _through_pool(pool, site: Path, pages, unsafe: str) -> tuple[list, dict]:
    for name, html in pages:
        lang = "en" if name.startswith("en/") else "id"
        if name == unsafe:
            html = html.replace("<article", '<article onclick="alert(1)"', 1)
        pool.submit(html, name, site / name, key=name, title=f"T {name}", lang=lang)
    findings = pool.finish()
    return findings, dict(pool.documents())


def test_the_audit_worker_finds_and_reads_what_the_build_process_does(mini_built, tmp_path):
    from kurikulum.auditpool import AuditPool
    from kurikulum.search import page_documents

    site = tmp_path / "site"
    shutil.copytree(mini_built, site)
    pages = _written_pages(site)
    unsafe = "sesi/intro.html"
    results = {}
    for workers in (1, 0):
        pool = AuditPool(workers)
        results[workers] = _through_pool(pool, site, pages, unsafe)
        assert pool.workers == workers
        assert not (site / unsafe).exists(), "a page with a finding is deleted"
        (site / unsafe).write_text(dict(pages)[unsafe], encoding="utf-8")
    (findings, documents), (findings_here, documents_here) = results[1], results[0]
    assert [f.text() for f in findings] == [f.text() for f in findings_here]
    assert [(f.page, f.what) for f in findings] == [(unsafe, "event handler `onclick` on <article>")]
    assert documents == documents_here
    name, html = pages[0]
    assert documents[name] == page_documents(html, f"T {name}", "id")
    assert any(doc[2] for docs in documents.values() for doc in docs["docs"]), "words were read"


def test_pages_the_dead_worker_did_not_answer_for_are_audited_and_read_here(mini_built, tmp_path):
    from kurikulum.auditpool import AuditPool

    site = tmp_path / "site"
    shutil.copytree(mini_built, site)
    pages = _written_pages(site)
    unsafe = pages[-1][0]
    pool = AuditPool(1)
    pool.start()
    pool._proc.kill()  # the worker dies before it answers
    findings, documents = _through_pool(pool, site, pages, unsafe)
    assert pool._proc is None, "a dead worker is not started again (it could lose a page)"
    # the page is read from disk as written, where it is still safe: only the worker saw the change
    assert set(documents) == {name for name, _ in pages}
    expected, _ = _through_pool(AuditPool(0), site, [(n, h) for n, h in pages if n != unsafe], "")
    assert [f.text() for f in findings if f.page != unsafe] == [f.text() for f in expected]


def _indexes_through_pool(pool, site: Path, pages, out: Path, unsafe: str = "") -> tuple[list, dict]:
    """A build's way: each page with its search page, each language's index asked for as soon
    as its pages are all submitted (Indonesian first, as MkDocs builds them)."""
    from kurikulum.search import search_page

    done = None
    for name, html in sorted(pages, key=lambda page: page[0].startswith("en/")):
        lang = "en" if name.startswith("en/") else "id"
        if done is not None and lang != done:
            pool.write_indexes(out)
        done = lang
        if name == unsafe:
            html = html.replace("<article", '<article onclick="alert(1)"', 1)
        pool.submit(html, name, site / name, search=search_page(lang, name, f"T {name}", None))
    pool.write_indexes(out)
    findings = pool.finish()
    return findings, {p.name: p.read_bytes() for p in sorted((out / "search").glob("*.js"))}


def test_the_worker_writes_the_index_the_build_process_writes(mini_built, tmp_path):
    from kurikulum.auditpool import AuditPool
    from kurikulum.search import SearchIndex, search_page

    site = tmp_path / "site"
    shutil.copytree(mini_built, site)
    pages = _written_pages(site)
    assert {name.startswith("en/") for name, _ in pages} == {True, False}
    written = {}
    for workers in (1, 0):
        pool = AuditPool(workers)
        findings, written[workers] = _indexes_through_pool(pool, site, pages, tmp_path / f"out{workers}")
        assert findings == [] and pool.index_findings == []
        assert pool.workers == workers
        assert pool.indexes == {"en.js", "id.js"}, "both written and audited"
    # `mkdocs serve`'s way: the documents come back and the index is written here
    index = SearchIndex()
    findings, documents = _through_pool(AuditPool(1), site, pages, "")
    for name, _ in pages:
        lang = "en" if name.startswith("en/") else "id"
        if (page := search_page(lang, name, f"T {name}", None)) is not None:
            index.add(page, documents[name])
    for lang in ("id", "en"):
        index.write(tmp_path / "serve", lang)
    served = {p.name: p.read_bytes() for p in sorted((tmp_path / "serve" / "search").glob("*.js"))}
    assert set(written[1]) == {"en.js", "id.js"}
    assert written[1] == written[0] == served


def test_the_index_is_written_here_when_the_worker_dies(mini_built, tmp_path):
    from kurikulum.auditpool import AuditPool

    site = tmp_path / "site"
    shutil.copytree(mini_built, site)
    pages = _written_pages(site)
    _, expected = _indexes_through_pool(AuditPool(0), site, pages, tmp_path / "here")
    pool = AuditPool(1)
    pool.start()
    pool._proc.kill()
    findings, written = _indexes_through_pool(pool, site, pages, tmp_path / "dead")
    assert findings == [] and written == expected and pool.indexes == {"en.js", "id.js"}


def test_no_index_is_written_for_a_language_with_an_unsafe_page(mini_built, tmp_path):
    from kurikulum.auditpool import AuditPool

    site = tmp_path / "site"
    shutil.copytree(mini_built, site)
    pages = _written_pages(site)
    for workers in (1, 0):
        unsafe = "sesi/intro.html"
        findings, written = _indexes_through_pool(
            AuditPool(workers), site, pages, tmp_path / f"o{workers}", unsafe
        )
        assert [(f.page, f.what) for f in findings] == [(unsafe, "event handler `onclick` on <article>")]
        assert set(written) == {"en.js"}, "the Indonesian index would hold the unsafe page's words"
        assert not (site / unsafe).exists()
        (site / unsafe).write_text(dict(pages)[unsafe], encoding="utf-8")


def test_a_build_without_the_worker_writes_the_same_site(mini_built, tmp_path):
    site = make_site("mini", tmp_path / "site")
    done = mkdocs_build(site, "--strict", env={"CURRICULUM_AUDIT_WORKERS": "0"})
    assert done.returncode == 0, done.stderr
    ours = {
        p.relative_to(mini_built).as_posix(): p.read_bytes() for p in mini_built.rglob("*") if p.is_file()
    }
    here = {
        p.relative_to(site / "site").as_posix(): p.read_bytes()
        for p in (site / "site").rglob("*")
        if p.is_file()
    }
    assert {"search/id.js", "search/en.js"} <= set(ours)
    assert [name for name in ours if ours[name] != here.get(name)] == []
    assert set(ours) == set(here)


# -- the benchmark's tools ---------------------------------------------------------------


def test_the_plain_export_builds_the_same_pages_without_the_engine(tmp_path):
    from export_plain import export

    site = make_site("mini", tmp_path / "site")
    assert mkdocs_build(site).returncode == 0
    export(site, tmp_path / "plain")
    config = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "site_hooks" not in config
    done = mkdocs_build(tmp_path / "plain")
    assert done.returncode == 0, done.stderr
    ours = sorted(p.relative_to(site / "site").as_posix() for p in (site / "site").rglob("*.html"))
    plain = sorted(
        p.relative_to(tmp_path / "plain" / "site").as_posix()
        for p in (tmp_path / "plain" / "site").rglob("*.html")
    )
    assert ours == plain
    nav = re.compile(r'<a href="([^"]+)" class="md-nav__link')
    for name in ("index.html", "en/index.html"):
        mine = (site / "site" / name).read_text(encoding="utf-8")
        theirs = (tmp_path / "plain" / "site" / name).read_text(encoding="utf-8")
        assert nav.findall(mine) == nav.findall(theirs)
        assert len(nav.findall(mine)) > 10


def test_grown_curriculum_passes_the_check(tmp_path):
    from bench import copy_project, grow

    project = copy_project(tmp_path / "grown")
    before = len(list((project / "modules").glob("*.yml")))
    grow(project, 25)
    build = SiteBuild(project, ["id", "en"])
    report = build.check()
    assert not report.failed(), report.as_text()
    assert len(build.curriculum.modules) == before + 25
    assert len(build.curriculum.sessions()) >= before + 25
    shutil.rmtree(project)
