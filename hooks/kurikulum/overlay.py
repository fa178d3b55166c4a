"""The edition layer: a regional edition's files under ``local/`` laid over the upstream files.

A regional team keeps its edition in ``local/``, with the same layout as the project
(``local/data/``, ``local/modules/``, ``local/case_studies/``, ``local/data/worksheets/``,
``local/data/assessments/``, ``local/docs/``). Upstream ships nothing there but a README, so
``git merge`` of upstream updates never meets the edition's own lines. A file in ``local/``
holds only what the edition changes:

* A file with the name of an upstream file (``local/modules/closing.yml`` and
  ``modules/closing.yml``; ``local/data/programme.yml`` and ``data/programme.yml``) is laid over
  it field by field. Any other file is a new item (a new module, case, worksheet ...).
* Mappings merge key by key, so ``title: {jv: ...}`` adds a language to a title and keeps the
  others. A key set to nothing (``summary:`` with no value) removes the upstream value.
* Lists of entries with a ``slug`` (contacts, glossary terms, legal instruments, forms) merge
  by slug: an entry with a known slug is laid over it, a new slug is added at the end, and
  ``{slug: x, remove: true}`` removes upstream's ``x``. Test items merge the same way by
  their ``key`` (``{key: q17, remove: true}``).
* The programme's ``days`` merge day by day in order (the first local day over the first
  upstream day; ``- {}`` leaves a day as it is, ``- {remove: true}`` drops it; more local days
  are added).
* Every other list (a day's ``items``, a module's ``agenda``, a case's questions, a list of
  slugs) is replaced as a whole by the local one.

The merged document remembers which file and line each value came from, so every message
names the right file. ``merge`` also lists each upstream value the edition replaced
(``Override``), for the check that warns when upstream changed such a value after the edition
overrode it (``history.py``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .problems import Problem
from .yamlsrc import Document, PathKey, dotted

LOCAL = "local"
POSITIONAL = {("days",)}
"""Lists merged entry by entry in order (paths with list positions left out)."""


@dataclass(frozen=True)
class Override:
    """An upstream value the edition replaced: where it is upstream and where locally."""

    path: PathKey
    upstream: Document
    upstream_path: PathKey
    local: Document
    local_path: PathKey


class _Merge:
    def __init__(self, base: Document, over: Document) -> None:
        self.base, self.over = base, over
        self.routes: dict[PathKey, tuple[Document, PathKey]] = {(): (base, ())}
        self.overrides: list[Override] = []
        self.problems: list[Problem] = []

    def value(self, base, over, path: PathKey, bpath: PathKey | None, opath: PathKey):
        """The merged value of ``base`` (at ``bpath`` upstream; None if absent) and ``over``."""
        if bpath is None:
            self.routes[path] = (self.over, opath)
            return over
        if isinstance(base, dict) and isinstance(over, dict):
            return self.mapping(base, over, path, bpath, opath)
        if isinstance(base, list) and isinstance(over, list):
            if _shape(path) in POSITIONAL:
                return self.by_position(base, over, path, bpath, opath)
            key = _identifier(base, over)
            if key:
                return self.by_slug(base, over, path, bpath, opath, key)
        self.routes[path] = (self.over, opath)
        self.overrides.append(Override(path, self.base, bpath, self.over, opath))
        return over

    def mapping(self, base: dict, over: dict, path: PathKey, bpath: PathKey, opath: PathKey) -> dict:
        self.routes.setdefault(path, (self.base, bpath))
        merged = dict(base)
        for key in base:
            self.routes[(*path, key)] = (self.base, (*bpath, key))
        for key, value in over.items():
            if value is None and key in base:
                del merged[key]
                continue
            merged[key] = self.value(
                base.get(key), value, (*path, key), (*bpath, key) if key in base else None, (*opath, key)
            )
        return merged

    def by_position(self, base: list, over: list, path: PathKey, bpath: PathKey, opath: PathKey) -> list:
        merged = []
        for index in range(max(len(base), len(over))):
            here = (*path, len(merged))
            change = over[index] if index < len(over) else None
            if isinstance(change, dict) and change.get("remove") is True:
                continue  # `- {remove: true}`: upstream's entry at this place is dropped
            if index >= len(over):
                self.routes[here] = (self.base, (*bpath, index))
                merged.append(base[index])
            elif index >= len(base):
                merged.append(self.value(None, change, here, None, (*opath, index)))
            else:
                self.routes[here] = (self.base, (*bpath, index))
                merged.append(self.value(base[index], change, here, (*bpath, index), (*opath, index)))
        return merged

    def by_slug(
        self, base: list, over: list, path: PathKey, bpath: PathKey, opath: PathKey, key: str = "slug"
    ) -> list:
        local = {}
        for index, entry in enumerate(over):
            if entry[key] in local:
                self.problems.append(
                    self._problem(
                        (*opath, index, key),
                        f"`{entry[key]}` is listed twice in this local file",
                        f"keep one entry per {key}",
                    )
                )
                continue
            local[entry[key]] = index
        merged = []
        for index, entry in enumerate(base):
            chosen = local.pop(entry[key], None)
            if chosen is None:
                self.routes[(*path, len(merged))] = (self.base, (*bpath, index))
                merged.append(entry)
                continue
            change = dict(over[chosen])
            if change.pop("remove", False) is True:
                continue
            here = (*path, len(merged))
            self.routes[here] = (self.base, (*bpath, index))
            merged.append(self.mapping(entry, change, here, (*bpath, index), (*opath, chosen)))
        for slug, index in local.items():
            entry = dict(over[index])
            if entry.pop("remove", False) is True:
                self.problems.append(
                    self._problem(
                        (*opath, index, "remove"),
                        f"`remove: true` for `{slug}`, which upstream does not have",
                        "check the slug, or delete this entry",
                        "warning",
                    )
                )
                continue
            merged.append(self.value(None, entry, (*path, len(merged)), None, (*opath, index)))
        return merged

    def _problem(self, opath: PathKey, message: str, hint: str, severity: str = "error") -> Problem:
        line, column = self.over.position(opath)
        return Problem(self.over.file, line, column, dotted(opath), message, hint, severity, code="local")


def _shape(path: PathKey) -> PathKey:
    return tuple(part for part in path if isinstance(part, str))


def _identifier(base: list, over: list) -> str | None:
    """``slug`` (or ``key``, for test items) if every entry of both lists has one."""
    for key in ("slug", "key"):
        if base and over and all(isinstance(x, dict) and isinstance(x.get(key), str) for x in base + over):
            return key
    return None


def merge(base: Document, over: Document) -> tuple[Document, list[Override], list[Problem]]:
    """``over`` (a file in ``local/``) laid over ``base`` (the upstream file)."""
    work = _Merge(base, over)
    if not isinstance(base.data, dict) or not isinstance(over.data, dict):
        return over, [], []
    data = work.mapping(base.data, over.data, (), (), ())
    digest = hashlib.blake2b(base.digest + b"\0" + over.digest, digest_size=20).digest()
    merged = Document(over.file, data, digest=digest, routes=work.routes)
    return merged, work.overrides, work.problems
