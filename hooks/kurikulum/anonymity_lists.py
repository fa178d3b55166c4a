"""Word lists of the anonymity checker, read from plain-text data files.

Every list is one file in ``kurikulum/data/`` (``provinces.txt``, ``given_names.txt``,
``landmarks.txt`` ...): one word or phrase per line, blank lines and ``#`` comments ignored.
The comment at the top of each file says what the list is for and how it is matched.

A project extends the lists without editing the package: if the folder
``<project root>/local/data/anonymity/`` exists, a file there with the same name as a package
list (``local/data/anonymity/institutions.txt``) is read in addition to it. Regional editions
keep their own institutions, place names and given names there. A file there that matches no
package list is reported by the check (see ``Lexicon.unknown``), so a misspelt name is not
silently ignored.

The package lists are read once per process; the extras once per project root.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
LOCAL_DIR = Path("local", "data", "anonymity")
"""Where a project keeps its extra lists, relative to the project root."""


def read_list(path: Path) -> list[str]:
    """Non-empty, non-comment lines of one list file, stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def _package_lists() -> dict[str, tuple[str, ...]]:
    return {path.stem: tuple(read_list(path)) for path in sorted(DATA_DIR.glob("*.txt"))}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """All word lists by file stem, with set views built on first use."""

    lists: dict[str, tuple[str, ...]]
    unknown: tuple[Path, ...] = ()
    _sets: dict[tuple[str, bool], frozenset[str]] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        """The entries of one list, without their ``*`` marks."""
        return tuple(entry.rstrip("*").rstrip() for entry in self.lists[name])

    def starred(self, name: str) -> frozenset[str]:
        """The entries of one list marked with a trailing ``*`` (each file says what it means)."""
        return frozenset(entry.rstrip("*").rstrip() for entry in self.lists[name] if entry.endswith("*"))

    def set(self, *names: str, lower: bool = False) -> frozenset[str]:
        """The entries of one or more lists as a set, lower-cased if asked."""
        key = ("+".join(names), lower)
        if key not in self._sets:
            entries = (entry for name in names for entry in self[name])
            self._sets[key] = frozenset(entry.lower() if lower else entry for entry in entries)
        return self._sets[key]


@functools.cache
def package_lexicon() -> Lexicon:
    """The lists shipped with the package."""
    return Lexicon(_package_lists())


def lexicon_for(root: Path | str | None) -> Lexicon:
    """The package lists plus the project's extras under ``<root>/local/data/anonymity/``."""
    if root is None:
        return package_lexicon()
    root = Path(root).resolve()
    return _project_lexicon(str(root), _signature(root / LOCAL_DIR))


def _signature(folder: Path) -> tuple:
    """What the project's extra lists are now, so an edit to one is seen by a running
    ``mkdocs serve`` (names, sizes and modification times)."""
    try:
        return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.txt")))
    except OSError:
        return ()


@functools.lru_cache(maxsize=8)
def _project_lexicon(root: str, signature: tuple) -> Lexicon:
    folder = Path(root) / LOCAL_DIR
    if not folder.is_dir():
        return package_lexicon()
    base = _package_lists()
    lists = dict(base)
    unknown = []
    for path in sorted(folder.glob("*.txt")):
        if path.stem in base:
            lists[path.stem] = base[path.stem] + tuple(read_list(path))
        else:
            unknown.append(path)
    return Lexicon(lists, tuple(unknown))
