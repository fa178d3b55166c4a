"""Audit built pages in a second process while MkDocs goes on writing the next ones.

MkDocs builds on one core. Auditing every page (``audit.audit_html``) on the same core adds
about a tenth to a build; on a machine with a second core a worker process (``python -m
kurikulum.auditpool``) does it there instead, and the build waits only for what is still
pending when the last page is written.

The guarantee does not change: every page is audited before the build ends, and a build with a
finding fails. Because the page is already on disk by then, :meth:`AuditPool.finish` deletes
every page with a finding before it reports them, so no unsafe page is left in the output.
If the worker cannot start or dies, the pages it did not answer for are audited in this
process. On a single core, or with ``CURRICULUM_AUDIT_WORKERS=0``, pages are audited in this
process as they come.

The worker also reads what the site's search index needs of each page
(``search.page_documents``: the words and snippets of the page and its sections), because it
parses the page anyway. Two ways:

- a build (``submit(..., search=page)``): the worker keeps the documents and, asked with
  :meth:`AuditPool.write_indexes` once a language's pages are all written, builds that
  language's index, writes ``search/<lang>.js`` and audits it. Nothing but the findings comes
  back, and the default language's index is built while the next language's pages render.
  If the worker dies, the index is built here from the pages as written;
- ``mkdocs serve`` (``submit(..., key=..., title=...)``): the documents come back to the build
  process (:meth:`AuditPool.documents`), which remembers them between rebuilds.

The worker is a plain subprocess, not ``multiprocessing``: that would import the build's main
script again in the worker, and runs it again when the script has no ``__main__`` guard.
Messages in are a small JSON header (``{"id", "name", "title", "lang", ...}``) followed by the
page's HTML as raw UTF-8 bytes, each with its length in front; answers are length-prefixed JSON
(``{"id", "findings", "documents"}``).
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from .audit import Finding, audit_html, audit_index_file, parse_page
from .search import INDEX_DIR, SearchIndex, SearchPage, page_documents

_HEADER = 8
_META = 4
QUEUED = 32
"""Pages waiting for the worker at most (a lagging worker must not hold the whole site in memory)."""


def _frame(data: dict) -> bytes:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return len(body).to_bytes(_HEADER, "little") + body


def _read_frame(stream) -> dict | None:
    header = stream.read(_HEADER)
    if len(header) < _HEADER:
        return None
    body = stream.read(int.from_bytes(header, "little"))
    return json.loads(body.decode("utf-8"))


def _job(meta: dict, html: str = "") -> bytes:
    """A job for the worker: its JSON header, then the page's HTML as raw UTF-8 (no escaping)."""
    head = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    body = html.encode("utf-8", "surrogatepass")
    return b"".join((len(head).to_bytes(_META, "little"), len(body).to_bytes(_HEADER, "little"), head, body))


def _read_job(stream) -> tuple[dict, str] | None:
    header = stream.read(_META + _HEADER)
    if len(header) < _META + _HEADER:
        return None
    head = stream.read(int.from_bytes(header[:_META], "little"))
    body = stream.read(int.from_bytes(header[_META:], "little"))
    return json.loads(head.decode("utf-8")), body.decode("utf-8", "surrogatepass")


def _die_with_parent() -> None:
    """In the worker (Linux): end it when the build process ends, even by a signal, instead of
    leaving it behind (``mkdocs serve`` is usually stopped with Ctrl+C)."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class _IndexJob:
    """A language's index asked of the worker (pending like a page)."""

    def __init__(self, lang: str, site_dir: Path) -> None:
        self.lang, self.site_dir = lang, site_dir


class AuditPool:
    """One worker process, started on first use and kept for ``mkdocs serve``'s rebuilds."""

    def __init__(self, workers: int | None = None) -> None:
        if workers is None:
            chosen = os.environ.get("CURRICULUM_AUDIT_WORKERS", "")
            workers = int(chosen) if chosen.isdigit() else (os.cpu_count() or 1) - 1
        self.workers = max(0, min(workers, 1))
        self._proc: subprocess.Popen | None = None
        self._outbox: queue.Queue = queue.Queue(maxsize=QUEUED)
        self._lock = threading.Condition()
        self._results: dict[int, dict] = {}
        self._pending: dict[int, tuple[Path, str, object] | _IndexJob] = {}
        self._found: list[tuple[Path, list[Finding]]] = []
        self._documents: list[tuple[object, list]] = []
        self._next = 0
        self._started = False
        self.compact = lambda documents: documents
        """Applied to each page's search documents as they come in (``SearchIndex.compact``)."""
        self.index = SearchIndex()
        """The search pages read in this process (no worker, or it died)."""
        self._sent: dict[str, list[tuple[Path, SearchPage]]] = {}
        """Per language, the search pages sent to the worker (read again here if it dies)."""
        self._asked: set[str] = set()
        self._unsafe: set[str] = set()
        """Languages with a page audited here with a finding: their index is not written."""
        self.indexes: set[str] = set()
        """The index files (``search/<lang>.js``) written and audited since the last ``cancel``."""
        self.index_findings: list[Finding] = []
        """What their audit found (a finding fails the build)."""

    def start(self) -> None:
        """Start the worker now, so that its start-up overlaps with the build's first steps.
        A worker that died is not started again: its writer thread could still take a page
        meant for the new one, and the build would wait for that page for ever. The pages go
        on being audited in this process instead."""
        if self._started or not self.workers:
            return
        self._started = True
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "kurikulum.auditpool"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        except OSError:
            self.workers, self._proc = 0, None
            return
        proc = self._proc
        threading.Thread(target=self._write, args=(proc,), daemon=True).start()
        threading.Thread(target=self._read, args=(proc,), daemon=True).start()

    def _write(self, proc: subprocess.Popen) -> None:
        while True:
            item = self._outbox.get()
            if item is None:
                break
            try:
                proc.stdin.write(item)
                proc.stdin.flush()
            except (OSError, ValueError):
                break
        with contextlib.suppress(OSError, ValueError):
            proc.stdin.close()

    def _read(self, proc: subprocess.Popen) -> None:
        try:
            while (answer := _read_frame(proc.stdout)) is not None:
                if answer.get("documents") is not None:
                    answer["documents"] = self.compact(answer["documents"])
                with self._lock:
                    self._results[answer["id"]] = answer
                    self._lock.notify_all()
        except (OSError, ValueError, KeyError):
            pass
        with self._lock:
            if self._proc is proc:
                self._proc = None  # dead: what it did not answer is audited here
            self._lock.notify_all()

    def _send(self, frame: bytes) -> bool:
        """Queue one frame for the worker (the build waits while QUEUED are waiting); False
        when the worker is gone."""
        while True:
            if self._proc is None:
                return False
            try:
                self._outbox.put(frame, timeout=1)
                return True
            except queue.Full:
                if self._proc is None or self._proc.poll() is not None:
                    self._proc = None
                    return False

    def submit(
        self,
        html: str,
        name: str,
        path: Path,
        key: object = None,
        title: str | None = None,
        lang: str = "",
        search: SearchPage | None = None,
    ) -> None:
        """Audit one page (``name`` for messages; ``path`` is where it is written).

        With ``search`` (a build), the page goes into its language's search index, written by
        :meth:`write_indexes`. Otherwise, with a ``title`` the page's search documents (in
        ``lang``) are made too, and with a ``key`` :meth:`documents` gives them back after
        :meth:`finish` (or None)."""
        self.start()
        if search is not None:
            title, lang, key = search.title, search.lang, None
        meta: dict = {"id": self._next + 1, "name": name}
        if title is not None:
            meta["title"], meta["lang"] = title, lang
        if search is not None:
            meta["url"], meta["boost"] = search.url, search.boost
        if not self._send(_job(meta, html)):
            if findings := self._here(html, name, key, title, lang, search):
                self._found.append((path, findings))
            return
        self._next += 1
        if search is not None:
            self._sent.setdefault(lang, []).append((path, search))
        self._pending[self._next] = (path, name, key, title, lang, search is not None)

    def _here(
        self,
        html: str,
        name: str,
        key: object,
        title: str | None,
        lang: str,
        search: SearchPage | None = None,
    ) -> list[Finding]:
        """Do in this process what the worker would have done: the page's findings."""
        findings, documents = audit_page(html, name, title, lang)
        if search is not None:
            self.index.add(search, documents)
            if findings:
                self._unsafe.add(lang)
        elif key is not None:
            self._documents.append((key, None if documents is None else self.compact(documents)))
        return findings

    def write_indexes(self, site_dir: Path) -> None:
        """Write the search index of each language whose pages were submitted since the last
        call (call it once a language's pages are all written): the worker builds, writes and
        audits it while the build goes on; :meth:`finish` waits for it (and builds it here if
        the worker is gone)."""
        for lang in dict.fromkeys([*self._sent, *self.index.languages()]):
            if lang in self._asked:
                continue
            self._asked.add(lang)
            self._next += 1
            if lang in self._sent:  # if the worker is gone, nobody answers: written here in finish()
                self._send(_job({"id": self._next, "write": lang, "dir": str(site_dir)}))
            self._pending[self._next] = _IndexJob(lang, Path(site_dir))

    def _write_here(self, site_dir: Path, lang: str) -> list[Finding]:
        """Build, write and audit one language's index in this process: the pages the worker
        had are read again as written."""
        for path, search in self._sent.pop(lang, []):
            html = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
            self.index.add(search, page_documents(html, search.title, lang, root=parse_page(html)))
        if lang in self._unsafe:
            self.index.discard(lang)
            return []
        target = self.index.write(site_dir, lang)
        self.indexes.add(target.name)
        return audit_index_file(target, f"{INDEX_DIR}/{target.name}")

    def finish(self) -> list[Finding]:
        """Wait for every pending audit; delete each page with a finding and return them all.
        The indexes asked for are written by then; their findings are in ``index_findings``."""
        found, self._found = self._found, []
        pending, self._pending = self._pending, {}
        indexes = []
        for number, job in pending.items():
            with self._lock:
                while number not in self._results and self._proc is not None:
                    self._lock.wait(timeout=1)
                answer = self._results.pop(number, None)
            if isinstance(job, _IndexJob):
                indexes.append((job, answer))
                continue
            path, name, key, title, lang, indexed = job
            if answer is None:  # the worker died: audit the page as written
                html = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
                findings = self._here(html, name, None if indexed else key, title, lang)
            else:
                findings = [Finding(*item) for item in answer["findings"]]
                if key is not None:
                    self._documents.append((key, answer.get("documents")))
            if findings:
                found.append((path, findings))
                if indexed:
                    self._unsafe.add(lang)
        for job, answer in indexes:
            if answer is None:  # the worker died: the index is built here
                self.index_findings.extend(self._write_here(job.site_dir, job.lang))
                continue
            self._sent.pop(job.lang, None)
            if answer.get("written"):
                self.indexes.add(answer["written"])
            self.index_findings.extend(Finding(*item) for item in answer["findings"])
        for path, _ in found:
            with contextlib.suppress(OSError):
                path.unlink()
        return [finding for _, findings in found for finding in findings]

    def documents(self) -> list[tuple[object, dict | None]]:
        """The keys and search documents of the pages finished so far (each given once)."""
        documents, self._documents = self._documents, []
        return documents

    def cancel(self) -> None:
        """Forget pending audits and indexes (a new build starts, or this one failed)."""
        with self._lock:
            self._results = {k: v for k, v in self._results.items() if k not in self._pending}
        if self._sent or self._asked:
            self._send(_job({"id": 0, "reset": True}))
        self._pending, self._found, self._documents = {}, [], []
        self._sent, self._asked, self._unsafe, self.indexes = {}, set(), set(), set()
        self.index_findings = []
        self.index.clear()


def audit_page(html: str, name: str, title: str | None, lang: str) -> tuple[list[Finding], dict | None]:
    """One page's findings, and with a ``title`` its search documents (one parse for both)."""
    root = parse_page(html)
    findings = audit_html(html, name, root=root)
    return findings, (page_documents(html, title, lang, root=root) if title is not None else None)


def _worker() -> int:
    """The worker's loop: audit each page it is sent until its input closes; keep the search
    documents of a build's pages and write a language's index when asked."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    index = SearchIndex()
    unsafe: set[str] = set()
    while (job := _read_job(stdin)) is not None:
        meta, html = job
        if meta.get("reset"):
            index, unsafe = SearchIndex(), set()
            continue
        if "write" in meta:
            answer = _write_index(index, meta, unsafe)
        else:
            lang = meta.get("lang", "")
            findings, documents = audit_page(html, meta["name"], meta.get("title"), lang)
            answer = {"id": meta["id"], "findings": [[f.page, f.line, f.what] for f in findings]}
            if "url" in meta:
                index.add(SearchPage(lang, meta["url"], meta["title"], meta["boost"]), documents)
                if findings:
                    unsafe.add(lang)
            elif documents is not None:
                answer["documents"] = documents
        stdout.write(_frame(answer))
        stdout.flush()
    return 0


def _write_index(index: SearchIndex, meta: dict, unsafe: set[str]) -> dict:
    """In the worker: write and audit one language's index (not when one of its pages had a
    finding: the build fails anyway, and the page's words must not be left in the output)."""
    lang = meta["write"]
    if lang in unsafe:
        index.discard(lang)
        return {"id": meta["id"], "findings": []}
    target = index.write(Path(meta["dir"]), lang)
    findings = audit_index_file(target, f"{INDEX_DIR}/{target.name}")
    return {
        "id": meta["id"],
        "written": target.name,
        "findings": [[f.page, f.line, f.what] for f in findings],
    }


if __name__ == "__main__":
    sys.exit(_worker())
