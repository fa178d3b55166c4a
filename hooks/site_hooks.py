"""MkDocs hooks: thin adapters from MkDocs events to the curriculum engine.

The engine (``kurikulum``) does the work; these functions only hand it the i18n state and turn
its pages into in-memory MkDocs files. Pages are generated after mkdocs-static-i18n's
``on_files`` (priority -100), once per language build, and never written into ``docs/``.
Restart ``mkdocs serve`` after editing Python code: MkDocs keeps hook modules loaded.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import subprocess
import time
from pathlib import Path

from kurikulum.aheadconvert import AheadConversion
from kurikulum.audit import audit_html, audit_search_index
from kurikulum.auditpool import AuditPool
from kurikulum.cache import template_cache
from kurikulum.cards import label_cells
from kurikulum.previewcache import PreviewCache, TemplateCache
from kurikulum.reach import help_strip
from kurikulum.render import Renderer
from kurikulum.sanitize import Sanitizer, strip_invisible
from kurikulum.search import SearchIndex, search_page
from kurikulum.site import SiteBuild, printable
from kurikulum.sourcefiles import read_text_file
from kurikulum.textutil import css_string
from kurikulum.themefiles import ThemeListing, cached_get_env
from kurikulum.urlcheck import site_host
from kurikulum.urls import REFERRAL
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

log = get_plugin_logger("curriculum")


class _Current:
    """The build in progress. A new SiteBuild is made when a build starts (its default language)."""

    build: SiteBuild | None = None
    audits = AuditPool()
    printable: dict[str, list] = {}
    """Per language, the pages that have a PDF (written to CURRICULUM_MANIFEST for the PDFs)."""
    serving = False
    preview = PreviewCache()
    templates = TemplateCache()
    cleaned: dict[bytes, tuple[str, list[str]]] = {}
    """While serving: sanitised content (cards labelled, kurikulum/cards.py) by the digest of the
    HTML it was made from, from the previous rebuild."""
    guard: dict[str, float] = {}
    """Seconds spent sanitising and auditing in this build (for the benchmark)."""
    search = SearchIndex()
    """The pages written per language, for the site's search index (kurikulum/search.py)."""
    audited: dict[bytes, dict | None] = {}
    """While serving: pages audited clean in a previous rebuild (by the digest of their HTML,
    title and language), with their search documents."""
    theme_files = ThemeListing()
    """While serving: the theme's file list, kept between rebuilds (kurikulum/themefiles.py)."""
    ahead = AheadConversion()
    """While serving: the handbook converted in a second process (kurikulum/aheadconvert.py)."""


def _timed(step: str, since: float) -> None:
    _Current.guard[step] = _Current.guard.get(step, 0.0) + time.perf_counter() - since


def on_startup(command: str, dirty: bool) -> None:
    _Current.serving = _Current.search.remember = command == "serve"
    _Current.preview.ahead = _Current.ahead if _Current.serving else None
    _Current.audits.compact = _Current.search.compact
    _fixed_build_date()


WATCH_POLL = 0.05
"""Seconds between two looks at the content folders while serving (MkDocs: 0.5)."""

BUILD_DELAY = 0.06
"""Seconds without a further change before a rebuild starts (MkDocs: 0.1); longer than
``WATCH_POLL``, so the changes of one save seen in two looks still make one rebuild."""


def on_config(config):
    """While serving, the theme's file list is kept between rebuilds (kurikulum/themefiles.py)."""
    if _Current.serving:
        cached_get_env(config.theme, _Current.theme_files)
    return config


def on_serve(server, config, builder):
    """`mkdocs serve` looks for saved files every half second and waits a tenth of a second for
    more before it rebuilds; the content folders listed under `watch:` in mkdocs.yml (added after
    this event) are looked at every twentieth of a second, and the rebuild starts 60 ms after the
    last change seen, so an edit shows sooner. Checking a few hundred files' times costs about a
    millisecond."""
    observer = getattr(server, "observer", None)
    if observer is not None and isinstance(getattr(observer, "_timeout", None), float):
        observer._timeout = WATCH_POLL  # watchdog gives each folder watched from now on this period
    if isinstance(getattr(server, "build_delay", None), float):
        server.build_delay = max(BUILD_DELAY, WATCH_POLL)
    return server


# The engine's data lives for the whole build. Python's garbage collector would walk all of it
# again and again while MkDocs renders (a quarter of the engine's cost on a large curriculum), so
# once it is made it is moved out of the collector's way with gc.freeze(); each rebuild of
# `mkdocs serve` gives the previous build's objects back to the collector first.


def _fixed_build_date() -> None:
    """Dates in the output (sitemap) come from the last commit, so two builds are identical."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], capture_output=True, text=True, check=True, timeout=10
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    os.environ["SOURCE_DATE_EPOCH"] = out or "0"


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return "id", "id", ["id"], None
    langs = [lang.locale for lang in plugin.config.languages if lang.build]
    default = plugin.default_language
    return plugin.current_language, default, [default] + [x for x in langs if x != default], plugin


def on_pre_build(config) -> None:
    lang, default, langs, _ = _i18n(config)
    if lang == default or _Current.build is None:
        _Current.guard = {}
        _Current.printable = {}
        _Current.search.clear()
        gc.unfreeze()  # a rebuild of `mkdocs serve`: the previous build's objects may go now
        _Current.preview.new_build()
        _Current.ahead.cancel()
        root = Path(config.config_file_path).resolve().parent
        _Current.templates.new_build([root / "data", root / "local" / "data"])
        _Current.audits.cancel()
        _Current.audits.start()
        _Current.build = _check(config, langs)
        gc.freeze()
    else:  # the previous language's pages are all written: the worker builds its search index
        _Current.audits.write_indexes(Path(config.site_dir))


def _check(config, langs: list[str]) -> SiteBuild:
    root = Path(config.config_file_path).resolve().parent
    build = SiteBuild(root, langs, strict=bool(config.strict), docs_dir=Path(config.docs_dir))
    report = build.check()
    for problem in report.sorted():
        {"error": log.error, "warning": log.warning}.get(problem.severity, log.info)(problem.text())
    if report.failed():
        raise Abort(
            f"Content problems: {report.summary(langs)}. Fix them and build again "
            "(`curriculum check` lists them too)."
        )
    return build


LOCAL_DOCS = "local/docs"


@event_priority(-150)
def on_files(files: Files, config) -> Files:
    lang, default, langs, plugin = _i18n(config)
    build = _Current.build
    added = []
    pages = build.pages(lang, Path(config.docs_dir), default)
    _Current.printable[lang] = printable(pages)
    for page in pages:
        file = _lang_file(config, page.uri, lang, default, page.markdown)
        file.curriculum_page = True
        file.locale = file.locale_alternate_of = lang
        file.alternates = {x: file if x == lang else _lang_file(config, page.uri, x, default) for x in langs}
        files.append(file)
        added.append(file)
    added += _local_pages(files, config, lang, default, langs)
    if plugin is not None:
        plugin.i18n_files_per_language.setdefault(lang, []).extend(added)
    config.nav = build.nav(lang)
    build.forget_pages(lang)  # the files hold them now; a large curriculum's pages are big
    log.info(f"generated {len(added)} pages for '{lang}'")
    gc.freeze()
    return files


def _local_pages(files: Files, config, lang: str, default: str, langs: list[str]) -> list[File]:
    """The edition's hand-written pages in local/docs/: one with the name of a page in docs/
    is published instead of it (``about.md``, ``about.en.md``); any other is added. Its English
    (or other language) version is ``name.<lang>.md``, as in docs/."""
    local_docs = Path(config.config_file_path).resolve().parent / LOCAL_DOCS
    if not local_docs.is_dir():
        return []
    docs = Path(config.docs_dir).resolve()
    taken = set()
    for file in files:
        source = Path(file.abs_src_path).resolve() if file.abs_src_path else None
        if source is None or not source.is_relative_to(docs) or not file.src_uri.endswith(".md"):
            continue
        rel = source.relative_to(docs).as_posix()
        stem = _page_stem(rel, langs)
        for candidate in ([f"{stem}.{lang}.md"] if lang != default else []) + [rel]:
            if (local_docs / candidate).is_file():
                file.abs_src_path = str(local_docs / candidate)
                break
        taken.add(stem)
    added = []
    for path in sorted(local_docs.rglob("*.md")):
        rel = path.relative_to(local_docs).as_posix()
        stem, suffix = _page_stem(rel, langs), _page_lang(rel, langs)
        if (
            stem in taken
            or suffix not in (lang, None)
            or (suffix is None and lang != default and (local_docs / f"{stem}.{lang}.md").is_file())
        ):
            continue
        taken.add(stem)
        text = read_text_file(path, Path(config.config_file_path).resolve().parent, f"{LOCAL_DOCS}/{rel}")[0]
        if text is None:
            continue
        file = _lang_file(config, f"{stem}.md", lang, default, text)
        file.locale = file.locale_alternate_of = lang
        file.alternates = {
            x: file if x == lang else _lang_file(config, f"{stem}.md", x, default) for x in langs
        }
        files.append(file)
        added.append(file)
    return added


def _page_lang(rel: str, langs: list[str]) -> str | None:
    parts = rel.removesuffix(".md").rsplit(".", 1)
    return parts[1] if len(parts) == 2 and parts[1] in langs else None


def _page_stem(rel: str, langs: list[str]) -> str:
    lang = _page_lang(rel, langs)
    return rel.removesuffix(".md").removesuffix(f".{lang}") if lang else rel.removesuffix(".md")


def _lang_file(config, uri: str, lang: str, default: str, content: str | None = None) -> File:
    """A generated file whose output goes under <lang>/ for non-default languages."""
    if content is None:
        file = File(uri, None, config.site_dir, config.use_directory_urls)
    else:
        file = File.generated(config, uri, content=content)
    if lang != default:
        file.dest_uri = f"{lang}/{file.dest_uri}"
    return file


@event_priority(-200)
def on_nav(nav, config, files):
    """While serving, the largest changed page (the handbook) is converted in a second process
    while MkDocs converts the others (kurikulum/aheadconvert.py)."""
    if _Current.serving:
        _Current.ahead.start(files, config)
    return nav


def on_page_markdown(markdown: str, page, config, files) -> str:
    """MkDocs keeps the Markdown it read in the page; a generated file need not keep it too."""
    if getattr(page.file, "curriculum_page", False):
        page.file.content_string = ""
    return markdown


def on_pre_page(page, config, files):
    """While serving, a page whose Markdown and context did not change is not converted again
    (see kurikulum/previewcache.py); builds always convert every page."""
    if _Current.serving:
        _Current.preview.wrap(page, config, files)
    return page


def on_page_content(html: str, page, config, files) -> str:
    """Every page's content, generated or hand-written, leaves through the allow-list sanitiser."""
    clock = time.perf_counter()
    host = site_host(config.site_url)
    key = hashlib.blake2b(f"{host}\0{html}".encode(), digest_size=16).digest() if _Current.serving else None
    if key is not None and key in _Current.cleaned:
        cleaned, removed = _Current.cleaned[key]
    else:
        html = label_cells(html)  # run-sheets and agendas as cards on a phone (kurikulum/cards.py)
        cleaned, removed = Sanitizer(host).clean(html)
        if key is not None:
            if len(_Current.cleaned) > 10_000:
                _Current.cleaned.clear()
            _Current.cleaned[key] = (cleaned, removed)
    _timed("sanitise", clock)
    for item in removed:
        log.warning(f"{page.file.src_uri}: the sanitiser removed {item}")
    return cleaned


def on_post_page(output: str, page, config) -> str:
    """Each page is audited (in a second process when there is a second core) as it is written,
    and its words are read for the search index there too; ``on_post_build`` waits for the
    results and the index (written by the worker in a build), and fails the build on any finding."""
    clock = time.perf_counter()
    output = strip_invisible(output)
    url = page.file.dest_uri
    lang = _i18n(config)[0]
    search = search_page(lang, url, page.title, page.meta)
    title = search.title if search else None
    digest = None
    if _Current.serving:  # a page written again as it was: audited and read before
        digest = hashlib.blake2b(f"{lang}\0{title}\0{output}".encode(), digest_size=16).digest()
        if digest in _Current.audited:
            if search is not None:
                _Current.search.add(search, _Current.audited[digest])
            _timed("audit", clock)
            return output
    path = Path(page.file.abs_dest_path)
    if _Current.serving:  # the documents come back, to be remembered for the next rebuild
        key = (search, digest) if search is not None or digest is not None else None
        _Current.audits.submit(output, url, path, key, title, lang)
    else:  # a build: the worker keeps them and writes the index (AuditPool.write_indexes)
        _Current.audits.submit(output, url, path, search=search)
    _timed("audit", clock)
    return output


def on_post_template(output: str, template_name: str, config) -> str:
    return _audited(output, template_name) if template_name.endswith(".html") else output


@event_priority(-200)
def on_post_build(config) -> None:
    """Runs after each language's build (i18n builds the others inside the first one's
    on_post_build): waits for the page audits, writes the search index of the languages built
    since and audits it."""
    clock = time.perf_counter()
    _Current.audits.write_indexes(Path(config.site_dir))
    pages = _Current.audits.finish()
    if pages:
        raise Abort(
            "\n".join(f.text() for f in pages[:20])
            + "\nThese pages were deleted from the output: a template or the theme produced unsafe HTML "
            "(a bug to report)."
        )
    for (search, digest), documents in _Current.audits.documents():
        if search is not None:
            _Current.search.add(search, documents)
        if digest is not None:
            if len(_Current.audited) > 10_000:
                _Current.audited.clear()
            _Current.audited[digest] = documents
    for lang in _Current.search.languages():
        _Current.search.write(Path(config.site_dir), lang)
    findings = _Current.audits.index_findings + audit_search_index(
        Path(config.site_dir), skip=_Current.audits.indexes
    )
    if findings:
        raise Abort("\n".join(f.text() for f in findings[:20]) + "\nThe search index holds unsafe HTML.")
    _timed("audit", clock)
    _write_timings()


def on_build_error(error) -> None:
    _Current.audits.cancel()
    _Current.ahead.cancel()


def _write_timings() -> None:
    """With CURRICULUM_TIMINGS=file set (the benchmark does), write the engine's step times;
    with CURRICULUM_MANIFEST=file (`curriculum build` does), the pages that have a PDF."""
    target = os.environ.get("CURRICULUM_TIMINGS")
    if target and _Current.build is not None:
        steps = {**_Current.build.timings, **_Current.guard, "validated": float(_Current.build.validated)}
        Path(target).write_text(json.dumps({k: round(v, 4) for k, v in steps.items()}), encoding="utf-8")
    manifest = os.environ.get("CURRICULUM_MANIFEST")
    if manifest:
        Path(manifest).write_text(json.dumps(_Current.printable, ensure_ascii=False), encoding="utf-8")


def _audited(output: str, name: str) -> str:
    clock = time.perf_counter()
    output = strip_invisible(output)
    findings = audit_html(output, name)
    _timed("audit", clock)
    if findings:
        raise Abort(
            "\n".join(f.text() for f in findings[:20])
            + "\nThe page was not written: a template or the theme produced unsafe HTML (a bug to report)."
        )
    return output


def on_env(env, config, files):
    """The theme's templates are compiled once and kept in the engine's cache (see
    kurikulum/cache.py): MkDocs would compile them again on every build and every rebuild.
    While serving, a page whose template context did not change gets its previous HTML
    (kurikulum/previewcache.py)."""
    env.filters["css_string"] = css_string
    env.globals["ui_label"] = lambda key: _ui_label(config, key)
    if _Current.serving:  # while serving, unchanged pages are not rendered again
        _Current.templates.active = True
        env.template_class = _Current.templates.template_class(env.template_class)
    strips = _help_strips(config)
    env.globals["help_strips"] = strips
    env.globals["help_strip"] = strips.get(_i18n(config)[0])
    if env.bytecode_cache is None:
        env.bytecode_cache = template_cache()
    return env


def _ui_label(config, key: str) -> str:
    """A label of data/ui.yml in the language being built (for the theme's templates)."""
    build = _Current.build
    if build is None or getattr(build, "curriculum", None) is None:
        return key
    return Renderer.label_text(build.curriculum, _i18n(config)[0])(key)


def _help_strips(config) -> dict:
    """The help strip at the foot of every page (overrides/partials/help-strip.html) per language,
    the default first: the `quick_dial` contacts of data/contacts.yml and the directory's page."""
    build = _Current.build
    if build is None or build.curriculum is None:
        return {}
    _, default, langs, _ = _i18n(config)
    cur = build.curriculum
    strips = {}
    for lang in langs:
        strip = help_strip(cur.contacts, lang, cur.source_language, Renderer.label_text(cur, lang))
        strip["lang"] = lang
        strip["referral"] = ("" if lang == default else f"{lang}/") + REFERRAL.removesuffix(".md") + ".html"
        strips[lang] = strip
    return strips
