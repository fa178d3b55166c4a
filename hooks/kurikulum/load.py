"""Load every content file of a curriculum folder into one ``Curriculum``, with its problems.

Finding the files (``discover``): each kind's folder is listed, and every entry whose name ends
in ``.yml`` or ``.yaml`` in any letter case and matches the kind's pattern (also in any letter
case) is looked at, so nothing that looks like content is silently ignored. Decisions:

* ``.yml`` in lower case is the only content suffix. A ``.yaml``, ``.YML`` or ``.Yaml`` file is
  *refused* with "rename it to x.yml", not loaded: one spelling keeps slugs (file name = slug),
  the editors' JSON Schema mapping (``*.yml``), ``curriculum new`` and the docs in agreement,
  and avoids ``x.yml`` and ``x.yaml`` both existing with two versions of one item. The same
  goes for a single-file kind in another letter case (``data/Programme.yml``).
* A hidden entry (name starting with a dot, e.g. macOS's ``._x.yml`` or Emacs's ``.#x.yml``
  lock link) is not loaded and is reported as a *warning*: not silent, but not blocking a
  preview while an editor holds such a file; ``--strict`` (CI) fails on it.
* Every other candidate is read through ``sourcefiles`` (via ``read_yaml``), which refuses,
  without opening it, a folder named ``x.yml``, a pipe, a device or a socket, and refuses a
  link that leaves the project, a broken link or a link loop, and an unreadable file.
* A name with control or invisible formatting characters (a newline, a bidirectional
  control) is refused and shown escaped: names are printed in CI logs and annotations.
* A folder that cannot be listed is reported; a kind whose only candidates were refused does
  not also get "no ... file found".
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import model as m
from . import overlay
from .overlay import LOCAL, Override
from .problems import Problem, Report
from .schema_errors import problems_from
from .sourcefiles import file_problem, unsafe_name
from .yamlsrc import Document, read_yaml

SUFFIX = ".yml"


@dataclass(frozen=True)
class Kind:
    """One kind of content file: where it lives and which schema it follows."""

    name: str
    pattern: str
    model: type[BaseModel]
    required: bool = True


KINDS = (
    Kind("programme", "data/programme.yml", m.Programme),
    Kind("ui", "data/ui.yml", m.Ui),
    Kind("forms", "data/forms.yml", m.FormsFile),
    Kind("glossary", "data/glossary.yml", m.GlossaryFile),
    Kind("legal", "data/legal.yml", m.LegalFile),
    Kind("contacts", "data/contacts.yml", m.ContactsFile),
    Kind("results", "data/results.yml", m.Results, required=False),
    Kind("assessment", "data/assessments/*.yml", m.Assessment),
    Kind("worksheet", "data/worksheets/*.yml", m.Worksheet, required=False),
    Kind("module", "modules/*.yml", m.Module),
    Kind("case", "case_studies/*.yml", m.CaseStudy),
)


@dataclass
class Loaded:
    """A validated item and the document it came from (for positions in later checks)."""

    item: BaseModel
    doc: Document


@dataclass
class Curriculum:
    """The whole validated content, language-agnostic; knows nothing of MkDocs."""

    root: Path
    languages: list[str]
    loaded: dict[str, list[Loaded]] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    """Upstream values the edition's ``local/`` files replaced (see ``overlay.py``)."""

    def items(self, kind: str) -> list:
        return [entry.item for entry in self.loaded.get(kind, [])]

    def single(self, kind: str):
        items = self.items(kind)
        return items[0] if items else None

    @property
    def source_language(self) -> str:
        return self.languages[0]

    @property
    def programme(self) -> m.Programme:
        return self.single("programme")

    @property
    def ui(self) -> m.Ui:
        return self.single("ui")

    @property
    def modules(self) -> dict[str, m.Module]:
        return {mod.slug: mod for mod in self.items("module")}

    @property
    def cases(self) -> dict[str, m.CaseStudy]:
        return {case.slug: case for case in self.items("case")}

    @property
    def worksheets(self) -> dict[str, m.Worksheet]:
        return {sheet.slug: sheet for sheet in self.items("worksheet")}

    @property
    def assessments(self) -> dict[str, m.Assessment]:
        return {a.slug: a for a in self.items("assessment")}

    @property
    def forms(self) -> dict[str, m.Form]:
        data = self.single("forms")
        return {f.slug: f for f in data.forms} if data else {}

    @property
    def terms(self) -> dict[str, m.Term]:
        data = self.single("glossary")
        return {t.slug: t for t in data.terms} if data else {}

    @property
    def instruments(self) -> dict[str, m.Instrument]:
        data = self.single("legal")
        return {i.slug: i for i in data.instruments} if data else {}

    @property
    def contacts(self) -> m.ContactsFile | None:
        return self.single("contacts")

    @property
    def results(self) -> m.Results | None:
        return self.single("results")

    def dropped(self) -> set[str]:
        """Modules in no day of the programme and in no variant (a session the edition dropped)."""
        if self.programme is None:
            return set()
        days = list(self.programme.days) + [d for v in self.programme.variants for d in v.days]
        run = {s.session for d in days for s in d.items if s.session}
        return {slug for slug in self.modules if slug not in run}

    def worksheets_in_use(self) -> dict[str, m.Worksheet]:
        """Worksheets, without those that only dropped sessions use (they are not published)."""
        dropped = self.dropped()
        if not dropped:
            return self.worksheets
        mods = self.modules
        used = {s for slug, mod in mods.items() if slug not in dropped for s in mod.worksheets}
        only_dropped = {s for slug in dropped for s in mods[slug].worksheets} - used
        return {slug: sheet for slug, sheet in self.worksheets.items() if slug not in only_dropped}

    def ordered_cases(self) -> list[m.CaseStudy]:
        """Cases in the order the training uses them (group work first), then the others."""
        cases, order = self.cases, []
        for mod in self.sessions():
            for slug in (mod.group_work.all_cases() if mod.group_work else []) + mod.cases:
                if slug in cases and cases[slug] not in order:
                    order.append(cases[slug])
        return order + [case for slug, case in sorted(cases.items()) if case not in order]

    def sessions(self) -> list[m.Module]:
        """Modules in programme order (the order of the training)."""
        mods = self.modules
        return [mods[s.session] for d in self.programme.days for s in d.items if s.session in mods]


def load(
    root: Path, languages: list[str], on_file: Callable[[str], None] | None = None
) -> tuple[Curriculum, Report]:
    """Read and schema-check every content file, with the edition's ``local/`` files laid over
    them (see ``overlay.py``); collect every problem in one pass."""
    root = Path(root)
    curriculum, report = Curriculum(root, list(languages)), Report()
    for kind in KINDS:
        files, problems, found = discover(root, kind)
        local, local_problems, local_found = discover(root / LOCAL, kind, f"{LOCAL}/")
        report.extend(problems + local_problems)
        if not found and not local_found and kind.required:
            report.add(_missing_kind(kind))
        docs: dict[str, Document | None] = {}
        for path in files:
            if on_file:
                on_file(path.name)
            docs[path.name], problems = _read(path, root)
            report.extend(problems)
        for path in local:
            if on_file:
                on_file(f"{LOCAL}/{path.name}")
            doc, problems = _read(path, root)
            report.extend(problems)
            if doc is None:
                continue
            if path.name not in docs:
                docs[path.name] = doc
                continue
            base = docs[path.name]
            if base is None or not isinstance(base.data, dict) or not isinstance(doc.data, dict):
                docs[path.name] = None if base is None else doc  # the error is reported already
                continue
            docs[path.name], overrides, problems = overlay.merge(base, doc)
            curriculum.overrides.extend(overrides)
            report.extend(problems)
        for doc in docs.values():
            if doc is None:
                continue
            entry, problems = _validated(doc, kind)
            report.extend(problems)
            if entry is not None:
                curriculum.loaded.setdefault(kind.name, []).append(entry)
    return curriculum, report


def discover(root: Path, kind: Kind, shown: str = "") -> tuple[list[Path], list[Problem], bool]:
    """The files of one kind to load, problems with look-alike names, and whether any was found.

    ``shown`` goes before the folder in messages (``local/`` for the edition's files)."""
    folder_name, _, pattern = kind.pattern.rpartition("/")
    stem_pattern = pattern.removesuffix(SUFFIX)
    folder = root / folder_name
    folder_name = shown + folder_name
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except (FileNotFoundError, NotADirectoryError):
        return [], [], False
    except OSError as exc:
        reason = (
            "permission denied" if isinstance(exc, PermissionError) else exc.strerror or type(exc).__name__
        )
        problem = file_problem(
            f"{folder_name}/",
            f"this folder cannot be read: {reason}",
            f"give your user permission to open it (on Linux or macOS: `chmod u+rx {folder_name}`)",
        )
        return [], [problem], True
    files, problems, found = [], [], False
    for name in names:
        stem, suffix = os.path.splitext(name)
        if suffix.lower() not in (".yml", ".yaml") or not fnmatch.fnmatchcase(stem.lower(), stem_pattern):
            continue
        shown = f"{folder_name}/{name}"
        escaped = unsafe_name(name)
        if escaped is not None:
            found = True
            problems.append(
                file_problem(
                    f"{folder_name}/{escaped}",
                    "the file name contains invisible or control characters; it was not loaded",
                    "rename it using lower-case letters, digits and hyphens, e.g. `case-c.yml`",
                )
            )
            continue
        if name.startswith("."):
            problems.append(Problem(shown, 0, 0, "", *_HIDDEN, severity="warning", code="file"))
            continue
        found = True
        wanted = (stem if "*" in stem_pattern else stem_pattern) + SUFFIX
        if name != wanted:
            problems.append(_misnamed(shown, name, wanted, wanted in names))
            continue
        files.append(folder / name)
    return files, problems, found


_HIDDEN = (
    "hidden file (the name starts with a dot); it was not loaded",
    "delete it if it is left over by an editor or the system (such as `._name.yml` or `.#name.yml`); "
    "otherwise rename it without the leading dot",
)


def _misnamed(shown: str, name: str, wanted: str, clash: bool) -> Problem:
    suffix = os.path.splitext(name)[1]
    why = (
        f"content files must end in `{SUFFIX}` (lower case), so this `{suffix}` file was not loaded"
        if suffix != SUFFIX
        else f"the file name must be `{wanted}` (lower case), so this file was not loaded"
    )
    hint = f"rename it to `{wanted}`"
    if clash:
        hint += f"; `{wanted}` also exists, so merge the two into `{wanted}` and delete this one"
    return file_problem(shown, why, hint)


def _read(path: Path, root: Path) -> tuple[Document | None, list[Problem]]:
    return read_yaml(path, path.relative_to(root).as_posix(), root)


def _load_file(path: Path, root: Path, kind: Kind) -> tuple[Loaded | None, list[Problem]]:
    doc, problems = _read(path, root)
    if doc is None:
        return None, problems
    entry, more = _validated(doc, kind)
    return entry, [*problems, *more]


def _validated(doc: Document, kind: Kind) -> tuple[Loaded | None, list[Problem]]:
    """The item of a document, or the problems that say why its content does not fit the kind."""
    problems: list[Problem] = []
    name = doc.file
    if not isinstance(doc.data, dict):
        found = "a list" if isinstance(doc.data, list) else f"{type(doc.data).__name__} {doc.data!r}"
        return None, [
            *problems,
            Problem(
                name,
                1,
                1,
                "",
                f"expected a mapping of `key: value` lines, found {found}",
                "start the file with the keys of this kind, e.g. `slug: ...`",
            ),
        ]
    try:
        item = kind.model.model_validate(doc.data)
    except ValidationError as error:
        return None, [*problems, *problems_from(error, doc, kind.model)]
    return Loaded(item, doc), problems


def _missing_kind(kind: Kind) -> Problem:
    return Problem(
        kind.pattern,
        0,
        0,
        "",
        f"no {kind.name} file found at {kind.pattern}",
        "restore it from the shipped curriculum (git checkout) or create it",
    )
