"""For ``mkdocs serve`` only: do not convert a page's Markdown again when nothing it depends on
changed since the previous rebuild.

After an edit to one content file, most pages of the site come out the same, but MkDocs
converts every page's Markdown on every rebuild, and that is about half of a rebuild. While
serving, each page's ``render`` is wrapped: when the page's Markdown, its place in the site,
the list of the site's files and ``mkdocs.yml`` are all unchanged, the previous result (HTML,
table of contents, title, anchors) is reused, and the warnings its conversion logged are
logged again, so ``mkdocs serve --strict`` still counts them. ``mkdocs build`` and
``gh-deploy`` never use it: they convert every page.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path


@dataclass
class _Rendered:
    content: str
    toc: object
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    records: list[logging.LogRecord]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append(record)


class PreviewCache:
    """Rendered pages of the previous rebuild, by what their rendering depends on."""

    def __init__(self) -> None:
        self._previous: dict[tuple, _Rendered] = {}
        self._current: dict[tuple, _Rendered] = {}
        self._files: tuple[int, str] | None = None
        self.reused = 0
        self.ahead = None
        """An ``AheadConversion`` (kurikulum/aheadconvert.py) that may hold a page's result."""

    def new_build(self) -> None:
        """Keep only what the last build used: the cache never grows past one site."""
        if self._current:
            self._previous, self._current = self._current, {}
        self._files, self.reused = None, 0

    def wrap(self, page, config, files) -> None:
        original = page.render

        def render(config, files) -> None:
            self._render(page, original, config, files)

        page.render = render
        page.curriculum_preview = self
        page.curriculum_render = original

    def key(self, page, config, files) -> tuple:
        """What the page's conversion depends on."""
        return (
            page.file.src_uri,
            page.file.dest_uri,
            hashlib.blake2b((page.markdown or "").encode(), digest_size=16).digest(),
            self._signature(config, files),
        )

    def convert(self, page, config, files) -> _Rendered:
        """Convert the page (wrapped by ``wrap``) as MkDocs does, keeping what it logged."""
        return self._rendered(page, page.curriculum_render, config, files)

    def _signature(self, config, files) -> str:
        if self._files is None or self._files[0] != id(files):
            digest = hashlib.blake2b(digest_size=16)
            for file in files:
                digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.url}\n".encode())
            try:
                digest.update(Path(config.config_file_path).read_bytes())
            except (OSError, TypeError):
                digest.update(str(id(config)).encode())  # unknown configuration: never reuse
            self._files = (id(files), digest.hexdigest())
        return self._files[1]

    def _render(self, page, original, config, files) -> None:
        key = self.key(page, config, files)
        done = self._previous.get(key) or self._current.get(key)
        if done is None and self.ahead is not None:
            done = self.ahead.take(page.file.dest_uri, key)  # converted by a second process
        if done is None:
            done = self._rendered(page, original, config, files)
        else:
            self.reused += 1
            page.content = done.content
            page.toc = done.toc
            page._title_from_render = done.title
            page.present_anchor_ids = set(done.anchors) if done.anchors is not None else None
            if done.links is not None:
                page.links_to_anchors = {
                    files.get_file_from_path(uri): dict(links)
                    for uri, links in done.links.items()
                    if files.get_file_from_path(uri) is not None
                }
            for record in done.records:
                logging.getLogger(record.name).handle(record)
        self._current[key] = done

    @staticmethod
    def _rendered(page, original, config, files) -> _Rendered:
        capture = _Capture()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(capture)
        try:
            original(config, files)
        finally:
            logger.removeHandler(capture)
        links = getattr(page, "links_to_anchors", None)
        return _Rendered(
            page.content,
            page.toc,
            getattr(page, "_title_from_render", None),
            set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            {file.src_uri: dict(v) for file, v in links.items()} if links else None,
            capture.records,
        )


class TemplateCache:
    """For ``mkdocs serve`` only: give back a page's previous HTML when everything its template
    reads is unchanged, instead of rendering the theme again (a third of a rebuild).

    The key is made of the page (its URL, title, content, table of contents, metadata and
    neighbours), the whole navigation (titles and URLs, so a renamed page renders every page
    again), the configuration the theme reads and every other value of the template context.
    A value that cannot be written out exactly (an object shown only by its ``repr`` with an
    address) makes the key unique, so such a page is always rendered: unknown means render.
    """

    def __init__(self) -> None:
        self._previous: dict[bytes, str] = {}
        self._current: dict[bytes, str] = {}
        self._nav: tuple[int, bytes] | None = None
        self.reused = 0
        self.active = False
        self.salt = b""

    def new_build(self, data_dirs: list[Path] = ()) -> None:
        """Start a rebuild. The theme's own templates also read the project's data files
        (interface labels, contacts): their bytes go into every key, so an edit to any file in
        ``data_dirs`` renders every page again, and an edit to a module or case does not."""
        if self._current:
            self._previous, self._current = self._current, {}
        self._nav, self.reused = None, 0
        digest = hashlib.blake2b(digest_size=20)
        for folder in data_dirs:
            for path in sorted(Path(folder).rglob("*")) if Path(folder).is_dir() else ():
                if path.is_file():
                    digest.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
        self.salt = digest.digest()

    def template_class(self, base: type) -> type:
        """A Jinja template class whose ``render`` (the call MkDocs makes for each page) goes
        through this cache; Jinja's own ``extends`` and ``include`` never call ``render``."""
        cache = self

        class CachedTemplate(base):
            def render(self, *args, **kwargs):
                context = dict(*args, **kwargs)
                key = cache.key(self.name, context) if cache.active else None
                if key is None:
                    return super().render(context)
                done = cache._previous.get(key) or cache._current.get(key)
                if done is None:
                    done = super().render(context)
                else:
                    cache.reused += 1
                cache._current[key] = done
                return done

        return CachedTemplate

    def key(self, name: str | None, context: dict) -> bytes | None:
        page = context.get("page")
        config = context.get("config")
        nav = context.get("nav")
        if page is None or config is None or nav is None or not name:
            return None
        digest = hashlib.blake2b(self.salt, digest_size=20)

        def add(value) -> None:
            digest.update(json.dumps(value, sort_keys=True, default=_exact, ensure_ascii=False).encode())
            digest.update(b"\0")

        try:
            add([name, page.url, page.file.src_uri, page.file.dest_uri, page.title, page.is_homepage])
            add([page.canonical_url, page.edit_url, page.meta])
            digest.update((page.content or "").encode())
            add(_toc(page.toc))
            add([[p.title, p.url] if p else None for p in (page.previous_page, page.next_page)])
            ancestors = []
            parent = page.parent
            while parent is not None:
                ancestors.append(parent.title)
                parent = parent.parent
            add(ancestors)
            digest.update(self._nav_digest(nav))
            add(
                [
                    config.get(k)
                    for k in ("site_name", "site_url", "site_description", "site_author", "copyright")
                ]
                + [config.get("repo_url"), config.get("repo_name"), config.get("edit_uri")]
            )
            add(dict(config["theme"].items()) if hasattr(config["theme"], "items") else config["theme"])
            add(dict(config.get("extra") or {}))
            add({k: v for k, v in context.items() if k not in ("page", "config", "nav", "pages")})
        except _Inexact:
            return None
        return digest.digest()

    def _nav_digest(self, nav) -> bytes:
        if self._nav is None or self._nav[0] != id(nav):
            digest = hashlib.blake2b(digest_size=20)
            digest.update(json.dumps(_nav_items(nav.items), ensure_ascii=False).encode())
            self._nav = (id(nav), digest.digest())
        return self._nav[1]


class _Inexact(Exception):
    """A context value this cache cannot compare exactly."""


def _exact(value):
    if isinstance(value, set | frozenset | tuple):
        return sorted(map(str, value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "items"):
        return dict(value.items())
    if isinstance(value, Path):
        return str(value)
    if type(value).__name__ == "Locale":  # Babel's, set by the i18n plugin
        return str(value)
    if type(value).__name__ == "Theme":
        return {"name": value.name, "dirs": list(value.dirs), **dict(value.items())}
    raise _Inexact(type(value).__name__)


def _toc(toc) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in toc or []]


def _nav_items(items) -> list:
    out = []
    for item in items:
        out.append(
            [
                type(item).__name__,
                item.title,
                getattr(item, "url", None),
                _nav_items(item.children) if getattr(item, "children", None) else None,
            ]
        )
    return out
