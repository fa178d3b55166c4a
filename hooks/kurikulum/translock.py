"""Stale translations: a translation whose source text changed after it was written.

Git history cannot tell this reliably (a text and its translation often share one line,
``title: {id: ..., en: ...}``), so the project keeps a *stored fingerprint* instead. For each
language other than the source, a plain-text lock file records, per text, a short hash of the
source text and of the translation as they were when the translation was last confirmed:

* ``translations/<lang>.tsv`` for upstream's languages, written by upstream's translators;
* ``local/translations/<lang>.tsv`` for an edition's own translations and languages (a
  record there wins over upstream's for the same text), so an edition never edits upstream's
  lock and ``git merge`` never conflicts on it.

A translation is *stale* when the source text's hash differs from the record while the
translation's hash is still the recorded one: the source changed, the translation did not.
``curriculum translations --record <lang>`` confirms the current translations of a language
(into ``local/translations/`` in an edition, that is when ``local/`` holds more than upstream's
README, else into ``translations/``). A text with no record is not judged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .load import Curriculum
from .overlay import LOCAL
from .problems import Problem
from .walk import texts
from .yamlsrc import dotted

FOLDER = "translations"
CODE = "stale-translation"
HEADER = (
    "# Translations confirmed for their source text: key, hash of the source text, hash of the\n"
    "# translation. Written by `curriculum translations --record {lang}`; do not edit by hand.\n"
)


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


@dataclass(frozen=True)
class Pair:
    key: str
    source: str
    translation: str
    entry: object
    path: tuple


def pairs(cur: Curriculum, lang: str):
    """Every text that has both the source language and ``lang``."""
    source = cur.source_language
    for entries in cur.loaded.values():
        for entry in entries:
            name = entry.doc.file.removeprefix(f"{LOCAL}/")
            for path, value in texts(entry.item):
                root = value.root
                if source in root and lang in root and root[source] and root[lang]:
                    yield Pair(f"{name}#{dotted(path)}", root[source], root[lang], entry, path)


def _read(path: Path) -> dict[str, tuple[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    records = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 3 and not line.startswith("#"):
            records[parts[0]] = (parts[1], parts[2])
    return records


def records(root: Path, lang: str) -> dict[str, tuple[str, str]]:
    found = _read(Path(root) / FOLDER / f"{lang}.tsv")
    found.update(_read(Path(root) / LOCAL / FOLDER / f"{lang}.tsv"))
    return found


def check_stale(cur: Curriculum) -> list[Problem]:
    problems = []
    for lang in cur.languages[1:]:
        known = records(cur.root, lang)
        if not known:
            continue
        for pair in pairs(cur, lang):
            record = known.get(pair.key)
            if record is None or record[0] == _hash(pair.source) or record[1] != _hash(pair.translation):
                continue
            file, line, column = pair.entry.doc.where((*pair.path, lang))
            source_file, source_line, _ = pair.entry.doc.where((*pair.path, cur.source_language))
            problems.append(
                Problem(
                    file,
                    line,
                    column,
                    dotted((*pair.path, lang)),
                    f"the `{lang}` text was written for an older `{cur.source_language}` text, which has "
                    f"changed since ({source_file}:{source_line})",
                    f"update the `{lang}` text, then run `curriculum translations --record {lang}`",
                    "warning",
                    CODE,
                )
            )
    return problems


def is_edition(root: Path) -> bool:
    """Whether the project is a regional edition: ``local/`` holds more than upstream's README."""
    folder = Path(root) / LOCAL
    return folder.is_dir() and any(
        path.is_file() and not (path.parent == folder and path.name.lower().startswith("readme"))
        for path in folder.rglob("*")
    )


def record(cur: Curriculum, lang: str) -> tuple[Path, int]:
    """Confirm the current ``lang`` translations; returns the lock file and how many texts."""
    root = Path(cur.root)
    folder = root / LOCAL / FOLDER if is_edition(root) else root / FOLDER
    target = folder / f"{lang}.tsv"
    lines = sorted(f"{p.key}\t{_hash(p.source)}\t{_hash(p.translation)}" for p in pairs(cur, lang))
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(HEADER.format(lang=lang) + "\n".join(lines) + "\n", encoding="utf-8")
    return target, len(lines)
