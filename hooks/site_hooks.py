"""MkDocs hooks: thin adapters from MkDocs events to the curriculum engine.

The engine (``kurikulum``) does the work; these functions only hand it the i18n state and turn
its pages into in-memory MkDocs files. Pages are generated after mkdocs-static-i18n's
``on_files`` (priority -100), once per language build, and never written into ``docs/``.
Restart ``mkdocs serve`` after editing Python code: MkDocs keeps hook modules loaded.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from kurikulum.audit import audit_html, audit_search_index
from kurikulum.sanitize import Sanitizer, strip_invisible
from kurikulum.site import SiteBuild
from kurikulum.textutil import css_string
from kurikulum.urlcheck import site_host
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

log = get_plugin_logger("curriculum")


class _Current:
    """The build in progress. A new SiteBuild is made when a build starts (its default language)."""

    build: SiteBuild | None = None


def on_startup(command: str, dirty: bool) -> None:
    _fixed_build_date()


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
        _Current.build = _check(config, langs)


def _check(config, langs: list[str]) -> SiteBuild:
    root = Path(config.config_file_path).parent
    build = SiteBuild(root, langs, strict=bool(config.strict), docs_dir=Path(config.docs_dir))
    report = build.check()
    for problem in report.sorted():
        {"error": log.error, "warning": log.warning}.get(problem.severity, log.info)(problem.text())
    if report.failed():
        raise Abort(
            f"Content problems: {report.summary()}. Fix them and build again "
            "(`curriculum check` lists them too)."
        )
    return build


SHIM = "assets/javascripts/iframe-worker-shim.js"
CDN_SHIM = '<script src="https://unpkg.com/iframe-worker/shim"></script>'


def _shim_source(config) -> Path:
    return Path(config.config_file_path).parent / ".cache/npm/node_modules/iframe-worker/shim/index.js"


@event_priority(50)
def on_config(config):
    """Serve the offline plugin's search polyfill from the site itself (no request to a CDN)."""
    if _shim_source(config).is_file():
        config.extra["polyfills"] = [SHIM]
    return config


@event_priority(-150)
def on_files(files: Files, config) -> Files:
    lang, default, langs, plugin = _i18n(config)
    build = _Current.build
    added = []
    for page in build.pages(lang, Path(config.docs_dir), default):
        file = _lang_file(config, page.uri, lang, default, page.markdown)
        file.locale = file.locale_alternate_of = lang
        file.alternates = {x: file if x == lang else _lang_file(config, page.uri, x, default) for x in langs}
        files.append(file)
        added.append(file)
    if plugin is not None:
        plugin.i18n_files_per_language.setdefault(lang, []).extend(added)
    if _shim_source(config).is_file() and files.get_file_from_path(SHIM) is None:
        files.append(File.generated(config, SHIM, abs_src_path=str(_shim_source(config))))
    config.nav = build.nav(lang)
    log.info(f"generated {len(added)} pages for '{lang}'")
    return files


def _lang_file(config, uri: str, lang: str, default: str, content: str | None = None) -> File:
    """A generated file whose output goes under <lang>/ for non-default languages."""
    if content is None:
        file = File(uri, None, config.site_dir, config.use_directory_urls)
    else:
        file = File.generated(config, uri, content=content)
    if lang != default:
        file.dest_uri = f"{lang}/{file.dest_uri}"
    return file


def on_page_content(html: str, page, config, files) -> str:
    """Every page's content, generated or hand-written, leaves through the allow-list sanitiser."""
    cleaned, removed = Sanitizer(site_host(config.site_url)).clean(html)
    for item in removed:
        log.warning(f"{page.file.src_uri}: the sanitiser removed {item}")
    return cleaned


def on_post_page(output: str, page, config) -> str:
    return _audited(output, page.file.dest_uri)


def on_post_template(output: str, template_name: str, config) -> str:
    return _audited(output, template_name) if template_name.endswith(".html") else output


@event_priority(-200)
def on_post_build(config) -> None:
    """After i18n wrote the combined search index: its texts are shown as HTML in results."""
    findings = audit_search_index(Path(config.site_dir))
    if findings:
        raise Abort("\n".join(f.text() for f in findings[:20]) + "\nThe search index holds unsafe HTML.")


def _audited(output: str, name: str) -> str:
    """Drop the offline plugin's CDN polyfill (no outside requests), then audit the page."""
    output = strip_invisible(output.replace(CDN_SHIM, ""))
    findings = audit_html(output, name)
    if findings:
        raise Abort(
            "\n".join(f.text() for f in findings[:20])
            + "\nThe page was not written: a template or the theme produced unsafe HTML (a bug to report)."
        )
    return output


def on_env(env, config, files):
    env.filters["css_string"] = css_string
    return env
