"""Numbers from the settings in running text, and text a scaffold left to write.

**Settings placeholders.** A text may say ``{{groups}} kelompok`` instead of "enam kelompok":
the number is inserted from ``data/programme.yml`` when the page is rendered, in every
language, so the text always agrees with the settings (and with the print plan, which counts
from the same data). Decisions:

* Double braces around a lower-case name: ``{{name}}`` (spaces inside are allowed). Single
  braces are left alone, so ``{...}`` in a text never changes meaning; a double-brace name
  that is not a placeholder is an error with ``file:line``, never shown as it is.
* The names: ``participants``, ``groups``, ``facilitators``, ``spare-copies``,
  ``days`` (days of the programme), ``group-size`` (people per discussion group: ``6`` or
  ``6–7``), and ``copies:<worksheet slug>`` (copies of a worksheet or printed material in the
  print plan; a worksheet printed inside handouts has the handouts' copies), ``copies:test``,
  ``copies:emergency-card``, ``copies:referral-directory`` and ``copies:discussion-sheets``
  (see ``printplan.copies_values``).
* Only content texts (``{id: ..., en: ...}``) are filled; hand-written pages in ``docs/`` are
  not, so they can show the syntax itself. A YAML text that *starts* with ``{{`` needs quotes
  (YAML would read a ``{`` there as a mapping).
* The source checks (``safety``) see a placeholder as the number it stands for, so
  ``**{{groups}}**`` is not taken for an attribute list.

**Scaffold markers.** ``curriculum new`` writes ``TODO`` where a text is still to be written.
A text that still holds the word ``TODO`` (in capitals) is a warning at its line (an error with
``--strict``), and ``curriculum translations`` counts it as not yet translated in its language.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from .problems import Problem
from .walk import texts
from .yamlsrc import PathKey, dotted

PLACEHOLDER = re.compile(r"\{\{[ \t]*([^{}\n]*?)[ \t]*\}\}")
TODO = re.compile(r"\bTODO\b")


def values(cur) -> dict[str, str]:
    """Every placeholder's text for this curriculum (the same in every language)."""
    from .printplan import copies_values, group_sizes

    prog = cur.programme
    if prog is None:
        return {}
    sizes = set(group_sizes(prog.participants, prog.groups).values())
    found = {
        "participants": str(prog.participants),
        "groups": str(prog.groups),
        "facilitators": str(prog.facilitators),
        "spare-copies": str(prog.spare_copies),
        "days": str(len(prog.days)),
        "group-size": "–".join(str(n) for n in sorted({min(sizes), max(sizes)})),
    }
    for name, copies in copies_values(cur).items():
        found[f"copies:{name}"] = str(copies)
    return found


def fill(text: str, known: dict[str, str]) -> str:
    """``text`` with each known placeholder replaced (unknown ones are left; the check reports them)."""
    if "{{" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: known.get(_name(m), m.group()), text)


def mask(text: str) -> str:
    """``text`` with each placeholder replaced by as many zeros: what the source checks read
    (offsets stay the same, and a placeholder stands for a number)."""
    if "{{" not in text:
        return text
    return PLACEHOLDER.sub(lambda m: "0" * len(m.group()), text)


def _name(match: re.Match) -> str:
    return re.sub(r"[ \t]*:[ \t]*", ":", match.group(1))


def check_placeholders(cur) -> list[Problem]:
    """Unknown placeholders (errors) and scaffold ``TODO`` texts (warnings), at their lines."""
    known = values(cur)
    problems = []
    for entries in cur.loaded.values():
        for entry in entries:
            for path, value in texts(entry.item):
                for lang, text in value.root.items():
                    if isinstance(text, str) and "{{" in text:
                        problems.extend(_unknown(entry, (*path, lang), text, known))
            problems.extend(_todos(entry))
    return problems


def _where(entry, path: PathKey, text: str, offset: int) -> tuple[str, int, int]:
    doc = entry.doc
    file = doc.file_at(path) if hasattr(doc, "file_at") else doc.file
    return (file, *doc.text_position(path, text, offset))


def _unknown(entry, path: PathKey, text: str, known: dict[str, str]) -> Iterator[Problem]:
    for match in PLACEHOLDER.finditer(text):
        name = _name(match)
        if name in known:
            continue
        file, line, column = _where(entry, path, text, match.start())
        listing = ", ".join(f"`{{{{{n}}}}}`" for n in sorted(k for k in known if ":" not in k))
        if name.startswith("copies:"):
            sheets = sorted(k.removeprefix("copies:") for k in known if k.startswith("copies:"))
            close = difflib.get_close_matches(name.removeprefix("copies:"), sheets, n=1, cutoff=0.5)
            hint = (
                f"did you mean `{{{{copies:{close[0]}}}}}`?"
                if close
                else "use a worksheet slug from data/worksheets/ or a document: " + ", ".join(sheets)
            )
            message = f"`{match.group()}`: there is no worksheet `{name.removeprefix('copies:')}`"
        else:
            close = difflib.get_close_matches(name, [k for k in known if ":" not in k], n=1, cutoff=0.5)
            hint = f"did you mean `{{{{{close[0]}}}}}`? " if close else ""
            hint += f"the placeholders are {listing} and `{{{{copies:<worksheet slug>}}}}`"
            message = f"unknown placeholder `{match.group()[:40]}`"
        yield Problem(file, line, column, dotted(path), message, hint, "error", "placeholder")


def _strings(data, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, child in data.items():
            yield from _strings(child, (*path, key))
    elif isinstance(data, list):
        for index, child in enumerate(data):
            yield from _strings(child, (*path, index))


def _todos(entry) -> Iterator[Problem]:
    """Every text of the file that still holds the scaffold marker, once per text."""
    for path, text in _strings(entry.doc.data):
        match = TODO.search(text)
        if match is None:
            continue
        file, line, column = _where(entry, path, text, match.start())
        snippet = " ".join(text[match.start() :].split())
        snippet = snippet if len(snippet) <= 50 else snippet[:47] + "..."
        yield Problem(
            file,
            line,
            column,
            dotted(path),
            f"text still to write: `{snippet}` (a `TODO` placeholder, e.g. from `curriculum new`)",
            "replace the TODO text with the real text; the site would show it as it is",
            "warning",
            "todo",
        )
