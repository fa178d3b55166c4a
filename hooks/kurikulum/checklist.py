"""The edition checklist: what a regional team still has to fill in or confirm.

Collected from the content, so the list is never out of date:

* *to fill in*: every text that still holds a placeholder, that is a text starting with
  "Isi ..." / "Fill in ..." or holding "(isi ...)" / "(fill in ...)", and every channel of a
  local contact without a value;
* *to confirm*: every legal reference and contact whose confidence is not ``verified``, with
  what to confirm.

Each row gives the file and line to edit (in an edition: the upstream file, whose value the
edition replaces by writing it in the same place under ``local/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .load import Curriculum
from .walk import texts
from .yamlsrc import dotted

PLACEHOLDER = re.compile(r"^\s*(?:isi|lengkapi|fill in)\b|\((?:isi|lengkapi|fill in)\b[^)]*\)", re.IGNORECASE)
FILL_IN = re.compile(r"\bfill in\b", re.IGNORECASE)
"""In Indonesian "isi" is also "contents": a text counts only if its English says "fill in" too
(or it has no English)."""


@dataclass(frozen=True)
class Row:
    where: str
    field: str
    text: str
    extra: str = ""


def _where(entry, path) -> str:
    file, line, _ = entry.doc.where(path)
    return f"{file}:{line}"


def to_fill(cur: Curriculum, lang: str) -> list[Row]:
    """Placeholders in the texts (in ``lang``, else the source language)."""
    rows = []
    for kind in sorted(cur.loaded):
        for entry in cur.loaded[kind]:
            for path, value in texts(entry.item):
                if "confirm" in path:
                    continue  # what to confirm is the other table
                source = value.root.get(cur.source_language) or ""
                english = value.root.get("en")
                if source and PLACEHOLDER.search(source) and (english is None or FILL_IN.search(english)):
                    shown = value.root.get(lang) or source
                    rows.append(Row(_where(entry, (*path, cur.source_language)), dotted(path), shown))
    for entry in cur.loaded.get("contacts", []):
        for index, contact in enumerate(entry.item.contacts):
            for number, channel in enumerate(contact.channels):
                if not channel.value and channel.kind != "in-person":
                    path = ("contacts", index, "channels", number)
                    name = contact.name.root.get(lang) or contact.name.root.get(cur.source_language)
                    rows.append(Row(_where(entry, path), dotted((*path, "value")), name, channel.kind))
    return sorted(rows, key=lambda row: _order(row.where))


def to_confirm(cur: Curriculum, lang: str) -> list[Row]:
    """Legal references and contacts that are not verified, with what to confirm."""
    rows = []
    for kind, field, name in (("legal", "instruments", "short"), ("contacts", "contacts", "name")):
        for entry in cur.loaded.get(kind, []):
            for index, item in enumerate(getattr(entry.item, field)):
                if item.confidence == "verified":
                    continue
                title = getattr(item, name).root
                confirm = item.confirm.root if item.confirm else {}
                rows.append(
                    Row(
                        _where(entry, (field, index, "confidence")),
                        item.confidence,
                        title.get(lang) or title.get(cur.source_language, item.slug),
                        confirm.get(lang) or confirm.get(cur.source_language, ""),
                    )
                )
    return sorted(rows, key=lambda row: _order(row.where))


def _order(where: str) -> tuple[str, int]:
    file, _, line = where.rpartition(":")
    return file, int(line) if line.isdigit() else 0
