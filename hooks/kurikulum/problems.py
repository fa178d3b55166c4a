"""Problems found in the content, as data: the hook, the CLI and CI each report them their way."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one content file."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str = ""
    severity: Severity = "error"
    code: str = "schema"

    @property
    def shown_path(self) -> str:
        """The field as shown to people: the path, and in words which entry of a list it is."""
        phrase = describe(self.path)
        return f"{self.path} ({phrase})" if phrase else self.path

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        at = f"{self.shown_path}: " if self.path else ""
        fix = f" Fix: {self.hint}" if self.hint else ""
        if self.severity == "info":
            fix = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.severity}: {at}{self.message}{fix}"

    def github(self) -> str:
        kind = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        body = f"{self.shown_path}: {self.message} {self.hint}".strip().replace("\n", " ")
        return f"::{kind} file={self.file},line={self.line or 1},col={self.column or 1}::{body}"


_LAST_INDEX = re.compile(r"([A-Za-z_][\w-]*)\[(\d+)\](?!.*\[)")
_NOUNS = {
    "accepted": "accepted finding",
    "agenda": "block",
    "blocks": "block number",
    "checked": "entry",
    "checklist": "checklist line",
    "flow": "flow step",
    "legal": "legal reference",
    "outside": "outside review",
    "preparation": "preparation note",
    "report_back": "report-back prompt",
    "use_instead": "entry",
}


def ordinal(number: int) -> str:
    """1 -> 1st, 2 -> 2nd, 3 -> 3rd, 11 -> 11th, 22 -> 22nd."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _noun(name: str) -> str:
    """What one entry of the list ``name`` is called: ``guiding_questions`` -> guiding question."""
    if name in _NOUNS:
        return _NOUNS[name]
    words = name.replace("_", " ")
    if words.endswith("ies"):
        return words[:-3] + "y"
    if words.endswith("s") and not words.endswith("ss"):
        return words[:-1]
    return "entry"


def describe(path: str) -> str:
    """The last list position of a shown path in words, counted from 1 like the path:
    ``group_work.cases[14]`` -> "the 14th case in group_work.cases"; "" when there is none."""
    match = _LAST_INDEX.search(path)
    if not match:
        return ""
    container = path[: match.start(2) - 1]
    return f"the {ordinal(int(match.group(2)))} {_noun(match.group(1))} in {container}"


@dataclass
class Report:
    """All problems of one check, in a stable order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.problems))

    def errors(self, strict: bool = False) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == "error" or (strict and p.severity == "warning")]

    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == "warning"]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors(strict))

    def as_text(self) -> str:
        return "\n".join(p.text() for p in self.sorted())

    def as_json(self) -> str:
        return json.dumps([asdict(p) for p in self.sorted()], ensure_ascii=False, indent=2)

    def notes(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity == "info"]

    def summary(self, languages: Iterable[str] = ()) -> str:
        """``3 error(s), 12 warning(s) (9 en, 2 jv, 1 other)``: warnings per language when
        ``languages`` is given and some warnings are about a text of one language."""
        errors, warnings, notes = len(self.errors()), self.warnings(), len(self.notes())
        noted = f", {notes} note(s)" if notes else ""
        return f"{errors} error(s), {len(warnings)} warning(s){per_language(warnings, languages)}{noted}"


_MISSING_LANGUAGE = re.compile(r"missing `([a-z]{2,3})` text")


def language_of(problem: Problem, languages: Iterable[str]) -> str | None:
    """The language whose text a problem is about (a missing translation, a finding in
    ``summary.en``), or None when it is not about one language."""
    languages = set(languages)
    found = _MISSING_LANGUAGE.search(problem.message) if problem.code == "missing-translation" else None
    if found and found.group(1) in languages:
        return found.group(1)
    last = problem.path.rsplit(".", 1)[-1]
    return last if last in languages else None


def per_language(problems: list[Problem], languages: Iterable[str]) -> str:
    """`` (9 en, 2 jv, 1 other)`` for a list of problems, or "" when none is about one language."""
    languages = list(languages)
    counts: dict[str, int] = {}
    for problem in problems:
        lang = language_of(problem, languages) or ""
        counts[lang] = counts.get(lang, 0) + 1
    if not problems or set(counts) == {""}:
        return ""
    parts = [f"{counts[lang]} {lang}" for lang in languages if counts.get(lang)]
    if counts.get(""):
        parts.append(f"{counts['']} other")
    return " (" + ", ".join(parts) + ")"


class ContentError(Exception):
    """Raised when content problems stop a build; carries the report for tidy output."""

    def __init__(self, report: Report, strict: bool = False):
        self.report = report
        count = len(report.errors(strict))
        super().__init__(f"{count} content problem(s); see the messages above")
