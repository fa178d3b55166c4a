"""For ``mkdocs serve`` only: convert the one big changed page in a second process.

The facilitator handbook holds every session, so almost any content edit changes it, and its
Markdown (over half a megabyte) takes longer to convert than every other changed page together.
While serving on a system with ``fork`` (Linux, macOS), when the navigation is ready and a
generated page of at least ``LARGE`` characters changed since the previous rebuild, a copy of
the process is forked: it prepares and converts that page exactly as MkDocs would (the page's
``on_pre_page`` and ``on_page_markdown`` events, then its ``render``), while MkDocs converts the
other pages. When MkDocs reaches that page, the preview cache (kurikulum/previewcache.py) takes
the copy's result only if it was made from the same inputs (the same key: the page's Markdown
after every plugin, its place, the site's file list and ``mkdocs.yml``); otherwise, or if the
copy failed or takes longer than ``WAIT`` seconds, the page is converted in the process as
always. The sanitiser, the audit and every later step run on the page in the serving process
as for any page. ``mkdocs build`` never uses it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import select
import signal
import time
import warnings

LARGE = 100_000
"""Characters of Markdown from which a changed page is converted ahead in a second process
(``CURRICULUM_AHEAD_LARGE=<characters>`` sets another size; the tests use a small one)."""

log = logging.getLogger("mkdocs.plugins.curriculum")

WAIT = 30.0
"""Seconds to wait for the second process before converting the page in this one."""


class AheadConversion:
    def __init__(self) -> None:
        self._sources: dict[str, bytes] = {}
        self._pending: dict[str, tuple[int, int]] = {}
        self.used = 0

    def start(self, files, config) -> None:
        """At ``on_nav``: fork for the largest generated page whose Markdown changed."""
        if not hasattr(os, "fork"):
            return
        try:
            large = int(os.environ.get("CURRICULUM_AHEAD_LARGE") or LARGE)
        except ValueError:
            large = LARGE
        best = None
        for file in files.documentation_pages():
            text = getattr(file, "content_string", None) if getattr(file, "curriculum_page", False) else None
            if file.page is None or not isinstance(text, str) or len(text) < large:
                continue
            digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
            changed = self._sources.get(file.dest_uri) != digest
            self._sources[file.dest_uri] = digest
            if changed and (best is None or len(text) > len(best.content_string)):
                best = file
        if best is not None and best.dest_uri not in self._pending:
            self._fork(best, files, config)

    def _fork(self, file, files, config) -> None:
        read, write = os.pipe()
        try:
            with warnings.catch_warnings():  # the copy runs only the conversion, in this thread
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the copy: convert, send the result, leave without running any cleanup
            status = 1
            try:
                os.close(read)
                _quiet()
                payload = pickle.dumps(_convert(file.page, files, config), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(payload)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pending[file.dest_uri] = (pid, read)

    def take(self, dest_uri: str, key: tuple):
        """The copy's result for this page if it was made with ``key``, else None."""
        found = self._pending.pop(dest_uri, None)
        if found is None:
            return None
        pid, read = found
        data = bytearray()
        deadline = time.monotonic() + WAIT
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([read], [], [], left)[0]:
                    data = bytearray()
                    break
                chunk = os.read(read, 1 << 20)
                if not chunk:
                    break
                data += chunk
        finally:
            os.close(read)
            _reap(pid, kill=not data)
        try:
            their_key, done = pickle.loads(bytes(data)) if data else (None, None)
        except Exception:  # a damaged result is never used
            return None
        if their_key != key:
            return None
        self.used += 1
        log.debug(f"{dest_uri}: converted in a second process")
        return done

    def cancel(self) -> None:
        """Stop copies whose page was never reached (a failed build)."""
        for pid, read in self._pending.values():
            with contextlib.suppress(OSError):
                os.close(read)
            _reap(pid, kill=True)
        self._pending.clear()


def _convert(page, files, config):
    """What MkDocs' ``_populate_page`` does up to the conversion, for one page."""
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    preview = getattr(page, "curriculum_preview", None)
    if preview is None:
        return None, None
    key = preview.key(page, config, files)
    done = preview.convert(page, config, files)
    for record in done.records:  # sent as plain text: the arguments may not survive pickling
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
    return key, done


def _quiet() -> None:
    """The copy logs nothing itself: its warnings go back with its result and are logged once,
    by the serving process."""
    logger = logging.getLogger("mkdocs")
    logger.handlers = []
    logger.propagate = False
    with contextlib.suppress(Exception):
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _reap(pid: int, kill: bool) -> None:
    with contextlib.suppress(OSError):
        if kill:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
