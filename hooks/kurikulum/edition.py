"""Checks for an edition that drops sessions: what is left behind, and where.

A session is *dropped* when its module is in no day of the programme (and in no variant). An
edition drops an upstream session by leaving it out of ``local/data/programme.yml``; that is
not a mistake, so the module itself is reported only as information. What the drop leaves
behind is reported with ``file:line``:

* test items whose ``module:`` is the dropped session (warning: remove them in the edition's
  ``local/data/assessments/<test>.yml`` with ``- {key: q17, remove: true}``);
* mentions of the dropped session in the text of the sessions that remain, their worksheets,
  the tests and the cases: its title in any language, and the phrases listed in the module's
  ``mentions:`` (warning: override that text in the edition's ``local/`` file);
* worksheets, cases and glossary terms that only dropped sessions used. Worksheets of dropped
  sessions are left out of the site and the print plan (``Curriculum.worksheets_in_use``);
  cases and terms stay in the library and the glossary. For an upstream file under an edition's
  programme this is information (the edition cannot and need not delete upstream files);
  otherwise a warning.
"""

from __future__ import annotations

import re

from .load import Curriculum, Loaded
from .overlay import LOCAL
from .problems import Problem
from .walk import texts
from .yamlsrc import dotted

CODE = "dropped"


def edition_programme(cur: Curriculum) -> bool:
    """Whether the programme is the edition's (``local/data/programme.yml`` is laid over it)."""
    entries = cur.loaded.get("programme", [])
    return bool(entries) and entries[0].doc.file.startswith(f"{LOCAL}/")


def is_upstream(entry: Loaded) -> bool:
    return not entry.doc.file_at(("slug",)).startswith(f"{LOCAL}/")


def check_dropped(cur: Curriculum) -> list[Problem]:
    dropped = cur.dropped()
    if not dropped:
        return []
    problems = _test_items(cur, dropped) + _mentions(cur, dropped)
    problems += _left_behind(cur, dropped)
    return problems


def _test_items(cur: Curriculum, dropped: set[str]) -> list[Problem]:
    problems = []
    for entry in cur.loaded.get("assessment", []):
        for index, item in enumerate(entry.item.items):
            if item.module in dropped:
                file, line, column = entry.doc.where(("items", index, "module"))
                local = f"{LOCAL}/{entry.doc.file.removeprefix(LOCAL + '/')}"
                problems.append(
                    Problem(
                        file,
                        line,
                        column,
                        dotted(("items", index, "module")),
                        f"test item `{item.key}` is about `{item.module}`, a session that is not in the programme",
                        f"remove it in {local} with `items: [{{key: {item.key}, remove: true}}]`, "
                        "or put the session back in the programme",
                        "warning",
                        CODE,
                    )
                )
    return problems


def _phrases(cur: Curriculum, dropped: set[str]) -> list[tuple[str, re.Pattern]]:
    out = []
    for slug in sorted(dropped):
        mod = cur.modules[slug]
        words = {text for text in mod.title.root.values() if text}
        for phrase in mod.mentions:
            words |= {text for text in phrase.root.values() if text}
        for word in sorted(words):
            out.append((slug, re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)))
    return out


def _mentions(cur: Curriculum, dropped: set[str]) -> list[Problem]:
    phrases = _phrases(cur, dropped)
    published = cur.worksheets_in_use()
    problems = []
    for kind in ("module", "worksheet", "assessment", "case"):
        for entry in cur.loaded.get(kind, []):
            if kind == "module" and entry.item.slug in dropped:
                continue
            if kind == "worksheet" and entry.item.slug not in published:
                continue
            for path, value in texts(entry.item):
                if path and path[0] == "mentions":
                    continue
                for lang, text in value.root.items():
                    for slug, pattern in phrases:
                        match = pattern.search(text)
                        if match is None:
                            continue
                        line, column = entry.doc.text_position((*path, lang), text, match.start())
                        file = entry.doc.file_at((*path, lang))
                        problems.append(
                            Problem(
                                file,
                                line,
                                column,
                                dotted((*path, lang)),
                                f"mentions “{match.group()}”, the session `{slug}`, which is not in the programme",
                                f"rewrite this text without it: override `{dotted((*path, lang))}` in "
                                f"{_local_name(file)}, or put the session back in the programme",
                                "warning",
                                CODE,
                            )
                        )
                        break
    return problems


def _local_name(file: str) -> str:
    return file if file.startswith(f"{LOCAL}/") else f"{LOCAL}/{file}"


def _left_behind(cur: Curriculum, dropped: set[str]) -> list[Problem]:
    kept = [mod for mod in cur.modules.values() if mod.slug not in dropped]
    used = {
        "worksheet": {s for mod in kept for s in mod.worksheets},
        "case": {
            s for mod in kept for s in mod.cases + (mod.group_work.all_cases() if mod.group_work else [])
        },
        "term": {s for mod in kept for s in mod.terms}
        | {s for case in cur.cases.values() for s in case.terms},
    }
    lost = {
        "worksheet": {s for slug in dropped for s in cur.modules[slug].worksheets} - used["worksheet"],
        "case": {
            s
            for slug in dropped
            for s in cur.modules[slug].cases
            + (cur.modules[slug].group_work.all_cases() if cur.modules[slug].group_work else [])
        }
        - used["case"],
        "term": {s for slug in dropped for s in cur.modules[slug].terms} - used["term"],
    }
    edition = edition_programme(cur)
    problems = []
    for kind, what in (("worksheet", "worksheet"), ("case", "case")):
        for entry in cur.loaded.get(kind, []):
            if entry.item.slug in lost[kind]:
                quiet = edition and is_upstream(entry)
                after = (
                    "it is left out of the site and the print plan"
                    if kind == "worksheet"
                    else "it stays in the case library"
                )
                problems.append(
                    _left(
                        entry,
                        ("slug",),
                        f"{what} `{entry.item.slug}` is used only by sessions not in the programme; {after}",
                        quiet,
                    )
                )
    for entry in cur.loaded.get("glossary", []):
        for index, term in enumerate(entry.item.terms):
            if term.slug in lost["term"]:
                quiet = edition and not entry.doc.file_at(("terms", index)).startswith(f"{LOCAL}/")
                problems.append(
                    _left(
                        entry,
                        ("terms", index, "slug"),
                        f"term `{term.slug}` is used only by sessions not in the programme; it stays in the glossary",
                        quiet,
                    )
                )
    return problems


def _left(entry: Loaded, path, message: str, quiet: bool) -> Problem:
    file, line, column = entry.doc.where(path)
    hint = "nothing to do in an edition" if quiet else "delete it, or use it in a session of the programme"
    return Problem(file, line, column, dotted(path), message, hint, "info" if quiet else "warning", CODE)
