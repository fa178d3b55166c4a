"""Load every content file of a curriculum folder into one ``Curriculum``, with its problems."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import model as m
from .problems import Problem, Report
from .schema_errors import problems_from
from .yamlsrc import Document, read_yaml


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

    def ordered_cases(self) -> list[m.CaseStudy]:
        """Cases in the order the training uses them (group work first), then the others."""
        cases, order = self.cases, []
        for mod in self.sessions():
            for slug in (mod.group_work.cases if mod.group_work else []) + mod.cases:
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
    """Read and schema-check every content file; collect every problem in one pass."""
    curriculum, report = Curriculum(Path(root), list(languages)), Report()
    for kind in KINDS:
        files = sorted(Path(root).glob(kind.pattern))
        if not files and kind.required:
            report.add(_missing_kind(kind))
        for path in files:
            if on_file:
                on_file(path.name)
            entry, problems = _load_file(path, Path(root), kind)
            report.extend(problems)
            if entry is not None:
                curriculum.loaded.setdefault(kind.name, []).append(entry)
    return curriculum, report


def _load_file(path: Path, root: Path, kind: Kind) -> tuple[Loaded | None, list[Problem]]:
    name = path.relative_to(root).as_posix()
    doc, problems = read_yaml(path, name)
    if doc is None:
        return None, problems
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
