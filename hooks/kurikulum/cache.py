"""The engine's cache between builds, outside the project: results that depend only on content.

Two things are kept, so that a rebuild after an edit redoes only what the edit changed:

* the anonymity check's findings per text (``anonymity-<rules>.json``), keyed by a hash of the
  text and valid only for the exact rules that produced them: the fingerprint covers the
  checker's code and every word list, the project's ``local/`` lists included;
* the source checks' results per text (``safety-*.json``, ``terminology-*.json``), under a
  fingerprint of the engine's code (and, for terminology, of the glossary's rules);
* Jinja's compiled templates (``templates/``), which Jinja itself checks against each
  template's source.

The folder is ``$CURRICULUM_CACHE``, else ``$XDG_CACHE_HOME/curriculum``, else
``~/.cache/curriculum``. It is never inside the project: a cache file that came with a fork
(or a pull request) could otherwise hide findings or run code. ``CURRICULUM_CACHE=off``
turns the cache off. A cache that cannot be read or written is ignored: the work is done
again, never skipped, and nothing fails because of the cache.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

MAX_ENTRIES = 50_000
"""Texts remembered per rule set (the shipped curriculum has about 2,000)."""

STALE_DAYS = 30
"""Cache files not used for this long are deleted."""


def folder() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get("CURRICULUM_CACHE", "")
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "curriculum"


def fingerprint(*parts: bytes | str) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


class FindingsCache:
    """Findings per text for one rule set, loaded on first use and saved when something new
    was added. Entries are plain JSON (no code), written atomically."""

    def __init__(self, rules: str, name: str = "anonymity"):
        where = folder()
        self.path = where / f"{name}-{rules}.json" if where else None
        self.rules = rules
        self._entries: dict[str, list] | None = None
        self._used: set[str] = set()
        self._added = False

    @staticmethod
    def key(text: str, slug: bool | str) -> str:
        tag = slug if isinstance(slug, str) else ("slug" if slug else "text")
        return fingerprint(text, tag)

    def result(self, text: str, tag: str, compute) -> list:
        """``compute()`` (a JSON list) for this text and tag, from the cache when it is there."""
        key = self.key(text, tag)
        found = self.get(key)
        if not isinstance(found, list):
            found = compute()
            self.put(key, found)
        return found

    def get(self, key: str) -> list | None:
        entries = self._load()
        found = entries.get(key)
        if found is not None:
            self._used.add(key)
        return found

    def put(self, key: str, value: list) -> None:
        self._load()[key] = value
        self._used.add(key)
        self._added = True

    def _load(self) -> dict[str, list]:
        if self._entries is None:
            self._entries = {}
            if self.path is not None:
                with contextlib.suppress(OSError, ValueError):
                    data = json.loads(self.path.read_text(encoding="utf-8"))
                    if isinstance(data, dict) and data.get("rules") == self.rules:
                        entries = data.get("entries")
                        self._entries = entries if isinstance(entries, dict) else {}
        return self._entries

    def save(self) -> None:
        """Write the texts used now first, then older ones up to ``MAX_ENTRIES``."""
        if not self._added or self.path is None or self._entries is None:
            return
        entries = {key: self._entries[key] for key in self._used}
        for key, value in self._entries.items():
            if len(entries) >= MAX_ENTRIES:
                break
            entries.setdefault(key, value)
        with contextlib.suppress(OSError):
            _write_json(self.path, {"rules": self.rules, "entries": entries})
            self._added = False
            _drop_stale(self.path.parent)


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _drop_stale(where: Path) -> None:
    cutoff = time.time() - STALE_DAYS * 86400
    for path in where.glob("*-*.json"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < cutoff:
                path.unlink()


@functools.cache
def engine_fingerprint() -> str:
    """The engine's code (every module of the package): a cached result made by other code is
    never used."""
    here = Path(__file__).parent
    return fingerprint(*(path.read_bytes() for path in sorted(here.glob("*.py"))))


def template_cache():
    """Jinja's bytecode cache in the cache folder, or None when the cache is off."""
    where = folder()
    if where is None:
        return None
    try:
        (where / "templates").mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    from jinja2 import FileSystemBytecodeCache

    return FileSystemBytecodeCache(str(where / "templates"))
