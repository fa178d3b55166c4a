"""Problems found in the content, as data: the hook, the CLI and CI each report them their way."""

from __future__ import annotations

import json
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

    def text(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        at = f"{self.path}: " if self.path else ""
        fix = f" Fix: {self.hint}" if self.hint else ""
        if self.severity == "info":
            fix = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.severity}: {at}{self.message}{fix}"

    def github(self) -> str:
        kind = {"error": "error", "warning": "warning"}.get(self.severity, "notice")
        body = f"{self.path}: {self.message} {self.hint}".strip().replace("\n", " ")
        return f"::{kind} file={self.file},line={self.line or 1},col={self.column or 1}::{body}"


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

    def summary(self) -> str:
        errors, warnings, notes = len(self.errors()), len(self.warnings()), len(self.notes())
        accepted = f", {notes} accepted" if notes else ""
        return f"{errors} error(s), {warnings} warning(s){accepted}"


class ContentError(Exception):
    """Raised when content problems stop a build; carries the report for tidy output."""

    def __init__(self, report: Report, strict: bool = False):
        self.report = report
        count = len(report.errors(strict))
        super().__init__(f"{count} content problem(s); see the messages above")
