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

The worker is a plain subprocess, not ``multiprocessing``: that would import the build's main
script again in the worker, and runs it again when the script has no ``__main__`` guard.
Messages are length-prefixed JSON: ``{"id", "name", "html", "title", "lang"}`` in, ``{"id",
"findings", "documents"}`` out.

The worker also reads what the site's search index needs of each page
(``search.page_documents``: the words and snippets of the page and its sections), because it
parses the page anyway: the build then only adds up the numbers (kurikulum/search.py).
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

from .audit import Finding, audit_html, parse_page
from .search import page_documents

_HEADER = 8
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


def _die_with_parent() -> None:
    """In the worker (Linux): end it when the build process ends, even by a signal, instead of
    leaving it behind (``mkdocs serve`` is usually stopped with Ctrl+C)."""
    import ctypes
    import signal

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


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
        self._results: dict[int, list] = {}
        self._pending: dict[int, tuple[Path, str, object]] = {}
        self._found: list[tuple[Path, list[Finding]]] = []
        self._documents: list[tuple[object, list]] = []
        self._next = 0
        self._started = False
        self.compact = lambda documents: documents
        """Applied to each page's search documents as they come in (``SearchIndex.compact``)."""

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

    def submit(
        self,
        html: str,
        name: str,
        path: Path,
        key: object = None,
        title: str | None = None,
        lang: str = "",
    ) -> None:
        """Audit one page (``name`` for messages; ``path`` is where it is written). With a
        ``title``, the page's search documents (in ``lang``) are made too. With a ``key``,
        :meth:`documents` gives it back after :meth:`finish`, with the documents (or None)."""
        self.start()
        if self._proc is None:
            if findings := self._here(html, name, key, title, lang):
                self._found.append((path, findings))
            return
        self._next += 1
        job = {"id": self._next, "name": name, "html": html}
        if title is not None:
            job["title"], job["lang"] = title, lang
        frame = _frame(job)
        while True:  # at most QUEUED pages wait in memory; the build waits when the worker lags
            try:
                self._outbox.put(frame, timeout=1)
                break
            except queue.Full:
                if self._proc is None or self._proc.poll() is not None:
                    self._proc = None
                    if findings := self._here(html, name, key, title, lang):
                        self._found.append((path, findings))
                    return
        self._pending[self._next] = (path, name, (key, title, lang))

    def _here(self, html: str, name: str, key: object, title: str | None, lang: str) -> list[Finding]:
        """Do in this process what the worker would have done: the page's findings."""
        findings, documents = audit_page(html, name, title, lang)
        if key is not None:
            self._documents.append((key, None if documents is None else self.compact(documents)))
        return findings

    def finish(self) -> list[Finding]:
        """Wait for every pending audit; delete each page with a finding and return them all."""
        found, self._found = self._found, []
        pending, self._pending = self._pending, {}
        for number, (path, name, (key, title, lang)) in pending.items():
            with self._lock:
                while number not in self._results and self._proc is not None:
                    self._lock.wait(timeout=1)
                answer = self._results.pop(number, None)
            if answer is None:  # the worker died: audit the page as written
                html = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
                findings = self._here(html, name, key, title, lang)
            else:
                findings = [Finding(*item) for item in answer["findings"]]
                if key is not None:
                    self._documents.append((key, answer.get("documents")))
            if findings:
                found.append((path, findings))
        for path, _ in found:
            with contextlib.suppress(OSError):
                path.unlink()
        return [finding for _, findings in found for finding in findings]

    def documents(self) -> list[tuple[object, dict | None]]:
        """The keys and search documents of the pages finished so far (each given once)."""
        documents, self._documents = self._documents, []
        return documents

    def cancel(self) -> None:
        """Forget pending audits (the build failed for another reason)."""
        with self._lock:
            self._results = {k: v for k, v in self._results.items() if k not in self._pending}
        self._pending, self._found, self._documents = {}, [], []


def audit_page(html: str, name: str, title: str | None, lang: str) -> tuple[list[Finding], dict | None]:
    """One page's findings, and with a ``title`` its search documents (one parse for both)."""
    root = parse_page(html)
    findings = audit_html(html, name, root=root)
    return findings, (page_documents(html, title, lang, root=root) if title is not None else None)


def _worker() -> int:
    """The worker's loop: audit each page it is sent until its input closes."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while (job := _read_frame(stdin)) is not None:
        findings, documents = audit_page(job["html"], job["name"], job.get("title"), job.get("lang", ""))
        answer = {"id": job["id"], "findings": [[f.page, f.line, f.what] for f in findings]}
        if documents is not None:
            answer["documents"] = documents
        stdout.write(_frame(answer))
        stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_worker())
