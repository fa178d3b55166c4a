"""The site's own search (kurikulum/search.py, docs/assets/javascripts/search.js) on the built
shipped site: the browser analyses words exactly as the build did, finds Indonesian word
families, never answers in another language, never offers the answer key, loads nothing until
it is opened, and a session page's first visit stays light."""

from __future__ import annotations

import contextlib
import functools
import gzip
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browser import chromium_page
from kurikulum.search import INDEX_DIR, Analyzer, fold, read_index
from reachkit import serve as _served
from searchkit import families, page_words, recall, search_in_page, vocabulary
from sitekit import ROOT

FIRST_VISIT_LIMIT = 150 * 1024
RECALL_TARGET = 0.90


def _languages() -> list[str]:
    """The site's languages, from the i18n plugin in mkdocs.yml (default first)."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "#"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = [x for x in plugin["i18n"]["languages"] if x.get("build", True)]
            return sorted((x["locale"] for x in langs), key=lambda x: x != langs[0]["locale"])
    return ["id"]


@pytest.fixture(scope="module")
def browser(shipped_built):
    """One Chromium for the module; each test opens its own pages in it."""
    with chromium_page() as page:
        yield page.context.browser


@pytest.fixture(scope="module")
def browser_page(browser, shipped_built):
    page = browser.new_page()
    page.goto((shipped_built / "sesi" / "concepts.html").as_uri())
    page.evaluate("window.kurikulumSearch.ensure()")
    yield page
    page.close()


@contextlib.contextmanager
def _page(browser, **options):
    context = browser.new_context(**options)  # its own cache: a first visit
    try:
        yield context.new_page()
    finally:
        context.close()


@functools.cache
def _index(site: Path, lang: str) -> dict:
    return read_index(site / INDEX_DIR / f"{lang}.js")


def _js_stems(page, site: Path, lang: str, words: list[str]) -> list[str]:
    stemmer = _index(site, lang)["stemmer"]
    src = (site / _index(site, lang)["stemmer_file"]).as_uri()
    page.add_script_tag(url=src)
    return page.evaluate(
        "([name, words]) => words.map(w => window.kurikulumStemmers[name](w))", [stemmer, words]
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_browser_and_build_stem_every_word_of_the_index_alike(browser_page, shipped_built, lang):
    """Snowball in Python (snowballstemmer) and the committed browser file give the same stem
    for every distinct word of the built pages of the language. The one exception, by design:
    words with digits are never stemmed (the English browser file changes digits: 203 -> 20i)."""
    words = sorted(
        {part for ws in page_words(shipped_built, lang).values() for w in ws for part in w.split("-") if part}
    )
    plain = [w for w in words if not any(c.isdigit() for c in w)]
    analyzer = Analyzer(lang)
    python = [analyzer._stemmer.stemWord(w) for w in plain]
    browser = _js_stems(browser_page, shipped_built, lang, plain)
    differ = [(w, p, b) for w, p, b in zip(plain, python, browser, strict=True) if p != b]
    print(f"\n{lang}: {len(plain)} distinct words, {len(plain) - len(differ)} stemmed alike")
    assert len(plain) > 1000
    assert differ == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_browser_analyses_every_token_as_the_build_did(browser, shipped_built, lang):
    """The whole pipeline (folding, reduplication, stop words, stems, alternatives) in the
    browser gives the same terms as the build for every token of the language's pages."""
    tokens = sorted({w for ws in page_words(shipped_built, lang).values() for w in ws})
    tokens += [
        "anak-anak",
        "Anak-Anaknya",
        "bermain-main",
        "sebaik-baiknya",
        "e-mail",
        "Pélaporan",
        "mengirimkan",
    ]
    index = _index(shipped_built, lang)
    analyzer = Analyzer(lang)
    python = [analyzer.groups(fold(t), index["terms"]) for t in tokens]
    with _page(browser) as page:
        start = "index.html" if lang == "id" else f"{lang}/index.html"
        page.goto((shipped_built / start).as_uri())
        page.evaluate("window.kurikulumSearch.ensure()")
        browser = page.evaluate(
            "([tokens, lang]) => tokens.map(t => window.kurikulumSearch.groups(t.normalize('NFKD')"
            ".replace(/\\p{M}/gu, '').toLowerCase(), lang))",
            [tokens, lang],
        )
    differ = [(t, p, b) for t, p, b in zip(tokens, python, browser, strict=True) if p != b]
    print(f"\n{lang}: {len(tokens)} tokens, {len(tokens) - len(differ)} analysed alike")
    assert differ == []
    if lang == "id":
        assert analyzer.groups("anak-anaknya", index["terms"]) == [["anak"]]


def test_word_families_are_found(browser_page, shipped_built):
    fams = families()
    assert len(fams) >= 40
    words = page_words(shipped_built, "id")
    known = vocabulary(words)
    for family in fams:
        assert len(family.forms) >= 3, family.root
        assert all(family.pattern.fullmatch(f) for f in family.forms), family.root
        assert any(f not in known for f in family.forms), f"{family.root}: every form is in the site"
    score, rows = recall(browser_page, fams, words)
    missed = sorted({f"{root}:{form} {hit}/{total}" for root, form, hit, total in rows if hit < total})
    print(f"\nrecall {score:.1%} over {len(rows)} forms of {len(fams)} families; incomplete: {missed}")
    assert score >= RECALL_TARGET


def test_every_language_has_its_own_index_with_only_its_pages(shipped_built):
    langs = _languages()
    assert sorted(p.stem for p in (shipped_built / INDEX_DIR).glob("*.js")) == sorted(langs)
    default, others = langs[0], langs[1:]
    for lang in langs:
        urls = [url for url, _ in _index(shipped_built, lang)["pages"]]
        assert urls
        if lang == default:
            assert not [u for u in urls if u.split("/")[0] in others]
        else:
            assert all(u.startswith(f"{lang}/") for u in urls)
    assert not (shipped_built / "search" / "search_index.json").exists()


@pytest.mark.parametrize(
    ("start", "query", "lang"),
    [
        ("index.html", "grooming", "id"),
        ("sesi/concepts.html", "report", "id"),
        ("sesi/concepts.html", "laporan", "id"),
        ("en/index.html", "hukum", "en"),
        ("en/sesi/concepts.html", "grooming", "en"),
        ("en/sesi/concepts.html", "report", "en"),
    ],
)
def test_no_result_from_another_language(browser, shipped_built, start, query, lang):
    with _page(browser) as page:
        page.goto((shipped_built / start).as_uri())
        hits = search_in_page(page, query)
    others = [h["page"] for h in hits if (h["page"].startswith("en/")) != (lang == "en")]
    assert others == []
    if query in ("grooming", "laporan"):
        assert hits


def test_answer_key_and_handbook_are_never_results(browser_page, shipped_built):
    """The decision (MAINTAINERS.md): answer keys and the handbook are not in search; the day's
    facilitator notes are, below the session pages."""
    for lang in _languages():
        urls = [url for url, _ in _index(shipped_built, lang)["pages"]]
        assert not [u for u in urls if "/kunci-" in f"/{u}" or u.endswith("buku-panduan.html")]
        assert [u for u in urls if u.endswith("-catatan.html")]
    for query in (
        "jawaban",
        "kunci jawaban",
        "tes akhir",
        "pelaporan",
        "pre-test",
        "grooming",
        "benar salah",
    ):
        hits = search_in_page(browser_page, query)
        assert not [h for h in hits if "kunci-" in h["page"]], query


def test_snippets_are_plain_text(shipped_built):
    for lang in _languages():
        docs = _index(shipped_built, lang)["docs"]
        assert len(docs) > 100
        bad = [d for d in docs if d[3].startswith("#") or "<" in d[3] or "](" in d[3] or "¶" in d[3]]
        assert bad == []


def _use_search_ui(page, query: str) -> list[str]:
    button = page.locator("[data-site-search-open]")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#site-search[open]")
    assert page.evaluate("document.activeElement.id") == "site-search-input"
    page.keyboard.type(query)
    page.wait_for_selector(".site-search__result", timeout=15000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('site-search__result')")
    hrefs = page.eval_on_selector_all(".site-search__result", "els => els.map(e => e.href)")
    page.keyboard.press("Escape")
    page.wait_for_selector("#site-search:not([open])", state="attached")
    assert page.evaluate("document.activeElement.hasAttribute('data-site-search-open')")
    return hrefs


def test_search_ui_from_file_and_over_http_loads_the_index_only_when_opened(browser, shipped_built):
    requests = []
    with _page(browser, viewport={"width": 390, "height": 844}) as page:
        page.on("request", lambda r: requests.append(r.url))
        page.goto((shipped_built / "sesi" / "concepts.html").as_uri())
        page.wait_for_load_state("load")
        assert not [u for u in requests if "/search/" in u or "stemmer-" in u]
        hrefs = _use_search_ui(page, "melaporkan")
        assert [u for u in requests if u.endswith("/search/id.js")]
        assert hrefs and not [h for h in hrefs if "/en/" in h]
        with _served(shipped_built) as base:
            requests.clear()
            page.goto(base + "en/sesi/concepts.html")
            page.wait_for_load_state("load")
            assert not [u for u in requests if "/search/" in u]
            hrefs = _use_search_ui(page, "reporting")
            assert hrefs and all(urlsplit(h).path.startswith("/en/") for h in hrefs)
            assert [u for u in requests if u.endswith("/search/en.js")]


def test_first_visit_of_a_session_page_is_light_and_stays_on_the_site(browser, shipped_built):
    """Every request of a first visit (empty cache), gzip-compressed, at most 150 KB; nothing
    from another host. The search index is not part of it."""
    sizes: dict[str, int] = {}
    hosts = set()
    with _served(shipped_built) as base, _page(browser) as page:

        def record(response):
            hosts.add(urlsplit(response.url).netloc)
            try:
                body = response.body()
            except Exception:  # a redirect or a failed request has no body
                body = b""
            sizes[response.url.removeprefix(base)] = len(gzip.compress(body, 6))

        page.on("response", record)
        page.goto(base + "sesi/concepts.html")
        page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    breakdown = ", ".join(f"{k} {v / 1024:.1f}" for k, v in sorted(sizes.items(), key=lambda kv: -kv[1]))
    print(f"\nfirst visit: {total / 1024:.1f} KB gzipped over {len(sizes)} requests: {breakdown}")
    assert hosts == {urlsplit(base).netloc}
    assert not [u for u in sizes if u.startswith("search/")]
    assert total <= FIRST_VISIT_LIMIT
