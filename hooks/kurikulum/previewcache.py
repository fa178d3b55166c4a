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
        markdown = page.markdown or ""
        key = (
            page.file.src_uri,
            page.file.dest_uri,
            hashlib.blake2b(markdown.encode(), digest_size=16).digest(),
            self._signature(config, files),
        )
        done = self._previous.get(key) or self._current.get(key)
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
